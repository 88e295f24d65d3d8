import { getPage, seg, type PageArgs } from '../api/lists';
import { staffApi } from '../auth/session';
import type { StatusStyle } from '../ui/Badge';

/** A receivable (conta a receber): one installment of an invoice, from the order's payment terms. */
export interface Receivable {
  id: string;
  customerId: string;
  customerName: string;
  invoiceId: string;
  invoiceNumber: number | null;
  orderId: string;
  orderNumber: number | null;
  installmentNumber: number | null;
  installmentCount: number | null;
  dueDate: string;
  amount: number;
  status: string;
  /** Open and past its due date (the server decides, in São Paulo time). */
  overdue: boolean | null;
  paidOn: string | null;
  paidAmount: number | null;
  etag: string | null;
}

export const RECEIVABLE_STATUS: Record<string, StatusStyle> = {
  open: { label: 'Em aberto', tone: 'info' },
  overdue: { label: 'Vencido', tone: 'danger' },
  paid: { label: 'Pago', tone: 'success' },
  cancelled: { label: 'Cancelado', tone: 'neutral' },
  canceled: { label: 'Cancelado', tone: 'neutral' },
};

export const RECEIVABLE_STATUS_OPTIONS = [
  { value: 'open', label: 'Em aberto' },
  { value: 'overdue', label: 'Vencidos' },
  { value: 'paid', label: 'Pagos' },
  { value: 'cancelled', label: 'Cancelados' },
];

type Raw = Record<string, unknown>;

const s = (raw: Raw, ...keys: string[]) => {
  for (const k of keys) if (typeof raw[k] === 'string') return raw[k] as string;
  return '';
};
const n = (raw: Raw, ...keys: string[]) => {
  for (const k of keys) if (typeof raw[k] === 'number') return raw[k] as number;
  return null;
};

export function readReceivable(raw: Raw): Receivable {
  return {
    id: s(raw, 'id'),
    customerId: s(raw, 'customerId'),
    customerName: s(raw, 'customerName'),
    invoiceId: s(raw, 'invoiceId'),
    invoiceNumber: n(raw, 'invoiceNumber'),
    orderId: s(raw, 'orderId', 'salesOrderId'),
    orderNumber: n(raw, 'orderNumber', 'salesOrderNumber'),
    installmentNumber: n(raw, 'installmentNumber', 'installment', 'number'),
    installmentCount: n(raw, 'installmentCount', 'installments'),
    dueDate: s(raw, 'dueDate'),
    amount: n(raw, 'amount') ?? 0,
    status: s(raw, 'status') || 'open',
    overdue: typeof raw['overdue'] === 'boolean' ? (raw['overdue'] as boolean) : null,
    paidOn: s(raw, 'paidOn', 'paidDate', 'paidAt') || null,
    paidAmount: n(raw, 'paidAmount'),
    etag: s(raw, 'etag') || null,
  };
}

/** Open and past its due date shows as overdue: the server's flag, or the date when the flag is absent. */
export function displayStatus(r: Pick<Receivable, 'status' | 'dueDate' | 'overdue'>, today: string): string {
  if (r.status !== 'open') return r.status;
  return (r.overdue ?? (r.dueDate !== '' && r.dueDate < today)) ? 'overdue' : 'open';
}

export interface ReceivableFilters {
  status?: string;
  customerId?: string;
  dueFrom?: string;
  dueTo?: string;
}

export async function listReceivables(args: PageArgs, filters: ReceivableFilters = {}) {
  const page = await getPage<Raw>('/api/receivables', args, { ...filters });
  return { items: page.items.map(readReceivable), continuation: page.continuation ?? null };
}

export async function payReceivable(id: string, payment: { paidOn: string; amount: number }, etag: string | null): Promise<Receivable | null> {
  const raw = await staffApi.post<Raw | undefined>(`/api/receivables/${seg(id)}/pay`, payment, { ifMatch: etag });
  return raw && typeof raw === 'object' ? readReceivable(raw) : null;
}

/** pt-BR messages for the "marcar como pago" form. */
export function validatePayment(p: { date: string | null; amount: number | null }, today: string): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!p.date) errors['date'] = 'Informe a data do pagamento.';
  else if (p.date > today) errors['date'] = 'A data do pagamento não pode estar no futuro.';
  if (p.amount === null) errors['amount'] = 'Informe o valor pago.';
  else if (p.amount <= 0) errors['amount'] = 'O valor pago deve ser maior que zero.';
  return errors;
}
