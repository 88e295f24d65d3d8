import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { fieldErrorMessages, toApiError, type ApiError } from '../api/problem';

/**
 * Runs a form submit or button action: tracks busy state and keeps the error to show.
 * Calls made while one is running are ignored (double clicks, Enter pressed twice).
 */
export function useAction<A extends unknown[]>(action: (...args: A) => Promise<void>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const running = useRef(false);
  const actionRef = useRef(action);
  actionRef.current = action;
  const mounted = useMounted();

  const run = useCallback(async (...args: A): Promise<boolean> => {
    if (running.current) return false;
    running.current = true;
    setBusy(true);
    setError(null);
    try {
      await actionRef.current(...args);
      return true;
    } catch (e) {
      if (mounted.current) setError(toApiError(e));
      return false;
    } finally {
      running.current = false;
      if (mounted.current) setBusy(false);
    }
  }, []);

  return { run, busy, error, setError };
}

export interface Resource<T> {
  data: T | undefined;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
  /** Replace the loaded data after a local change (e.g. an optimistic update). */
  setData: (update: (current: T | undefined) => T | undefined) => void;
}

/** Loads data when `key` changes; answers that arrive after a newer load started are dropped. */
export function useResource<T>(load: (signal: AbortSignal) => Promise<T>, key: unknown[] = []): Resource<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const [version, setVersion] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setError(null);
    loadRef.current(controller.signal).then(
      (value) => {
        if (controller.signal.aborted) return;
        setData(() => value);
        setLoading(false);
      },
      (e: unknown) => {
        if (controller.signal.aborted) return;
        setError(toApiError(e));
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [...key, version]);

  return { data, error, loading, reload: () => setVersion((v) => v + 1), setData: (update) => setData(update) };
}

/**
 * Client-side errors from the last submit, merged with the server's field errors. `codeFields` names the field a
 * problem is about when the server sends it without an `errors` map (e.g. `{ duplicate: 'taxId' }`, a 409): its
 * detail goes next to that field like a validation message, and `bannerError` (the error for the page's
 * `ErrorBanner`) leaves it out so the message is not said twice.
 */
export function useFieldErrors(serverError: ApiError | null, codeFields: Readonly<Record<string, string>> = {}) {
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [cleared, setCleared] = useState<Set<string>>(new Set());
  const lastServerError = useRef(serverError);
  if (lastServerError.current !== serverError) {
    lastServerError.current = serverError;
    if (cleared.size > 0) setCleared(new Set());
  }
  const server = fieldErrorMessages(serverError);
  const codeField = serverError && Object.hasOwn(codeFields, serverError.code) ? codeFields[serverError.code] : undefined;
  if (serverError && codeField) server[codeField] ??= serverError.detail;
  for (const key of cleared) delete server[key];
  const errors: Record<string, string> = { ...server, ...clientErrors };
  return {
    errors,
    bannerError: codeField ? null : serverError,
    setClientErrors,
    /** Call when the user edits a field: its message goes away until the next submit. */
    clear: (name: string) => {
      if (clientErrors[name]) setClientErrors(({ [name]: _removed, ...rest }) => rest);
      if (server[name]) setCleared((s) => new Set(s).add(name));
    },
  };
}

export function useMounted() {
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  return mounted;
}

/** Sets document.title as "<page> · CrmSaaS". */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · CrmSaaS` : 'CrmSaaS';
  }, [title]);
}
