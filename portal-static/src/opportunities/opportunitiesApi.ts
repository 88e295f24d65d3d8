import type { WithEtag } from '../api/client';
import { getPage, seg, type PageArgs, type Stamped } from '../api/lists';
import type { Page } from '../app/usePagedList';
import { staffApi } from '../auth/session';
import { documentTotals, type DiscountKind, type LineAmounts } from '../format/lineMath';
import type { StatusStyle } from '../ui/Badge';

export type OpportunityStatus = 'open' | 'won' | 'lost';
export type TicketLineKind = 'service' | 'product';

/** One line of an opportunity's ticket (the proposal). Amounts are computed by the server. */
export interface TicketLine {
  id: string;
  kind: TicketLineKind | string;
  serviceId?: string | null;
  productId?: string | null;
  description: string;
  categoryId?: string | null;
  categoryName?: string | null;
  quantity: number;
  unitPrice: number;
  discountKind: DiscountKind;
  discount: number;
  gross?: number;
  discountAmount?: number;
  total?: number;
}

export type TicketLineInput = Omit<TicketLine, 'id' | 'gross' | 'discountAmount' | 'total' | 'categoryName'>;

export interface Opportunity extends Stamped {
  id: string;
  title: string;
  accountId: string;
  accountName: string;
  contactId?: string | null;
  contactName?: string | null;
  ownerId: string;
  ownerName: string;
  solutionId?: string | null;
  solutionName?: string | null;
  stageId: string;
  stageName?: string | null;
  expectedCloseDate?: string | null;
  status: OpportunityStatus | string;
  lostReason?: string | null;
  origin?: 'manual' | 'sales-order' | string;
  originOrderId?: string | null;
  originOrderNumber?: number | string | null;
  project?: string | null;
  notes?: string | null;
  customerId?: string | null;
  closedAt?: string | null;
  closedBy?: string | null;
  /** The ticket: lines with their amounts and the totals (see ticketLinesOf). */
  ticket?: { lines?: TicketLine[]; totals?: { services?: number; products?: number; gross: number; discount: number; total: number } };
  lines?: TicketLine[];
  /** On list rows (cards) instead of the ticket. */
  ticketTotal?: number;
}

export interface OpportunityInput {
  title: string;
  accountId: string;
  contactId: string | null;
  ownerId: string;
  /** Only read on creation: an existing opportunity changes stage through /move. */
  stageId: string;
  expectedCloseDate: string | null;
  solutionId: string | null;
  project: string | null;
  notes: string | null;
}

/** Card of the kanban (and row of the list): the fields kept on the stage index row. */
export interface OpportunityCard {
  id: string;
  title: string;
  accountId?: string | null;
  accountName?: string | null;
  ownerId?: string | null;
  ownerName?: string | null;
  stageId?: string;
  stageName?: string;
  ticketTotal: number;
  status: OpportunityStatus | string;
  expectedCloseDate?: string | null;
  updatedAt?: string;
  /** The opportunity's version: the If-Match of a move, without reading the record first. */
  eTag?: string | null;
  etag?: string | null;
}

export interface KanbanStage {
  id: string;
  name: string;
  order?: number;
  count: number;
  total: number;
  items: OpportunityCard[];
  continuation?: string | null;
}

export interface KanbanFilters {
  ownerId?: string;
  accountId?: string;
  q?: string;
}

export const OPPORTUNITY_STATUS: Record<string, StatusStyle> = {
  open: { label: 'Em aberto', tone: 'info' },
  won: { label: 'Ganha', tone: 'success' },
  lost: { label: 'Perdida', tone: 'danger' },
};

export const LINE_KIND_LABELS: Record<string, string> = { service: 'Serviço', product: 'Produto' };

export function ticketLinesOf(o: Pick<Opportunity, 'lines' | 'ticket'>): TicketLine[] {
  return o.lines ?? o.ticket?.lines ?? [];
}

