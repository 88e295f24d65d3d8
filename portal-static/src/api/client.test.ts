import { describe, expect, it, vi } from 'vitest';
import { createStore } from '../app/store';
import { ApiClient, type SessionTokens } from './client';
import { ApiError } from './problem';

interface TestSession extends SessionTokens {
  name: string;
}

type Handler = (url: string, init: RequestInit) => Response | Promise<Response>;

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

function problem(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/problem+json' } });
}

/** A fake server: access token "valid-N" is accepted only for the latest N; refresh tokens are single-use. */
function fakeApi(options: { refreshOk?: boolean } = {}) {
  let generation = 1;
  const calls: { url: string; method: string; auth: string | null; ifMatch: string | null; body: string | null }[] = [];
  let refreshCalls = 0;
  const handler: Handler = async (url, init) => {
    const headers = new Headers(init.headers);
    calls.push({ url, method: init.method ?? 'GET', auth: headers.get('authorization'), ifMatch: headers.get('if-match'), body: (init.body as string) ?? null });
    if (url.endsWith('/api/auth/refresh')) {
      refreshCalls++;
      // A slow exchange, so that concurrent 401s really overlap with it.
      await new Promise((resolve) => setTimeout(resolve, 5));
      const sent = JSON.parse(init.body as string).refreshToken;
      if (options.refreshOk === false || sent !== `refresh-${generation}`) return problem(401, { code: 'invalid_refresh_token' });
      generation++;
      return json(200, { accessToken: `valid-${generation}`, refreshToken: `refresh-${generation}`, expiresIn: 900, name: 'Ana' });
    }
    if (headers.get('authorization') !== `Bearer valid-${generation}`) return problem(401, { title: 'Unauthorized' });
    return json(200, { path: url }, { ETag: 'W/"42"' });
  };
  return { handler, calls, refreshCount: () => refreshCalls };
}

function makeClient(handler: Handler, session: TestSession | null, onSessionExpired = vi.fn()) {
  const store = createStore<TestSession | null>(session);
  const client = new ApiClient<TestSession>({
    baseUrl: 'http://api.test',
    session: store,
    refreshPath: '/api/auth/refresh',
    toSession: (body) => body as TestSession,
    onSessionExpired,
    fetch: (input, init) => Promise.resolve(handler(String(input), init ?? {})),
  });
  return { client, store, onSessionExpired };
}

