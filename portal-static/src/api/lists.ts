import type { Page } from '../app/usePagedList';
import { staffApi } from '../auth/session';

export interface PageArgs {
  continuationToken: string | null;
  pageSize: number;
  signal?: AbortSignal;
}

type Filters = Record<string, string | number | boolean | null | undefined>;

/**
 * One page of a staff list endpoint: `?pageSize=&continuation=` plus the list's filters (empty
 * filters are left out of the URL). The answer is `{ items, continuation }`.
 */
export function getPage<T>(path: string, args: PageArgs, filters: Filters = {}): Promise<Page<T>> {
  const query: Filters = { ...filters, pageSize: args.pageSize, continuation: args.continuationToken };
  return staffApi.get<Page<T>>(path, args.signal ? { query, signal: args.signal } : { query });
}

/** Every item of a short list (catalogue categories, a customer's sites), following continuation tokens up to a limit. */
export async function getAll<T>(path: string, filters: Filters = {}, signal?: AbortSignal, maxPages = 10): Promise<T[]> {
  const items: T[] = [];
  let continuation: string | null = null;
  for (let i = 0; i < maxPages; i++) {
    const args: PageArgs = signal ? { continuationToken: continuation, pageSize: 200, signal } : { continuationToken: continuation, pageSize: 200 };
    const page: Page<T> = await getPage<T>(path, args, filters);
    items.push(...page.items);
    continuation = page.continuation ?? null;
    if (!continuation) break;
  }
  return items;
}

/** Path segment for an id: ids come from the server but may hold characters a URL reserves. */
export function seg(id: string): string {
  return encodeURIComponent(id);
}

/** Common record stamps the API adds to every record. */
export interface Stamped {
  etag?: string;
  eTag?: string;
  createdAt?: string;
  createdBy?: string;
  updatedAt?: string;
  updatedBy?: string;
}

/**
 * The version to send back as If-Match, from a record in a JSON answer. Most records call it `etag`; records whose
 * C# property is `ETag` arrive as `eTag` (camelCase of "ETag"), so both are read.
 */
export function etagOf(record: { etag?: string | null; eTag?: string | null } | null | undefined): string | null {
  return record?.etag ?? record?.eTag ?? null;
}