/** Ticket totals, summed from the lines with the server's rounding. */
export function ticketTotalsOf(o: Pick<Opportunity, 'lines' | 'ticket'>): LineAmounts {
  return documentTotals(ticketLinesOf(o));
}

const base = '/api/opportunities';

export function listOpportunities(args: PageArgs, filters: { q?: string; status?: string; stageId?: string; ownerId?: string; accountId?: string } = {}) {
  return getPage<OpportunityCard>(base, args, filters);
}

export function getOpportunity(id: string, signal?: AbortSignal): Promise<WithEtag<Opportunity>> {
  return staffApi.getWithEtag<Opportunity>(`${base}/${seg(id)}`, signal ? { signal } : {});
}

export const createOpportunity = (input: OpportunityInput) => staffApi.post<Opportunity>(base, input);
export const updateOpportunity = (id: string, input: OpportunityInput, etag: string | null) => staffApi.put<Opportunity>(`${base}/${seg(id)}`, input, { ifMatch: etag });
export const deleteOpportunity = (id: string, etag: string | null) => staffApi.delete(`${base}/${seg(id)}`, { ifMatch: etag });

export const moveOpportunity = (id: string, stageId: string, etag: string | null) => staffApi.post<Opportunity | undefined>(`${base}/${seg(id)}/move`, { stageId }, { ifMatch: etag });
export const winOpportunity = (id: string, etag: string | null) => staffApi.post<Opportunity | undefined>(`${base}/${seg(id)}/won`, {}, { ifMatch: etag });
export const loseOpportunity = (id: string, reason: string, etag: string | null) => staffApi.post<Opportunity | undefined>(`${base}/${seg(id)}/lost`, { reason }, { ifMatch: etag });
export const reopenOpportunity = (id: string, etag: string | null) => staffApi.post<Opportunity | undefined>(`${base}/${seg(id)}/reopen`, {}, { ifMatch: etag });

export const addTicketLine = (id: string, line: TicketLineInput, etag: string | null) => staffApi.post<Opportunity | undefined>(`${base}/${seg(id)}/ticket/lines`, line, { ifMatch: etag });
export const updateTicketLine = (id: string, lineId: string, line: TicketLineInput, etag: string | null) =>
  staffApi.put<Opportunity | undefined>(`${base}/${seg(id)}/ticket/lines/${seg(lineId)}`, line, { ifMatch: etag });
export const deleteTicketLine = (id: string, lineId: string, etag: string | null) => staffApi.delete<Opportunity | undefined>(`${base}/${seg(id)}/ticket/lines/${seg(lineId)}`, { ifMatch: etag });
/** Copies the solution's lines into the ticket: after the current lines, or instead of them with `replace`. */
export const applySolution = (id: string, solutionId: string, etag: string | null, replace = false) =>
  staffApi.post<Opportunity | undefined>(`${base}/${seg(id)}/ticket/apply-solution`, { solutionId, replace }, { ifMatch: etag });

export function getKanban(filters: KanbanFilters, pageSize: number, signal?: AbortSignal): Promise<{ stages: KanbanStage[] }> {
  return staffApi.get<{ stages: KanbanStage[] }>(`${base}/kanban`, { query: { ...filters, pageSize }, ...(signal ? { signal } : {}) });
}

/** One column's next page ("Carregar mais"): the column with its count, total, cards and continuation. */
export function getKanbanColumn(stageId: string, filters: KanbanFilters, continuation: string, pageSize: number): Promise<Page<OpportunityCard>> {
  return staffApi.get<KanbanStage>(`${base}/kanban/${seg(stageId)}`, { query: { ...filters, continuation, pageSize } });
}

export async function searchOpportunities(term: string, signal: AbortSignal): Promise<{ id: string; label: string; detail?: string }[]> {
  const page = await listOpportunities({ continuationToken: null, pageSize: 20, signal }, { q: term });
  return page.items.map((o) => ({ id: o.id, label: o.title, detail: o.accountName ?? undefined }));
}
