import type { Role } from '../auth/roles';
import { withQuery } from './router';

export type GuardResult = { kind: 'allow' } | { kind: 'redirect'; to: string } | { kind: 'forbidden' };

/**
 * Staff pages need a session and, for some, a role. Without a session the user goes to the
 * login page and comes back to `target` afterwards.
 */
export function guardStaff(session: { user: { roles: readonly string[] } } | null, roles: readonly Role[] | undefined, target: string): GuardResult {
  if (!session) return { kind: 'redirect', to: withQuery('/entrar', { voltar: target === '/' ? null : target }) };
  if (roles && roles.length > 0 && !session.user.roles.some((r) => (roles as readonly string[]).includes(r))) return { kind: 'forbidden' };
  return { kind: 'allow' };
}

/** Customer pages need that tenant's customer session (a session for another slug does not count). */
export function guardCustomer(session: { slug: string } | null, slug: string, target: string): GuardResult {
  if (!session || session.slug !== slug) {
    return { kind: 'redirect', to: withQuery(`/cliente/${encodeURIComponent(slug)}/entrar`, { voltar: target }) };
  }
  return { kind: 'allow' };
}
