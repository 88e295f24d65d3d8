import { createStore, useStore, type Store } from './store';

/**
 * Hash routing: "#/cliente/acme/entrar?x=1". Hash URLs work on any static host without rewrite
 * rules and keep e-mailed links (confirmation, invitation, password reset) valid wherever the
 * portal is served from.
 */

export interface RouteLocation {
  /** Always starts with '/', never ends with '/' (except the root itself). */
  path: string;
  query: URLSearchParams;
}

export type RouteParams = Record<string, string>;

export function parseHash(hash: string): RouteLocation {
  const raw = hash.replace(/^#/, '');
  const q = raw.indexOf('?');
  const pathPart = q >= 0 ? raw.slice(0, q) : raw;
  const queryPart = q >= 0 ? raw.slice(q + 1) : '';
  return { path: normalizePath(pathPart), query: new URLSearchParams(queryPart) };
}

export function normalizePath(path: string): string {
  let p = path.trim();
  if (!p.startsWith('/')) p = '/' + p;
  p = p.replace(/\/{2,}/g, '/');
  if (p.length > 1 && p.endsWith('/')) p = p.slice(0, -1);
  return p;
}

/**
 * Matches "/cliente/:slug/pedidos/:id" against a path; returns the decoded params or null.
 * Matching is exact (no prefix matching) and case-sensitive for literals.
 */
export function matchPath(pattern: string, path: string): RouteParams | null {
  const patternParts = normalizePath(pattern).split('/');
  const pathParts = normalizePath(path).split('/');
  if (patternParts.length !== pathParts.length) return null;
  const params: RouteParams = {};
  for (let i = 0; i < patternParts.length; i++) {
    const expected = patternParts[i]!;
    const actual = pathParts[i]!;
    if (expected.startsWith(':')) {
      if (actual === '') return null;
      try {
        params[expected.slice(1)] = decodeURIComponent(actual);
      } catch {
        return null;
      }
    } else if (expected !== actual) {
      return null;
    }
  }
  return params;
}

export interface RouteMatch<R> {
  route: R;
  params: RouteParams;
}

/** First route whose `path` pattern matches. */
export function matchRoutes<R extends { path: string }>(routes: readonly R[], path: string): RouteMatch<R> | null {
  for (const route of routes) {
    const params = matchPath(route.path, path);
    if (params) return { route, params };
  }
  return null;
}

/** "#/path?query" for an app path, for use in href attributes. */
export function href(path: string, query?: Record<string, string | null | undefined>): string {
  return '#' + withQuery(path, query);
}

export function withQuery(path: string, query?: Record<string, string | null | undefined>): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value != null && value !== '') params.set(key, value);
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** The current location as a store, updated on hashchange and by navigate(). */
export const routeLocation: Store<RouteLocation> = createStore(parseHash(typeof location === 'undefined' ? '' : location.hash));

function syncFromWindow(): void {
  const next = parseHash(location.hash);
  const current = routeLocation.get();
  if (next.path !== current.path || next.query.toString() !== current.query.toString()) routeLocation.set(next);
}

if (typeof window !== 'undefined') window.addEventListener('hashchange', syncFromWindow);

/**
 * Goes to an app path ("/painel", "/entrar?voltar=%2Fpainel"). `replace` keeps the current entry
 * out of the history, as redirects should.
 */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  const target = '#' + (to.startsWith('/') ? to : '/' + to);
  if (options.replace) {
    history.replaceState(history.state, '', target);
  } else if (location.hash !== target) {
    // Assigning the hash adds a history entry; hashchange would also sync, but syncing now
    // lets the caller rely on the new location immediately.
    location.hash = target;
  }
  syncFromWindow();
}

/** The path plus query of the current location, e.g. to come back here after signing in. */
export function currentTarget(loc: RouteLocation = routeLocation.get()): string {
  const q = loc.query.toString();
  return q ? `${loc.path}?${q}` : loc.path;
}

/**
 * Turns a path URL such as "/cliente/acme/entrar" (typed by hand or linked from outside) into
 * its hash form. Returns the URL to replace with, or null when there is nothing to do.
 */
export function pathUrlToHash(pathname: string, hash: string, search = ''): string | null {
  if (hash && hash !== '#') return null;
  const m = /^\/(cliente\/.+)$/.exec(pathname);
  if (!m) return null;
  return `/#/${m[1]!.replace(/\/$/, '')}${search}`;
}

export function useLocation(): RouteLocation {
  return useStore(routeLocation);
}
