import type { WithEtag } from '../api/client';
import { getPage, seg, type PageArgs } from '../api/lists';
import type { ApiError } from '../api/problem';
import { staffApi } from '../auth/session';
import type { StatusStyle } from '../ui/Badge';
import { readReceivable, type Receivable } from '../receivables/receivablesApi';

/**
 * Billing (issue 6): the order's billing status view, task-gated invoices and their cancellation
 * (functions/CrmSaaS.Functions/Billing/BillingApi.cs). Invoice answers are `{ invoice, receivables }`; the readers
 * below turn the API's records into the shapes the screens use.
 */

/** One line of the order as billing sees it. */
export interface BillingItem {
  itemId: string;
  description: string;
  kind: string;
  quantity: number;
  /** Tasks the order → CRM step generated for the line (0 for products and lines without tasks). */
  tasksGenerated: number;
  completedTasks: number;
  billedQuantity: number;
  /** What may be billed right now: completed tasks minus billed, or the remaining quantity for lines without tasks. */
  billableNow: number;
}

export interface BillingView {
  orderId: string;
  orderNumber: number | null;
  status: string;
  statusLabel: string;
  /**
   * The order's status lets it bill (Pedido or Faturado parcial), whether or not anything is billable right now
   * (see `items[].billableNow`).
   */
  canBill: boolean;
  items: BillingItem[];
  invoices: Invoice[];
}

/** One refused line of a `billing_blocked` 409. */
export interface BlockedItem {
  itemId: string;
  description: string;
  completed: number;
  billed: number;
  requested: number;
  reason: string | null;
}

export interface InvoiceItem {
  itemId: string;
  description: string;
  quantity: number;
  unitPrice: number;
  total: number;
}

export interface Invoice {
  id: string;
  number: number;
  status: string;
  statusLabel?: string;
  /** Transmission of the NFS-e: not-applicable, queued, pending-certificate, accepted, rejected. */
  nfseStatus?: string | null;
  nfseMessage?: string | null;
  customerId: string;
  customerName: string;
  orderId: string;
  orderNumber: number | null;
  issuedAt: string;
  total: number;
  issRate?: number | null;
  issAmount?: number | null;
  issWithheld?: boolean;
  cancelReason?: string | null;
  cancelledAt?: string | null;
  items: InvoiceItem[];
  /** The installments to receive (only on a single invoice's answer). */
  receivables: Receivable[];
  etag?: string;
}

export const INVOICE_STATUS: Record<string, StatusStyle> = {
  issued: { label: 'Emitida', tone: 'success' },
  cancelled: { label: 'Cancelada', tone: 'danger' },
};

export const NFSE_STATUS: Record<string, StatusStyle> = {
  queued: { label: 'NFS-e na fila de envio', tone: 'info' },
  'pending-certificate': { label: 'NFS-e aguardando certificado', tone: 'warning' },
  accepted: { label: 'NFS-e autorizada', tone: 'success' },
  rejected: { label: 'NFS-e rejeitada', tone: 'danger' },
};

export const INVOICE_STATUS_OPTIONS = [
  { value: 'issued', label: 'Emitidas' },
  { value: 'cancelled', label: 'Canceladas' },
];

type Raw = Record<string, unknown>;

function num(raw: Raw, ...keys: string[]): number {
  for (const k of keys) {
    const v = raw[k];
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  }
  return 0;
}

function numOrNull(raw: Raw, ...keys: string[]): number | null {
  for (const k of keys) if (raw[k] !== undefined && raw[k] !== null) return num(raw, k);
  return null;
}

function str(raw: Raw, ...keys: string[]): string {
  for (const k of keys) {
    const v = raw[k];
    if (typeof v === 'string') return v;
    if (typeof v === 'number') return String(v);
  }
  return '';
}

function list(raw: Raw, ...keys: string[]): Raw[] {
  for (const k of keys) {
    const v = raw[k];
    if (Array.isArray(v)) return v.filter((x): x is Raw => typeof x === 'object' && x !== null);
  }
  return [];
}