describe('ApiClient', () => {
  it('sends the bearer token and parses JSON', async () => {
    const api = fakeApi();
    const { client } = makeClient(api.handler, { accessToken: 'valid-1', refreshToken: 'refresh-1', name: 'Ana' });
    const result = await client.get<{ path: string }>('/api/users', { query: { limit: 20, after: undefined } });
    expect(result.path).toBe('http://api.test/api/users?limit=20');
    expect(api.calls[0]!.auth).toBe('Bearer valid-1');
  });

  it('refreshes once on 401 and repeats the request with the new token', async () => {
    const api = fakeApi();
    const { client, store } = makeClient(api.handler, { accessToken: 'stale', refreshToken: 'refresh-1', name: 'Ana' });
    const result = await client.get<{ path: string }>('/api/users');
    expect(result.path).toBe('http://api.test/api/users');
    expect(api.refreshCount()).toBe(1);
    expect(store.get()?.accessToken).toBe('valid-2');
    expect(store.get()?.refreshToken).toBe('refresh-2');
    expect(api.calls.map((c) => c.auth)).toEqual(['Bearer stale', null, 'Bearer valid-2']);
  });

  it('gives up after one retry when the renewed token is refused too', async () => {
    let refreshes = 0;
    const handler: Handler = (url) => {
      if (url.endsWith('/refresh')) {
        refreshes++;
        return json(200, { accessToken: `a${refreshes}`, refreshToken: `r${refreshes}`, name: 'Ana' });
      }
      return problem(401, {});
    };
    const { client, store, onSessionExpired } = makeClient(handler, { accessToken: 'a0', refreshToken: 'r0', name: 'Ana' });
    const error = (await client.get('/api/users').catch((e: unknown) => e)) as ApiError;
    expect(error.code).toBe('session_expired');
    expect(refreshes).toBe(1);
    expect(store.get()).toBeNull();
    expect(onSessionExpired).toHaveBeenCalledTimes(1);
  });

  it('shares one refresh between concurrent requests that get 401', async () => {
    const api = fakeApi();
    const { client, store } = makeClient(api.handler, { accessToken: 'stale', refreshToken: 'refresh-1', name: 'Ana' });
    const results = await Promise.all([client.get('/api/a'), client.get('/api/b'), client.get('/api/c')]);
    expect(results).toHaveLength(3);
    expect(api.refreshCount()).toBe(1);
    expect(store.get()?.refreshToken).toBe('refresh-2');
  });

  it('does not refresh again when another request already renewed the token', async () => {
    const api = fakeApi();
    const { client } = makeClient(api.handler, { accessToken: 'stale', refreshToken: 'refresh-1', name: 'Ana' });
    await client.get('/api/a');
    await client.get('/api/b');
    expect(api.refreshCount()).toBe(1);
  });

  it('clears the session and reports expiry when the refresh token is refused', async () => {
    const api = fakeApi({ refreshOk: false });
    const { client, store, onSessionExpired } = makeClient(api.handler, { accessToken: 'stale', refreshToken: 'refresh-1', name: 'Ana' });
    const error = await client.get('/api/users').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('session_expired');
    expect((error as ApiError).detail).toBe('Sua sessão expirou. Entre novamente.');
    expect(store.get()).toBeNull();
    expect(onSessionExpired).toHaveBeenCalledTimes(1);
  });

  it('does not try to refresh for public calls such as login', async () => {
    const handler = vi.fn<Handler>(() => problem(401, { code: 'invalid_credentials', detail: 'E-mail ou senha incorretos.' }));
    const { client } = makeClient(handler, null);
    const error = (await client.post('/api/auth/login', { email: 'a@b.c', password: 'x' }, { auth: false }).catch((e: unknown) => e)) as ApiError;
    expect(error.detail).toBe('E-mail ou senha incorretos.');
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('returns the ETag and sends If-Match on updates', async () => {
    const api = fakeApi();
    const { client } = makeClient(api.handler, { accessToken: 'valid-1', refreshToken: 'refresh-1', name: 'Ana' });
    const { etag } = await client.getWithEtag('/api/customers/1');
    expect(etag).toBe('W/"42"');
    await client.put('/api/customers/1', { name: 'X' }, { ifMatch: etag });
    expect(api.calls[1]!.ifMatch).toBe('W/"42"');
    expect(api.calls[1]!.body).toBe('{"name":"X"}');
  });

  it('surfaces a 412 as a conflict with the server message', async () => {
    const detail = 'Este registro foi alterado por outra pessoa. Recarregue a página e tente novamente.';
    const handler: Handler = () => problem(412, { status: 412, code: 'conflict', title: 'Conflict', detail });
    const { client } = makeClient(handler, { accessToken: 't', refreshToken: 'r', name: 'Ana' });
    const error = (await client.put('/api/customers/1', {}, { ifMatch: 'W/"1"' }).catch((e: unknown) => e)) as ApiError;
    expect(error.status).toBe(412);
    expect(error.isConflict).toBe(true);
    expect(error.detail).toBe(detail);
  });

  it('turns a network failure into a pt-BR error', async () => {
    const { client } = makeClient(() => Promise.reject(new TypeError('Failed to fetch')), null);
    const error = (await client.get('/api/x', { auth: false }).catch((e: unknown) => e)) as ApiError;
    expect(error.code).toBe('network');
    expect(error.detail).toMatch(/Não foi possível conectar ao servidor/);
  });

  it('returns undefined for 204 responses', async () => {
    const { client } = makeClient(() => new Response(null, { status: 204 }), null);
    await expect(client.post('/api/auth/logout', { refreshToken: 'r' }, { auth: false })).resolves.toBeUndefined();
  });
});
