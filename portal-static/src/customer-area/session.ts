import { ApiClient, type SessionTokens } from '../api/client';
import { API_BASE_URL } from '../api/config';
import { createPersistentStore, type Store } from '../app/store';
import { currentTarget, navigate, withQuery } from '../app/router';

export interface CustomerInfo {
  contactName: string;
  customerId: string;
  customerName: string;
  tenantName: string;
}

export interface CustomerAuthResponse {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  customer: CustomerInfo;
}

export interface CustomerSession extends SessionTokens {
  expiresAt: number;
  slug: string;
  customer: CustomerInfo;
}

export function customerSessionFrom(body: unknown, slug: string, now = Date.now()): CustomerSession {
  const r = body as CustomerAuthResponse;
  if (!r || typeof r.accessToken !== 'string' || typeof r.refreshToken !== 'string' || !r.customer) {
    throw new Error('Resposta de autenticação inválida.');
  }
  return { accessToken: r.accessToken, refreshToken: r.refreshToken, expiresAt: now + (r.expiresIn ?? 0) * 1000, slug, customer: r.customer };
}

export function customerAreaPath(slug: string, page = ''): string {
  return `/cliente/${encodeURIComponent(slug)}${page ? '/' + page : ''}`;
}

const stores = new Map<string, Store<CustomerSession | null>>();
const clients = new Map<string, ApiClient<CustomerSession>>();

/**
 * One session per tenant slug: a person can be a customer of two companies that use the product,
 * and the staff session is kept apart from both (customer tokens have another audience).
 */
export function customerSession(slug: string): Store<CustomerSession | null> {
  let store = stores.get(slug);
  if (!store) {
    store = createPersistentStore<CustomerSession | null>(`crmsaas.customer.${slug}.session`, null);
    stores.set(slug, store);
  }
  return store;
}

export function customerApi(slug: string): ApiClient<CustomerSession> {
  let client = clients.get(slug);
  if (!client) {
    client = new ApiClient<CustomerSession>({
      baseUrl: API_BASE_URL,
      session: customerSession(slug),
      refreshPath: '/api/customer-auth/refresh',
      toSession: (body) => customerSessionFrom(body, slug),
      onSessionExpired: () => navigate(withQuery(customerAreaPath(slug, 'entrar'), { motivo: 'sessao-expirada', voltar: currentTarget() }), { replace: true }),
    });
    clients.set(slug, client);
  }
  return client;
}

export async function customerLogin(slug: string, email: string, password: string): Promise<CustomerSession> {
  const body = await customerApi(slug).post<unknown>(`/api/customer-auth/${encodeURIComponent(slug)}/login`, { email, password }, { auth: false });
  const session = customerSessionFrom(body, slug);
  customerSession(slug).set(session);
  return session;
}

/**
 * Sets the password from the invitation link. If the server answers with tokens the customer is
 * signed in at once; otherwise they sign in with the new password.
 */
export async function customerAcceptInvitation(slug: string, token: string, password: string): Promise<CustomerSession | null> {
  const body = await customerApi(slug).post<unknown>(`/api/customer-auth/${encodeURIComponent(slug)}/accept-invitation`, { token, password }, { auth: false });
  if (body && typeof body === 'object' && 'accessToken' in body) {
    const session = customerSessionFrom(body, slug);
    customerSession(slug).set(session);
    return session;
  }
  return null;
}

export async function customerSignOut(slug: string): Promise<void> {
  const store = customerSession(slug);
  const session = store.get();
  store.set(null);
  if (session) {
    try {
      await customerApi(slug).post('/api/customer-auth/logout', { refreshToken: session.refreshToken }, { auth: false });
    } catch {
      // Signed out locally regardless of the server being reachable.
    }
  }
}
