import { useEffect, useRef, useState } from 'preact/hooks';
import { toApiError, type ApiError } from '../api/problem';

/**
 * One page of a list as the API returns it. Table Storage pages by continuation token: the
 * token is opaque, and its absence means the last page was reached.
 */
export interface Page<T> {
  items: T[];
  continuation?: string | null;
}

export type FetchPage<T> = (args: { continuationToken: string | null; pageSize: number; signal: AbortSignal }) => Promise<Page<T>>;

export interface PagedList<T> {
  items: T[];
  hasMore: boolean;
  /** First page loading (the list is empty meanwhile). */
  loading: boolean;
  /** A further page loading ("Carregar mais"). */
  loadingMore: boolean;
  error: ApiError | null;
  pageSize: number;
  setPageSize: (size: number) => void;
  loadMore: () => void;
  /** Starts again from the first page (after a filter change or a save). */
  reload: () => void;
}

/**
 * A list that grows page by page. Changing `key` (e.g. the search term) or the page size starts
 * over; answers for an older key are dropped so a slow response never overwrites a newer list.
 */
export function usePagedList<T>(fetchPage: FetchPage<T>, key: unknown[] = [], initialPageSize = 20): PagedList<T> {
  const [items, setItems] = useState<T[]>([]);
  const [token, setToken] = useState<string | null>(null);
  const [hasMore, setHasMore] = useState(false);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [pageSize, setPageSize] = useState(initialPageSize);
  const [version, setVersion] = useState(0);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  const generation = useRef(0);
  const moreController = useRef<AbortController | null>(null);

  useEffect(() => {
    const current = ++generation.current;
    moreController.current?.abort();
    const controller = new AbortController();
    setItems([]);
    setToken(null);
    setHasMore(false);
    setLoading(true);
    setLoadingMore(false);
    setError(null);
    fetchRef.current({ continuationToken: null, pageSize, signal: controller.signal }).then(
      (page) => {
        if (current !== generation.current) return;
        setItems(page.items);
        setToken(page.continuation ?? null);
        setHasMore(Boolean(page.continuation));
        setLoading(false);
      },
      (e: unknown) => {
        if (current !== generation.current) return;
        setError(toApiError(e));
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [...key, pageSize, version]);

  const loadMore = () => {
    if (!token || loading || loadingMore) return;
    const current = generation.current;
    const controller = new AbortController();
    moreController.current = controller;
    setLoadingMore(true);
    setError(null);
    fetchRef.current({ continuationToken: token, pageSize, signal: controller.signal }).then(
      (page) => {
        if (current !== generation.current) return;
        setItems((list) => [...list, ...page.items]);
        setToken(page.continuation ?? null);
        setHasMore(Boolean(page.continuation));
        setLoadingMore(false);
      },
      (e: unknown) => {
        if (current !== generation.current) return;
        setError(toApiError(e));
        setLoadingMore(false);
      },
    );
  };

  return { items, hasMore, loading, loadingMore, error, pageSize, setPageSize, loadMore, reload: () => setVersion((v) => v + 1) };
}
