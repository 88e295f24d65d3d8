import { ApiClient, type SessionTokens } from '../api/client';
import { API_BASE_URL } from '../api/config';
import { createPersistentStore } from '../app/store';
import { navigate, currentTarget, withQuery } from '../app/router';
import type { Role } from './roles';

export interface StaffUser {
  id: string;
  name: string;
  email: string;
  roles: string[];
  tenantId: string;
  tenantName: string;
  tenantSlug: string;
}

/** Body of login, refresh and accept-invitation. */
export interface StaffAuthResponse {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: StaffUser;
}

export interface StaffSession extends SessionTokens {
  /** Epoch milliseconds when the access token expires (informational; the client refreshes on 401). */
  expiresAt: number;
  user: StaffUser;
}

export function staffSessionFrom(body: unknown, now = Date.now()): StaffSession {
  const r = body as StaffAuthResponse;
  if (!r || typeof r.accessToken !== 'string' || typeof r.refreshToken !== 'string' || !r.user) {
    throw new Error('Resposta de autenticação inválida.');
  }
  return { accessToken: r.accessToken, refreshToken: r.refreshToken, expiresAt: now + (r.expiresIn ?? 0) * 1000, user: r.user };
}

/**
 * Kept in localStorage so a reload or a new tab stays signed in; the refresh token is what
 * makes that possible, and logout revokes it on the server.
 */
export const staffSession = createPersistentStore<StaffSession | null>('crmsaas.staff.session', null);

export const staffApi = new ApiClient<StaffSession>({
  baseUrl: API_BASE_URL,
  session: staffSession,
  refreshPath: '/api/auth/refresh',
  toSession: (body) => staffSessionFrom(body),
  onSessionExpired: () => navigate(withQuery('/entrar', { motivo: 'sessao-expirada', voltar: currentTarget() }), { replace: true }),
});

export function hasAnyRole(session: StaffSession | null, roles: readonly Role[] | undefined): boolean {
  if (!session) return false;
  if (!roles || roles.length === 0) return true;
  return session.user.roles.some((r) => (roles as readonly string[]).includes(r));
}

/** Revokes the refresh token (best effort) and forgets the session. */
export async function signOut(): Promise<void> {
  const session = staffSession.get();
  staffSession.set(null);
  if (session) {
    try {
      await staffApi.post('/api/auth/logout', { refreshToken: session.refreshToken }, { auth: false });
    } catch {
      // The local session is gone either way; an unreachable server must not keep the user signed in.
    }
  }
}
