import type { WithEtag } from '../api/client';
import { getPage, seg, type PageArgs } from '../api/lists';
import { staffApi } from '../auth/session';
import type { StatusStyle } from '../ui/Badge';
import type { DocumentItem, DocumentItemInput, DocumentTotals } from '../salesOrders/documentItems';
import type { OpportunityBadge } from '../salesOrders/salesOrdersApi';

export type ServiceOrderStatus = 'aberta' | 'em-execucao' | 'concluida' | 'faturada' | 'cancelada';

export interface ServiceOrder {
  id: string;
  number: number;
  status: ServiceOrderStatus | string;
  statusLabel: string;
  customerId: string;
  customerName: string;
  customerTaxId: string;
  date: string;
  expectedDate?: string | null;
  description: string;
  notes: string;
  items: DocumentItem[];
  totals: DocumentTotals;
  opportunityId?: string | null;
  opportunity?: OpportunityBadge | null;
  contractId?: string | null;
  contractNumber?: number | null;
  statusChangedAt?: string | null;
  statusNote: string;
  etag?: string;
  createdAt?: string;
  createdBy?: string;
  updatedAt?: string;
  updatedBy?: string;
}

export interface ServiceOrderListItem {
  id: string;
  number: number;
  status: string;
  statusLabel: string;
  customerId: string;
  customerName: string;
  date: string;
  expectedDate?: string | null;
  description: string;
  total: number;
  opportunityId?: string | null;
}

export interface ServiceOrderInput {
  customerId: string | null;
  date: string | null;
  expectedDate: string | null;
  description: string | null;
  notes: string | null;
  contractId: string | null;
  opportunityId: string | null;
  items: DocumentItemInput[];
}

export const SERVICE_ORDER_STATUS: Record<string, StatusStyle> = {
  aberta: { label: 'Aberta', tone: 'neutral' },
  'em-execucao': { label: 'Em execução', tone: 'info' },
  concluida: { label: 'Concluída', tone: 'success' },
  faturada: { label: 'Faturada', tone: 'success' },
  cancelada: { label: 'Cancelada', tone: 'danger' },
};

export const SERVICE_ORDER_STATUS_OPTIONS = Object.entries(SERVICE_ORDER_STATUS).map(([value, s]) => ({ value, label: s.label }));

/** The server's transitions (ServiceOrderRules): what the status menu offers from each status. */
const TRANSITIONS: Record<string, ServiceOrderStatus[]> = {
  aberta: ['em-execucao', 'cancelada'],
  'em-execucao': ['aberta', 'concluida', 'cancelada'],
  concluida: ['em-execucao', 'faturada', 'cancelada'],
  faturada: [],
  cancelada: [],
};

export function nextStatuses(status: string): ServiceOrderStatus[] {
  return TRANSITIONS[status] ?? [];
}

export function canEditServiceOrder(status: string): boolean {
  return status === 'aberta' || status === 'em-execucao';
}

const base = '/api/service-orders';

export const listServiceOrders = (args: PageArgs, filters: { q?: string; status?: string; customerId?: string } = {}) => getPage<ServiceOrderListItem>(base, args, { ...filters });

export function getServiceOrder(id: string, signal?: AbortSignal): Promise<WithEtag<ServiceOrder>> {
  return staffApi.getWithEtag<ServiceOrder>(`${base}/${seg(id)}`, signal ? { signal } : {});
}

export const createServiceOrder = (input: ServiceOrderInput) => staffApi.post<ServiceOrder>(base, input);
export const updateServiceOrder = (id: string, input: ServiceOrderInput, etag: string | null) => staffApi.put<ServiceOrder>(`${base}/${seg(id)}`, input, { ifMatch: etag });
export const changeServiceOrderStatus = (id: string, status: string, note: string | null, etag: string | null) =>
  staffApi.post<ServiceOrder>(`${base}/${seg(id)}/status`, { status, note }, { ifMatch: etag });
