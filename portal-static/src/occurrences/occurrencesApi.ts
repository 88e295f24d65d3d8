import type { WithEtag } from '../api/client';
import { getPage, seg, type PageArgs, type Stamped } from '../api/lists';
import { staffApi } from '../auth/session';
import type { StatusStyle } from '../ui/Badge';

export type OccurrenceType = 'visita' | 'diario' | 'pos-venda' | 'sac' | 'outro';

export interface CompetitorNote {
  id: string;
  name: string;
  notes?: string | null;
  prices?: string | null;
  createdAt?: string;
  createdBy?: string;
}

/** Gescor "ocorrência": one contact with a customer (visit, diary entry, after-sales, SAC). */
export interface Occurrence extends Stamped {
  id: string;
  customerId: string;
  customerName?: string;
  /** pt-BR label of the type, from the server. */
  typeLabel?: string;
  /** yyyy-MM-dd */
  date: string;
  type: OccurrenceType | string;
  contactId?: string | null;
  contactName?: string | null;
  description: string;
  authorId?: string | null;
  authorName?: string | null;
  competitors?: CompetitorNote[];
}

export interface OccurrenceInput {
  date: string;
  type: OccurrenceType;
  contactId: string | null;
  description: string;
}

export interface CompetitorInput {
  name: string;
  notes: string;
  prices: string;
}

export const OCCURRENCE_TYPES: Record<OccurrenceType, StatusStyle> = {
  visita: { label: 'Visita', tone: 'info' },
  diario: { label: 'Diário de relacionamento', tone: 'neutral' },
  'pos-venda': { label: 'Pós-venda', tone: 'success' },
  sac: { label: 'SAC', tone: 'warning' },
  outro: { label: 'Outro', tone: 'neutral' },
};

export const OCCURRENCE_TYPE_OPTIONS = (Object.keys(OCCURRENCE_TYPES) as OccurrenceType[]).map((t) => ({ value: t, label: OCCURRENCE_TYPES[t].label }));

export function isOccurrenceType(value: string): value is OccurrenceType {
  return value in OCCURRENCE_TYPES;
}

const base = (customerId: string) => `/api/customers/${seg(customerId)}/occurrences`;

/** The occurrences in the range, newest first; the answer also says the range the server used (`from`, `to`). */
export function listOccurrences(customerId: string, range: { from: string; to: string }, args: PageArgs) {
  return getPage<Occurrence>(base(customerId), args, range);
}

export function getOccurrence(customerId: string, id: string): Promise<WithEtag<Occurrence>> {
  return staffApi.getWithEtag<Occurrence>(`${base(customerId)}/${seg(id)}`);
}

export function createOccurrence(customerId: string, input: OccurrenceInput): Promise<Occurrence> {
  return staffApi.post<Occurrence>(base(customerId), input);
}

export function updateOccurrence(customerId: string, id: string, input: OccurrenceInput, etag: string | null): Promise<Occurrence> {
  return staffApi.put<Occurrence>(`${base(customerId)}/${seg(id)}`, input, { ifMatch: etag });
}

export function deleteOccurrence(customerId: string, id: string, etag: string | null): Promise<void> {
  return staffApi.delete(`${base(customerId)}/${seg(id)}`, { ifMatch: etag });
}

export function addCompetitorNote(customerId: string, occurrenceId: string, input: CompetitorInput, etag: string | null): Promise<Occurrence> {
  return staffApi.post<Occurrence>(`${base(customerId)}/${seg(occurrenceId)}/competitors`, input, { ifMatch: etag });
}

export function deleteCompetitorNote(customerId: string, occurrenceId: string, competitorId: string, etag: string | null): Promise<void> {
  return staffApi.delete(`${base(customerId)}/${seg(occurrenceId)}/competitors/${seg(competitorId)}`, { ifMatch: etag });
}

/** The printable page (HTML) of the customer's occurrences in the range. */
export function getOccurrencesPrint(customerId: string, range: { from: string; to: string }): Promise<string> {
  return staffApi.get<string>(`${base(customerId)}/print`, { query: range, headers: { Accept: 'text/html' } });
}
