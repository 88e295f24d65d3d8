import { seg } from '../api/lists';
import { staffApi } from '../auth/session';
import type { StatusStyle } from '../ui/Badge';

/** GET /api/customers/{id}/overview (CustomerOverview/): Gescor's "at a glance" consult of one customer. */

export interface OverviewDocument {
  id: string;
  number: number;
  status: string;
  date: string;
  total: number;
}

export interface MonthlySales {
  /** "2026-07" */
  month: string;
  total: number;
  invoices: number;
}

export interface OverviewReceivable {
  id: string;
  invoiceNumber: number;
  installment: number;
  installmentCount: number;
  dueDate: string;
  amount: number;
  overdue: boolean;
}

export interface OverviewReceivables {
  openTotal: number;
  openCount: number;
  overdueTotal: number;
  overdueCount: number;
  items: OverviewReceivable[];
}

export interface CustomerOverview {
  customerId: string;
  customerName: string;
  quotes: OverviewDocument[];
  orders: OverviewDocument[];
  invoices: OverviewDocument[];
  salesHistory: MonthlySales[];
  receivables: OverviewReceivables;
}

const EMPTY_RECEIVABLES: OverviewReceivables = { openTotal: 0, openCount: 0, overdueTotal: 0, overdueCount: 0, items: [] };

/** Fills lists a smaller answer leaves out, so each tab has one shape to show. */
export function normalizeOverview(body: Partial<CustomerOverview>): CustomerOverview {
  return {
    customerId: body.customerId ?? '',
    customerName: body.customerName ?? '',
    quotes: body.quotes ?? [],
    orders: body.orders ?? [],
    invoices: body.invoices ?? [],
    salesHistory: body.salesHistory ?? [],
    receivables: { ...EMPTY_RECEIVABLES, ...(body.receivables ?? {}), items: body.receivables?.items ?? [] },
  };
}

/** How long switching between the consult tabs reuses one answer instead of asking again. */
export const OVERVIEW_REUSE_MS = 30_000;

const cache = new Map<string, { at: number; promise: Promise<CustomerOverview> }>();

/**
 * The overview of a customer. The five consult tabs read the same answer: the first one asks, the
 * others reuse it for a short while (`fresh` asks again, for "Atualizar").
 */
export function getCustomerOverview(customerId: string, fresh = false, now = Date.now()): Promise<CustomerOverview> {
  const hit = cache.get(customerId);
  if (!fresh && hit && now - hit.at < OVERVIEW_REUSE_MS) return hit.promise;
  const promise = staffApi.get<Partial<CustomerOverview>>(`/api/customers/${seg(customerId)}/overview`).then(normalizeOverview);
  cache.set(customerId, { at: now, promise });
  // A failed answer is not reused: the next tab or "Tentar novamente" asks again.
  promise.catch(() => {
    if (cache.get(customerId)?.promise === promise) cache.delete(customerId);
  });
  return promise;
}

export function forgetCustomerOverviews(): void {
  cache.clear();
}

/** Status codes arrive as the C# enum names ("FaturadoParcial", "Issued"); keys here are their camelCase. */
export function statusKey(status: string): string {
  return status.charAt(0).toLowerCase() + status.slice(1);
}

export const QUOTE_STATUS: Record<string, StatusStyle> = {
  aberto: { label: 'Aberto', tone: 'info' },
  convertido: { label: 'Convertido em pedido', tone: 'success' },
};

export const ORDER_STATUS: Record<string, StatusStyle> = {
  proposta: { label: 'Proposta', tone: 'info' },
  aprovado: { label: 'Aprovado', tone: 'warning' },
  pedido: { label: 'Pedido', tone: 'success' },
  faturadoParcial: { label: 'Faturado parcialmente', tone: 'success' },
  faturado: { label: 'Faturado', tone: 'success' },
  cancelado: { label: 'Cancelado', tone: 'neutral' },
};

export const INVOICE_STATUS: Record<string, StatusStyle> = {
  issued: { label: 'Emitida', tone: 'success' },
  cancelled: { label: 'Cancelada', tone: 'neutral' },
  pendingCertificate: { label: 'Aguardando certificado', tone: 'warning' },
  'pending-certificate': { label: 'Aguardando certificado', tone: 'warning' },
};

/** Styles for one status: an unknown status is shown as sent, in a neutral badge. */
export function stylesFor(map: Record<string, StatusStyle>, status: string): Record<string, StatusStyle> {
  return map[statusKey(status)] ? map : { [statusKey(status)]: { label: status, tone: 'neutral' } };
}

const MONTHS = ['janeiro', 'fevereiro', 'março', 'abril', 'maio', 'junho', 'julho', 'agosto', 'setembro', 'outubro', 'novembro', 'dezembro'];

/** "2026-07" → "julho de 2026". */
export function monthLabel(month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return month;
  const name = MONTHS[Number(m[2]) - 1];
  return name ? `${name} de ${m[1]}` : month;
}

/**
 * The sales history as twelve months ending at `lastMonth` ("2026-07"), months without invoices at
 * zero, so a quiet month shows as a gap instead of disappearing.
 */
export function fillMonths(history: MonthlySales[], lastMonth: string, count = 12): MonthlySales[] {
  const byMonth = new Map(history.map((h) => [h.month, h]));
  const [y, m] = lastMonth.split('-').map(Number) as [number, number];
  const months: MonthlySales[] = [];
  for (let i = count - 1; i >= 0; i--) {
    const date = new Date(Date.UTC(y, m - 1 - i, 1));
    const key = `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}`;
    months.push(byMonth.get(key) ?? { month: key, total: 0, invoices: 0 });
  }
  return months;
}
