import type { Store } from '../app/store';
import { ApiError, networkError, problemFromResponse } from './problem';

/** What every signed-in session holds, staff or customer. */
export interface SessionTokens {
  accessToken: string;
  refreshToken: string;
}

export interface RequestOptions {
  /** Send the bearer token and refresh it on 401. False for sign-in and other public calls. */
  auth?: boolean;
  /** ETag read earlier: the server answers 412 if the record changed since. */
  ifMatch?: string | null;
  query?: Record<string, string | number | boolean | null | undefined>;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

export interface WithEtag<T> {
  data: T;
  etag: string | null;
}

export interface ApiClientOptions<S extends SessionTokens> {
  baseUrl: string;
  session: Store<S | null>;
  /** Path of the refresh endpoint, which takes {refreshToken} and answers with a new session body. */
  refreshPath: string;
  /** Turns the refresh response body into the session to keep (it may carry updated roles). */
  toSession: (body: unknown) => S;
  /** Called once the refresh token is refused: the session has been cleared, show the login page. */
  onSessionExpired?: () => void;
  fetch?: typeof fetch;
}

/**
 * JSON client for the API. Access tokens are short-lived: on a 401 the client trades the
 * refresh token for a new pair, at most one exchange at a time (concurrent 401s wait for the same
 * one, because a refresh token is single-use and a second exchange would be refused), then repeats
 * the request once.
 */
export class ApiClient<S extends SessionTokens> {
  private readonly options: ApiClientOptions<S>;
  private refreshing: Promise<boolean> | null = null;

  constructor(options: ApiClientOptions<S>) {
    this.options = options;
  }

  get<T>(path: string, options?: RequestOptions): Promise<T> {
    return this.request<T>('GET', path, undefined, options).then((r) => r.data);
  }

  /** GET that also returns the ETag to send back as If-Match on the next update. */
  getWithEtag<T>(path: string, options?: RequestOptions): Promise<WithEtag<T>> {
    return this.request<T>('GET', path, undefined, options);
  }

  post<T = void>(path: string, body?: unknown, options?: RequestOptions): Promise<T> {
    return this.request<T>('POST', path, body, options).then((r) => r.data);
  }

  put<T = void>(path: string, body?: unknown, options?: RequestOptions): Promise<T> {
    return this.request<T>('PUT', path, body, options).then((r) => r.data);
  }

  patch<T = void>(path: string, body?: unknown, options?: RequestOptions): Promise<T> {
    return this.request<T>('PATCH', path, body, options).then((r) => r.data);
  }

  delete<T = void>(path: string, options?: RequestOptions): Promise<T> {
    return this.request<T>('DELETE', path, undefined, options).then((r) => r.data);
  }

  async request<T>(method: string, path: string, body: unknown, options: RequestOptions = {}): Promise<WithEtag<T>> {
    const auth = options.auth ?? true;
    const sentToken = auth ? this.options.session.get()?.accessToken ?? null : null;
    let response = await this.send(method, path, body, options, sentToken);

    if (response.status === 401 && auth && sentToken !== null) {
      const renewed = await this.renewAfter(sentToken);
      if (!renewed) throw expiredError();
      response = await this.send(method, path, body, options, this.options.session.get()?.accessToken ?? null);
      if (response.status === 401) {
        this.expire();
        throw expiredError();
      }
    }

    if (!response.ok) throw await problemFromResponse(response);
    return { data: (await readBody(response)) as T, etag: response.headers.get('etag') };
  }

  /** Builds the full URL for a path, e.g. for a download link. */
  url(path: string, query?: RequestOptions['query']): string {
    let url = this.options.baseUrl + path;
    if (query) {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(query)) {
        if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
      }
      const text = params.toString();
      if (text) url += (url.includes('?') ? '&' : '?') + text;
    }
    return url;
  }

  private async send(method: string, path: string, body: unknown, options: RequestOptions, token: string | null): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json, application/problem+json', ...options.headers };
    if (token) headers['Authorization'] = `Bearer ${token}`;
    if (options.ifMatch) headers['If-Match'] = options.ifMatch;
    let payload: BodyInit | undefined;
    if (body instanceof FormData) {
      payload = body;
    } else if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const fetchFn = this.options.fetch ?? globalThis.fetch.bind(globalThis);
    try {
      const init: RequestInit = { method, headers };
      if (payload !== undefined) init.body = payload;
      if (options.signal) init.signal = options.signal;
      return await fetchFn(this.url(path, options.query), init);
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') throw error;
      throw networkError();
    }
  }

  /**
   * Makes sure the session has an access token newer than `staleToken`. Returns false when the
   * session is gone (refresh refused or user signed out meanwhile).
   */
  private async renewAfter(staleToken: string): Promise<boolean> {
    const current = this.options.session.get();
    if (!current) return false;
    // Another request already renewed the token while this one was in flight.
    if (current.accessToken !== staleToken) return true;
    if (!this.refreshing) {
      this.refreshing = this.refresh(current.refreshToken).finally(() => {
        this.refreshing = null;
      });
    }
    return this.refreshing;
  }

  private async refresh(refreshToken: string): Promise<boolean> {
    let response: Response;
    try {
      response = await (this.options.fetch ?? globalThis.fetch.bind(globalThis))(this.url(this.options.refreshPath), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ refreshToken }),
      });
    } catch {
      // Offline is not a rejected token: keep the session so the user can retry.
      throw networkError();
    }
    if (!response.ok) {
      if (response.status >= 500) throw await problemFromResponse(response);
      this.expire();
      return false;
    }
    this.options.session.set(this.options.toSession(await response.json()));
    return true;
  }

  private expire(): void {
    const hadSession = this.options.session.get() !== null;
    this.options.session.set(null);
    if (hadSession) this.options.onSessionExpired?.();
  }
}

function expiredError(): ApiError {
  return new ApiError({
    status: 401,
    code: 'session_expired',
    title: 'Sessão expirada',
    detail: 'Sua sessão expirou. Entre novamente.',
  });
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204 || response.status === 205) return undefined;
  const text = await response.text();
  if (text === '') return undefined;
  const type = response.headers.get('content-type') ?? '';
  return type.includes('json') ? JSON.parse(text) : text;
}
