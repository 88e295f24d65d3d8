import type { WithEtag } from '../api/client';
import { getPage, seg, type PageArgs, type Stamped } from '../api/lists';
import { staffApi } from '../auth/session';
import type { DiscountKind } from '../format/lineMath';
import type { OpportunityBadge } from '../salesOrders/salesOrdersApi';
import type { StatusStyle } from '../ui/Badge';

export interface ContractItem {
  serviceId?: string | null;
  description: string;
  quantity: number;
  unitPrice: number;
  discountKind: DiscountKind;
  discount: number;
  /** Computed by the server (same math as lineAmounts). */
  gross?: number;
  discountAmount?: number;
  total?: number;
}

export type ContractStatus = 'draft' | 'active' | 'suspended' | 'ended';
export type Recurrence = 'monthly' | 'quarterly' | 'yearly' | 'once';

export interface Contract extends Stamped {
  id: string;
  number: number;
  customerId: string;
  customerName: string;
  title: string;
  startDate: string;
  endDate?: string | null;
  recurrence: Recurrence | string;
  status: ContractStatus | string;
  /** Absent on list rows (summaries). */
  items?: ContractItem[];
  notes?: string | null;
  total?: number;
  opportunityId?: string | null;
  /** The opportunity that generated the contract, as it is now (single-contract read only). */
  opportunity?: OpportunityBadge | null;
}

export interface ContractInput {
  customerId: string;
  title: string;
  startDate: string;
  endDate: string | null;
  recurrence: Recurrence;
  items: Pick<ContractItem, 'serviceId' | 'description' | 'quantity' | 'unitPrice' | 'discountKind' | 'discount'>[];
  notes: string;
}

export const CONTRACT_STATUS: Record<string, StatusStyle> = {
  draft: { label: 'Rascunho', tone: 'neutral' },
  active: { label: 'Ativo', tone: 'success' },
  suspended: { label: 'Suspenso', tone: 'warning' },
  ended: { label: 'Encerrado', tone: 'neutral' },
};

export const RECURRENCE_LABELS: Record<string, string> = {
  monthly: 'Mensal',
  quarterly: 'Trimestral',
  yearly: 'Anual',
  once: 'Única',
};

export const RECURRENCE_OPTIONS = (['monthly', 'quarterly', 'yearly', 'once'] as const).map((r) => ({ value: r, label: RECURRENCE_LABELS[r]! }));

/** Status changes a user can make from each status (the server validates the same). */
export const CONTRACT_TRANSITIONS: Record<string, { to: ContractStatus; label: string }[]> = {
  draft: [{ to: 'active', label: 'Ativar' }],
  active: [
    { to: 'suspended', label: 'Suspender' },
    { to: 'ended', label: 'Encerrar' },
  ],
  suspended: [
    { to: 'active', label: 'Reativar' },
    { to: 'ended', label: 'Encerrar' },
  ],
  ended: [],
};

const base = '/api/contracts';

export function listContracts(args: PageArgs, filters: { q?: string; status?: string; customerId?: string } = {}) {
  return getPage<Contract>(base, args, filters);
}

export function listCustomerContracts(customerId: string, args: PageArgs) {
  return getPage<Contract>(`/api/customers/${seg(customerId)}/contracts`, args);
}

export function getContract(id: string, signal?: AbortSignal): Promise<WithEtag<Contract>> {
  return staffApi.getWithEtag<Contract>(`${base}/${seg(id)}`, signal ? { signal } : {});
}

export function createContract(input: ContractInput): Promise<Contract> {
  return staffApi.post<Contract>(base, input);
}

export function updateContract(id: string, input: ContractInput, etag: string | null): Promise<Contract> {
  return staffApi.put<Contract>(`${base}/${seg(id)}`, input, { ifMatch: etag });
}

export function changeContractStatus(id: string, status: ContractStatus, etag: string | null): Promise<Contract> {
  return staffApi.post<Contract>(`${base}/${seg(id)}/status`, { status }, { ifMatch: etag });
}

export function deleteContract(id: string, etag: string | null): Promise<void> {
  return staffApi.delete(`${base}/${seg(id)}`, { ifMatch: etag });
}
