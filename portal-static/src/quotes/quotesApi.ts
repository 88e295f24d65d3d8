import type { WithEtag } from '../api/client';
import { getPage, seg, type PageArgs } from '../api/lists';
import { staffApi } from '../auth/session';
import type { StatusStyle } from '../ui/Badge';
import type { DocumentItem, DocumentItemInput, DocumentTotals } from '../salesOrders/documentItems';
import type { SalesOrder } from '../salesOrders/salesOrdersApi';

export interface Quote {
  id: string;
  number: number;
  status: 'Aberto' | 'Convertido' | string;
  statusLabel: string;
  expired: boolean;
  customerId: string;
  customerName: string;
  customerTaxId: string;
  date: string;
  validUntil: string;
  notes: string;
  items: DocumentItem[];
  totals: DocumentTotals;
  convertedOrderId?: string | null;
  convertedOrderNumber?: number | null;
  convertedAt?: string | null;
  etag?: string;
  createdAt?: string;
  createdBy?: string;
  updatedAt?: string;
  updatedBy?: string;
}

export interface QuoteListItem {
  id: string;
  number: number;
  status: string;
  statusLabel: string;
  expired: boolean;
  customerId: string;
  customerName: string;
  date: string;
  validUntil: string;
  total: number;
  convertedOrderNumber?: number | null;
}

export interface QuoteInput {
  customerId: string | null;
  date: string | null;
  validUntil: string | null;
  notes: string | null;
  items: DocumentItemInput[];
}

export interface ConvertQuoteInput {
  generateOpportunity: boolean | null;
  paymentTerms: string | null;
  paymentMethod: string | null;
  salespersonId: string | null;
  project: string | null;
  contractId: string | null;
}

/** Badge key of a quote: "Vencido" is an open quote past its validity (the server's label). */
export function quoteBadge(q: Pick<Quote, 'status' | 'expired'>): string {
  return q.status === 'Convertido' ? 'Convertido' : q.expired ? 'Vencido' : 'Aberto';
}

export const QUOTE_STATUS: Record<string, StatusStyle> = {
  Aberto: { label: 'Aberto', tone: 'info' },
  Vencido: { label: 'Vencido', tone: 'warning' },
  Convertido: { label: 'Convertido em pedido', tone: 'success' },
};

export const QUOTE_FILTERS = [
  { value: 'Aberto', label: 'Abertos' },
  { value: 'vencidos', label: 'Vencidos' },
  { value: 'Convertido', label: 'Convertidos' },
];

/** The list filter as API query: "vencidos" are open quotes with `expired=true`. */
export function quoteFilterQuery(filter: string): { status?: string; expired?: boolean } {
  if (filter === 'vencidos') return { status: 'Aberto', expired: true };
  return filter ? { status: filter } : {};
}

const base = '/api/quotes';

export const listQuotes = (args: PageArgs, filters: { q?: string; status?: string; expired?: boolean; customerId?: string } = {}) => getPage<QuoteListItem>(base, args, { ...filters });

export function getQuote(id: string, signal?: AbortSignal): Promise<WithEtag<Quote>> {
  return staffApi.getWithEtag<Quote>(`${base}/${seg(id)}`, signal ? { signal } : {});
}

export const createQuote = (input: QuoteInput) => staffApi.post<Quote>(base, input);
export const updateQuote = (id: string, input: QuoteInput, etag: string | null) => staffApi.put<Quote>(`${base}/${seg(id)}`, input, { ifMatch: etag });
export const deleteQuote = (id: string, etag: string | null) => staffApi.delete(`${base}/${seg(id)}`, { ifMatch: etag });
/** Creates the sales order from the quote and answers with the order. */
export const convertQuote = (id: string, input: ConvertQuoteInput, etag: string | null) => staffApi.post<SalesOrder>(`${base}/${seg(id)}/convert`, input, { ifMatch: etag });
