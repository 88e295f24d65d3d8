import { vi } from 'vitest';
import { App } from '../app/App';
import { navigate } from '../app/router';
import { staffSession, type StaffSession } from '../auth/session';
import { toasts } from '../ui/Toast';
import { fakeFetch, jsonResponse, mount, settle, type FakeCall } from './render';

export type Handler = (call: FakeCall, url: URL) => Response | Promise<Response>;

/**
 * A fake API for page tests: routes keyed "METHOD /path" (no query string); anything else is a
 * 404 ProblemDetails, so a page calling an unexpected endpoint shows up as an error in the test.
 */
export function fakeApi(routes: Record<string, Handler>) {
  const fake = fakeFetch((call) => {
    const url = new URL(call.url, 'http://portal.test');
    const handler = routes[`${call.method} ${url.pathname}`];
    if (handler) return handler(call, url);
    return jsonResponse(404, { code: 'not_found', detail: `Rota não simulada: ${call.method} ${url.pathname}` }, 'application/problem+json');
  });
  vi.stubGlobal('fetch', fake.fn);
  return fake.calls;
}

/**
 * A JSON answer with an ETag header, as single-record GETs and updates send. The body repeats it as `etag`, or as
 * `eTag` for the records whose C# property is named ETag (opportunities, tasks, occurrences, settings).
 */
export function withEtag(body: unknown, etag: string, status = 200, property: 'etag' | 'eTag' = 'etag'): Response {
  return new Response(JSON.stringify({ ...(body as object), [property]: etag }), { status, headers: { 'Content-Type': 'application/json', ETag: etag } });
}

export function problem(status: number, code: string, detail: string, errors?: Record<string, string[]>): Response {
  return jsonResponse(status, { status, code, title: detail, detail, ...(errors ? { errors } : {}) }, 'application/problem+json');
}

export function staffUser(roles: string[] = ['admin']): StaffSession {
  return {
    accessToken: 'token',
    refreshToken: 'refresh',
    expiresAt: Date.now() + 60_000,
    user: { id: 'u1', name: 'Mariana Souza', email: 'mariana@acme.com.br', roles, tenantId: 't1', tenantName: 'Acme Serviços', tenantSlug: 'acme' },
  };
}

/** Signs in, opens the app at `path` and lets the first requests settle. */
export async function openApp(path: string, roles: string[] = ['admin']) {
  localStorage.clear();
  toasts.set([]);
  staffSession.set(staffUser(roles));
  navigate(path, { replace: true });
  const view = mount(<App />);
  await settle(5);
  return view;
}

/** Calls made with a method to a path (query ignored). */
export function callsTo(calls: FakeCall[], method: string, path: string): FakeCall[] {
  return calls.filter((c) => c.method === method && new URL(c.url, 'http://portal.test').pathname === path);
}

export function queryOf(call: FakeCall): URLSearchParams {
  return new URL(call.url, 'http://portal.test').searchParams;
}