export function readBillingItem(raw: Raw): BillingItem {
  const quantity = num(raw, 'quantity');
  const billed = num(raw, 'billedQuantity', 'billed');
  return {
    itemId: str(raw, 'itemId', 'id'),
    description: str(raw, 'description'),
    kind: str(raw, 'kind') || 'service',
    quantity,
    tasksGenerated: num(raw, 'tasksTotal', 'tasksGenerated'),
    completedTasks: num(raw, 'tasksCompleted', 'completedTasks', 'completed'),
    billedQuantity: billed,
    billableNow: raw['billableNow'] !== undefined || raw['billable'] !== undefined || raw['billableQuantity'] !== undefined ? num(raw, 'billableNow', 'billable', 'billableQuantity') : Math.max(0, quantity - billed),
  };
}

/** The statuses that bill (the server's `BillingRules.StatusBills`). */
const BILLING_STATUSES = ['Pedido', 'FaturadoParcial'];

export function readBillingView(raw: Raw): BillingView {
  const status = str(raw, 'status', 'orderStatus');
  return {
    orderId: str(raw, 'orderId', 'id'),
    orderNumber: numOrNull(raw, 'orderNumber', 'number'),
    status,
    statusLabel: str(raw, 'statusLabel', 'orderStatusLabel'),
    // The API's `canBill` is false also when nothing is billable yet; the pop-up tells "not confirmed" from
    // "complete the tasks first", so the status decides here.
    canBill: status ? BILLING_STATUSES.includes(status) : raw['canBill'] === true,
    items: list(raw, 'items').map(readBillingItem),
    invoices: list(raw, 'invoices').map(readInvoice),
  };
}

/** The blocked lines a `billing_blocked` problem lists in its extension (empty for any other error). */
export function blockedItemsOf(error: ApiError | null | undefined): BlockedItem[] {
  if (!error || error.code !== 'billing_blocked') return [];
  return list(error.body, 'blockedItems', 'items', 'blocked').map((raw) => ({
    itemId: str(raw, 'itemId', 'id'),
    description: str(raw, 'description'),
    completed: num(raw, 'completed', 'completedTasks', 'tasksCompleted'),
    billed: num(raw, 'billed', 'billedQuantity'),
    requested: num(raw, 'requested', 'requestedQuantity', 'quantity'),
    reason: str(raw, 'reason', 'detail', 'message') || null,
  }));
}

/** Why a line was refused, in pt-BR: the server's own reason when it sends one, else the numbers that block it. */
export function blockedReason(b: BlockedItem, formatQuantity: (n: number) => string): string {
  if (b.reason) return `${b.description}: ${b.reason}`;
  const room = Math.max(0, b.completed - b.billed);
  return `${b.description}: ${formatQuantity(b.completed)} tarefa(s) concluída(s), ${formatQuantity(b.billed)} já faturada(s); pedido de ${formatQuantity(b.requested)}, mas só ${formatQuantity(room)} pode(m) ser faturada(s) agora.`;
}

/** An invoice from a list row, a bare invoice or an answer `{ invoice, receivables }`. */
export function readInvoice(answer: Raw): Invoice {
  const raw = typeof answer['invoice'] === 'object' && answer['invoice'] !== null ? (answer['invoice'] as Raw) : answer;
  const lines = list(raw, 'lines', 'items');
  const issFromLines = lines.reduce((sum, l) => sum + num(l, 'issAmount'), 0);
  return {
    id: str(raw, 'id'),
    number: num(raw, 'number'),
    status: str(raw, 'status') || 'issued',
    statusLabel: str(raw, 'statusLabel') || undefined,
    nfseStatus: str(raw, 'nfseStatus', 'transmissionStatus') || null,
    nfseMessage: str(raw, 'nfseMessage') || null,
    customerId: str(raw, 'customerId'),
    customerName: str(raw, 'customerName'),
    orderId: str(raw, 'orderId', 'salesOrderId'),
    orderNumber: numOrNull(raw, 'orderNumber', 'salesOrderNumber'),
    issuedAt: str(raw, 'issueDate', 'issuedAt', 'date', 'createdAt'),
    total: num(raw, 'total', 'serviceTotal', 'amount'),
    issRate: numOrNull(raw, 'issRate'),
    issAmount: numOrNull(raw, 'issAmount') ?? (lines.length > 0 ? issFromLines : null),
    issWithheld: raw['issWithheld'] === true || raw['withheld'] === true,
    cancelReason: str(raw, 'cancelReason') || null,
    cancelledAt: str(raw, 'cancelledAt') || null,
    items: lines.map((i) => ({
      itemId: str(i, 'itemId', 'id'),
      description: str(i, 'description'),
      quantity: num(i, 'quantity'),
      unitPrice: num(i, 'unitPrice'),
      total: num(i, 'total'),
    })),
    receivables: list(answer, 'receivables').map(readReceivable),
    etag: str(raw, 'etag') || undefined,
  };
}

