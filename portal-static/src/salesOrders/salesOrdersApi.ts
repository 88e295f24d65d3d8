import type { WithEtag } from '../api/client';
import { getPage, seg, type PageArgs } from '../api/lists';
import { staffApi } from '../auth/session';
import type { StatusStyle } from '../ui/Badge';
import type { DocumentItem, DocumentItemInput, DocumentTotals } from './documentItems';

/** DESIGN.md §5: Proposta → Aprovado (APR) → Pedido → FaturadoParcial / Faturado; Cancelado while nothing is billed. */
export type SalesOrderStatus = 'Proposta' | 'Aprovado' | 'Pedido' | 'FaturadoParcial' | 'Faturado' | 'Cancelado';

export const SALES_ORDER_STATUS: Record<string, StatusStyle> = {
  Proposta: { label: 'Proposta', tone: 'neutral' },
  Aprovado: { label: 'Aprovado (APR)', tone: 'info' },
  Pedido: { label: 'Pedido', tone: 'info' },
  FaturadoParcial: { label: 'Faturado parcial', tone: 'warning' },
  Faturado: { label: 'Faturado', tone: 'success' },
  Cancelado: { label: 'Cancelado', tone: 'danger' },
};

export const SALES_ORDER_STATUS_OPTIONS = Object.entries(SALES_ORDER_STATUS).map(([value, s]) => ({ value, label: s.label }));

export interface Installment {
  number: number;
  dueDate: string;
  amount: number;
}

/** The opportunity the order generated, with its current status and stage. */
export interface OpportunityBadge {
  id: string;
  title: string;
  status: string;
  stageName: string;
}

/** "off" (not asked), "on-confirm" (will run when confirmed), "pending" (queued / tasks being created), "done". */
export type OpportunityGeneration = 'off' | 'on-confirm' | 'pending' | 'done';

export interface SalesOrder {
  id: string;
  number: number;
  status: SalesOrderStatus | string;
  statusLabel: string;
  customerId: string;
  customerName: string;
  customerTaxId: string;
  date: string;
  validUntil?: string | null;
  salespersonId: string;
  salespersonName: string;
  paymentTerms: string;
  paymentMethod: string;
  installments: Installment[];
  project: string;
  contractId?: string | null;
  contractNumber?: number | null;
  contractTitle: string;
  notes: string;
  generateOpportunity: boolean;
  opportunityGeneration: OpportunityGeneration | string;
  tasksExpected: number;
  tasksGenerated: number;
  opportunityId?: string | null;
  opportunity?: OpportunityBadge | null;
  quoteId?: string | null;
  quoteNumber?: number | null;
  items: DocumentItem[];
  totals: DocumentTotals;
  cancelReason: string;
  statusChangedAt?: string | null;
  etag?: string;
  createdAt?: string;
  createdBy?: string;
  updatedAt?: string;
  updatedBy?: string;
}

export interface SalesOrderListItem {
  id: string;
  number: number;
  status: SalesOrderStatus | string;
  statusLabel: string;
  customerId: string;
  customerName: string;
  date: string;
  total: number;
  salespersonName: string;
  opportunityId?: string | null;
}

export interface SalesOrderInput {
  customerId: string | null;
  date: string | null;
  validUntil: string | null;
  salespersonId: string | null;
  paymentTerms: string | null;
  paymentMethod: string | null;
  installments: { dueDate: string; amount: number }[] | null;
  project: string | null;
  contractId: string | null;
  notes: string | null;
  generateOpportunity: boolean;
  items: DocumentItemInput[];
}

/** What the order form needs from the order → CRM settings (readable by every salesperson). */
export interface SalesOrderDefaults {
  integrationEnabled: boolean;
  generateOpportunity: boolean;
  showProjectAndContract: boolean;
  paymentTerms: string;
}

export interface SalesOrderFilters {
  q?: string;
  status?: string;
  customerId?: string;
}

const base = '/api/sales-orders';

export const listSalesOrders = (args: PageArgs, filters: SalesOrderFilters = {}) => getPage<SalesOrderListItem>(base, args, { ...filters });

export function getSalesOrder(id: string, signal?: AbortSignal): Promise<WithEtag<SalesOrder>> {
  return staffApi.getWithEtag<SalesOrder>(`${base}/${seg(id)}`, signal ? { signal } : {});
}

export function getSalesOrderDefaults(signal?: AbortSignal): Promise<SalesOrderDefaults> {
  return staffApi.get<SalesOrderDefaults>(`${base}/defaults`, signal ? { signal } : {});
}

export const createSalesOrder = (input: SalesOrderInput) => staffApi.post<SalesOrder>(base, input);
export const updateSalesOrder = (id: string, input: SalesOrderInput, etag: string | null) => staffApi.put<SalesOrder>(`${base}/${seg(id)}`, input, { ifMatch: etag });
export const approveSalesOrder = (id: string, etag: string | null) => staffApi.post<SalesOrder>(`${base}/${seg(id)}/approve`, {}, { ifMatch: etag });
export const confirmSalesOrder = (id: string, etag: string | null) => staffApi.post<SalesOrder>(`${base}/${seg(id)}/confirm`, {}, { ifMatch: etag });
export const cancelSalesOrder = (id: string, reason: string | null, etag: string | null) => staffApi.post<SalesOrder>(`${base}/${seg(id)}/cancel`, { reason }, { ifMatch: etag });
export const generateOrderOpportunity = (id: string, etag: string | null) => staffApi.post<SalesOrder>(`${base}/${seg(id)}/generate-opportunity`, {}, { ifMatch: etag });

/** Which actions the order's status allows (the server's status machine, so the page offers only those). */
export function orderActions(order: Pick<SalesOrder, 'status' | 'items' | 'opportunityId' | 'opportunityGeneration' | 'generateOpportunity'>) {
  const billed = order.items.some((i) => (i.billedQuantity ?? 0) > 0);
  const s = order.status;
  const confirmed = s === 'Pedido' || s === 'FaturadoParcial' || s === 'Faturado';
  return {
    edit: s === 'Proposta' || s === 'Pedido' || s === 'FaturadoParcial',
    approve: s === 'Proposta',
    confirm: s === 'Proposta' || s === 'Aprovado',
    cancel: s !== 'Cancelado' && s !== 'FaturadoParcial' && s !== 'Faturado' && !billed,
    bill: s === 'Pedido' || s === 'FaturadoParcial',
    // Once asked, the order → CRM step runs on confirmation (or at once for a confirmed order); asking again adds nothing.
    generateOpportunity: s !== 'Cancelado' && !order.opportunityId && order.opportunityGeneration === 'off',
    confirmed,
  };
}
