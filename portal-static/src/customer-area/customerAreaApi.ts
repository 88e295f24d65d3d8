import type { Page } from '../app/usePagedList';
import type { PageArgs } from '../api/lists';
import { customerApi } from './session';

/**
 * The customer area API (docs/api/customer-area.md): the signed-in customer's own orders, their
 * attachments, the signed-contract upload and the approval. The server answers 404 for an order of
 * another customer or tenant, so these calls never name the customer.
 */

export interface Installment {
  number: number;
  dueDate: string;
  amount: number;
}

export interface OrderSummary {
  id: string;
  number: number;
  date: string;
  status: string;
  statusLabel?: string | null;
  total: number;
  installments?: Installment[];
}

export interface OrderItem {
  id: string;
  kind?: string;
  code?: string | null;
  description: string;
  quantity: number;
  unitPrice: number;
  discountAmount?: number;
  total: number;
  /** "Informações" of the line: a short note for the customer. */
  note?: string | null;
}

export type AttachmentKind = 'proposal' | 'contract' | 'signed-contract';

export interface Attachment {
  kind: AttachmentKind | string;
  fileName?: string | null;
  size?: number | null;
  uploadedAt?: string | null;
}

export interface Approval {
  approvedAt?: string | null;
  /** The contact who approved. */
  contactName?: string | null;
  via?: 'customer-area' | 'link' | string;
}

export interface OrderDetail extends OrderSummary {
  validUntil?: string | null;
  customerName?: string | null;
  paymentTerms?: string | null;
  paymentMethod?: string | null;
  items: OrderItem[];
  totals?: { gross: number; discount: number; total: number };
  /** True when staff attached a sales contract: then the signed contract is needed to approve. */
  hasContract?: boolean;
  hasSignedContract?: boolean;
  /** The server's verdict on "Aprovar proposta", with the reason when it is refused. */
  canApprove?: boolean;
  approveBlockedReason?: string | null;
  attachments: Attachment[];
  approval?: Approval | null;
  /** Set on the e-mailed link's answer. */
  tenantName?: string | null;
  linkApproved?: boolean;
}

interface ProposalLinkAnswer {
  tenantName?: string | null;
  contactName?: string | null;
  expiresAt?: string | null;
  approved?: boolean;
  order: OrderDetail;
}

export interface OrderFilters {
  status?: string;
  from?: string | null;
  to?: string | null;
  number?: string;
}

const base = '/api/customer-area';

/** Reads the list of latest orders whatever the envelope's name, so a renamed field does not blank the dashboard. */
function latestOrdersOf(body: unknown): OrderSummary[] {
  if (Array.isArray(body)) return body as OrderSummary[];
  const b = (body ?? {}) as Record<string, unknown>;
  const list = b['latestOrders'] ?? b['orders'] ?? b['items'];
  return Array.isArray(list) ? (list as OrderSummary[]) : [];
}

export interface Dashboard {
  latestOrders: OrderSummary[];
  /** Proposals waiting for the customer's approval. */
  openProposals: number;
}

export async function getDashboard(slug: string, signal?: AbortSignal): Promise<Dashboard> {
  const body = await customerApi(slug).get<unknown>(`${base}/dashboard`, signal ? { signal } : {});
  const open = (body as { openProposals?: unknown } | null)?.openProposals;
  return { latestOrders: latestOrdersOf(body), openProposals: typeof open === 'number' ? open : 0 };
}

export function listOrders(slug: string, args: PageArgs, filters: OrderFilters): Promise<Page<OrderSummary>> {
  const query = { status: filters.status, from: filters.from, to: filters.to, number: filters.number, pageSize: args.pageSize, continuation: args.continuationToken };
  return customerApi(slug).get<Page<OrderSummary>>(`${base}/orders`, args.signal ? { query, signal: args.signal } : { query });
}

export async function getOrder(slug: string, id: string, signal?: AbortSignal): Promise<OrderDetail> {
  return normalizeOrder(await customerApi(slug).get<OrderDetail>(`${base}/orders/${encodeURIComponent(id)}`, signal ? { signal } : {}));
}

export function orderPath(id: string): string {
  return `${base}/orders/${encodeURIComponent(id)}`;
}

export function approveOrder(slug: string, id: string): Promise<unknown> {
  return customerApi(slug).post<unknown>(`${orderPath(id)}/approve`);
}

/** Fills the fields a smaller answer may leave out (e.g. after approval through a link), so the page has one shape to show. */
export function normalizeOrder(order: OrderDetail): OrderDetail {
  const totals = order.totals ?? { gross: order.total ?? 0, discount: 0, total: order.total ?? 0 };
  return { ...order, total: order.total ?? totals.total, totals, items: order.items ?? [], attachments: order.attachments ?? [], installments: order.installments ?? [] };
}

// E-mailed approval links: anonymous, the token in the path is the only credential.

const links = '/api/proposal-links';

export function proposalLinkPath(token: string): string {
  return `${links}/${encodeURIComponent(token)}`;
}

export async function getProposalLink(slug: string, token: string, signal?: AbortSignal): Promise<OrderDetail> {
  const body = await customerApi(slug).get<ProposalLinkAnswer>(proposalLinkPath(token), signal ? { signal, auth: false } : { auth: false });
  return normalizeOrder({ ...body.order, tenantName: body.tenantName ?? null, linkApproved: body.approved === true });
}

export function approveProposalLink(slug: string, token: string): Promise<unknown> {
  return customerApi(slug).post<unknown>(`${proposalLinkPath(token)}/approve`, undefined, { auth: false });
}

// Password reset of a customer login (docs/api/identity.md, customer-area doors).

export function requestCustomerPasswordReset(slug: string, email: string): Promise<void> {
  return customerApi(slug).post(`/api/customer-auth/${encodeURIComponent(slug)}/password-reset`, { email }, { auth: false });
}

export function confirmCustomerPasswordReset(slug: string, token: string, password: string): Promise<void> {
  return customerApi(slug).post(`/api/customer-auth/${encodeURIComponent(slug)}/password-reset/confirm`, { token, password }, { auth: false });
}
