import { staffApi, staffSession, staffSessionFrom, type StaffSession } from './session';

export interface SignupRequest {
  legalName: string;
  tradeName: string;
  taxId: string;
  adminName: string;
  email: string;
  password: string;
}

export interface SignupResponse {
  tenantId: string;
  slug: string;
}

export function signup(request: SignupRequest): Promise<SignupResponse> {
  return staffApi.post<SignupResponse>('/api/auth/signup', request, { auth: false });
}

export function confirmEmail(token: string): Promise<void> {
  return staffApi.post('/api/auth/confirm-email', { token }, { auth: false });
}

/** Signs in and keeps the session. */
export async function login(email: string, password: string): Promise<StaffSession> {
  const body = await staffApi.post<unknown>('/api/auth/login', { email, password }, { auth: false });
  const session = staffSessionFrom(body);
  staffSession.set(session);
  return session;
}

export function requestPasswordReset(email: string): Promise<void> {
  return staffApi.post('/api/auth/password-reset', { email }, { auth: false });
}

export function confirmPasswordReset(token: string, password: string): Promise<void> {
  return staffApi.post('/api/auth/password-reset/confirm', { token, password }, { auth: false });
}

/** Sets name and password for an invited user and signs them in. */
export async function acceptInvitation(token: string, name: string, password: string): Promise<StaffSession> {
  const body = await staffApi.post<unknown>('/api/auth/accept-invitation', { token, name, password }, { auth: false });
  const session = staffSessionFrom(body);
  staffSession.set(session);
  return session;
}