export function isCancelled(invoice: Pick<Invoice, 'status'>): boolean {
  return invoice.status === 'cancelled' || invoice.status === 'canceled';
}

export async function getOrderBilling(orderId: string, signal?: AbortSignal): Promise<BillingView> {
  const raw = await staffApi.get<Raw>(`/api/sales-orders/${seg(orderId)}/billing`, signal ? { signal } : {});
  return readBillingView(raw ?? {});
}

/** No items = bill everything billable ("Faturar tudo"); otherwise the quantity per item. */
export async function billOrder(orderId: string, items: { itemId: string; quantity: number }[] | null): Promise<Invoice> {
  const raw = await staffApi.post<Raw>(`/api/sales-orders/${seg(orderId)}/invoices`, items ? { items } : {});
  return readInvoice(raw ?? {});
}

export interface InvoiceFilters {
  status?: string;
  customerId?: string;
  orderId?: string;
  q?: string;
}

export async function listInvoices(args: PageArgs, filters: InvoiceFilters = {}) {
  const page = await getPage<Raw>('/api/invoices', args, { ...filters });
  return { items: page.items.map(readInvoice), continuation: page.continuation ?? null };
}

export async function getInvoice(id: string, signal?: AbortSignal): Promise<WithEtag<Invoice>> {
  const r = await staffApi.getWithEtag<Raw>(`/api/invoices/${seg(id)}`, signal ? { signal } : {});
  return { data: readInvoice(r.data ?? {}), etag: r.etag };
}

export async function cancelInvoice(id: string, reason: string, etag: string | null): Promise<void> {
  await staffApi.post(`/api/invoices/${seg(id)}/cancel`, { reason }, { ifMatch: etag });
}

/**
 * Saves the invoice's DPS XML (the NFS-e declaration). The endpoint needs the bearer token, so the file is read
 * through the API client and handed to the browser as a download.
 */
export async function downloadDps(id: string, number: number): Promise<void> {
  const xml = await staffApi.get<string>(`/api/invoices/${seg(id)}/dps`);
  const url = URL.createObjectURL(new Blob([xml], { type: 'application/xml' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `DPS NFS-e ${number}.xml`;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Partial billing form: a quantity per line, as typed. */
export type BillingQuantities = Record<string, string>;

/**
 * Reads the partial billing form: the lines with a quantity, and pt-BR errors keyed by item id. The upper bound is
 * what remains to bill; the task gate (billable now) is the server's call, so it is shown, not enforced here.
 */
export function readBillingQuantities(view: BillingView, typed: BillingQuantities, parse: (text: string) => number | null): { items: { itemId: string; quantity: number }[]; errors: Record<string, string> } {
  const items: { itemId: string; quantity: number }[] = [];
  const errors: Record<string, string> = {};
  for (const line of view.items) {
    const text = (typed[line.itemId] ?? '').trim();
    if (text === '') continue;
    const q = parse(text);
    const remaining = Math.max(0, line.quantity - line.billedQuantity);
    if (q === null || q < 0) errors[line.itemId] = 'Quantidade inválida.';
    else if (q > remaining) errors[line.itemId] = `No máximo ${remaining} (restante a faturar).`;
    else if (q > 0) items.push({ itemId: line.itemId, quantity: q });
  }
  if (items.length === 0 && Object.keys(errors).length === 0) errors['_form'] = 'Informe a quantidade a faturar de ao menos um item.';
  return { items, errors };
}
