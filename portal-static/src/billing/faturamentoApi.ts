import { seg } from '../api/lists';
import { staffApi } from '../auth/session';
import type { OpportunityBadge } from '../salesOrders/salesOrdersApi';

/** Omie "Faturamento" of an opportunity: the billing customer and the documents generated from the ticket. */
export interface FaturamentoView {
  opportunity: OpportunityBadge;
  account: { id: string; name: string; taxId?: string | null; taxIdFormatted?: string | null; customerId?: string | null } | null;
  accountTaxId?: string | null;
  /** source: "account" (the account's link), "tax-id" (CNPJ/CPF match), "order" (the origin order's customer). */
  matchedCustomer: { id: string; legalName: string; tradeName: string; taxId: string; taxIdFormatted: string; source: string } | null;
  canCreateFromAccount: boolean;
  lines: unknown[];
  ticketTotal: number;
  documents: GeneratedDocument[];
}

export interface GeneratedDocument {
  kind: 'service-order' | 'sales-order' | 'contract' | string;
  kindLabel: string;
  id: string;
  number: number;
  status: string;
  statusLabel: string;
  total: number;
  customerName: string;
  createdAt: string;
}

export type GenerateKind = 'service-order' | 'sales-order' | 'contract' | 'all';

export interface ContractOptions {
  title: string | null;
  startDate: string | null;
  recurrence: string | null;
}

export const CUSTOMER_SOURCE_LABELS: Record<string, string> = {
  account: 'Cliente vinculado à conta',
  'tax-id': 'Encontrado pelo CNPJ/CPF da conta',
  order: 'Cliente do pedido de venda de origem',
};

export const GENERATE_LABELS: Record<GenerateKind, string> = {
  'service-order': 'Gerar ordem de serviço',
  'sales-order': 'Gerar pedido de venda',
  contract: 'Gerar contrato de serviço',
  all: 'Gerar todos',
};

/** Where a generated document opens in the portal. */
export function documentPath(d: Pick<GeneratedDocument, 'kind' | 'id'>): string | null {
  const id = encodeURIComponent(d.id);
  if (d.kind === 'sales-order') return `/pedidos/${id}`;
  if (d.kind === 'service-order') return `/ordens-servico/${id}`;
  if (d.kind === 'contract') return `/contratos/${id}`;
  return null;
}

const path = (opportunityId: string) => `/api/opportunities/${seg(opportunityId)}/faturamento`;

export function getFaturamento(opportunityId: string, signal?: AbortSignal): Promise<FaturamentoView> {
  return staffApi.get<FaturamentoView>(path(opportunityId), signal ? { signal } : {});
}

/** match: find by the account's CNPJ/CPF; create-from-account: register it; pick: use `customerId`. */
export function chooseBillingCustomer(opportunityId: string, mode: 'match' | 'create-from-account' | 'pick', customerId: string | null = null): Promise<FaturamentoView> {
  return staffApi.post<FaturamentoView>(`${path(opportunityId)}/customer`, { mode, customerId });
}

/** 409 `already_generated` asks before generating a kind a second time; send again with `confirmDuplicate`. */
export function generateDocuments(opportunityId: string, kind: GenerateKind, confirmDuplicate: boolean, contract: ContractOptions | null): Promise<{ created: GeneratedDocument[]; documents: GeneratedDocument[] }> {
  return staffApi.post(`${path(opportunityId)}/generate`, { kinds: [kind], confirmDuplicate, contract });
}
