import { staffApi } from '../auth/session';
import type { Role } from '../auth/roles';
import type { StatusStyle } from '../ui/Badge';

export interface UserSummary {
  id: string;
  name: string;
  email: string;
  role: string;
  status: string;
}

export interface UserInvitation {
  email: string;
  name: string;
  role: Role;
}

export const USER_STATUS: Record<string, StatusStyle> = {
  active: { label: 'Ativo', tone: 'success' },
  invited: { label: 'Convite pendente', tone: 'info' },
  pending: { label: 'Aguardando confirmação', tone: 'warning' },
  disabled: { label: 'Desativado', tone: 'neutral' },
};

export async function listUsers(signal?: AbortSignal): Promise<UserSummary[]> {
  const body = await staffApi.get<{ items: UserSummary[] }>('/api/users', signal ? { signal } : {});
  return body.items;
}

export function inviteUser(invitation: UserInvitation): Promise<void> {
  return staffApi.post('/api/users/invitations', invitation);
}

export function changeUserRole(id: string, role: Role): Promise<void> {
  return staffApi.put(`/api/users/${encodeURIComponent(id)}/role`, { role });
}

export function disableUser(id: string): Promise<void> {
  return staffApi.post(`/api/users/${encodeURIComponent(id)}/disable`);
}

export function enableUser(id: string): Promise<void> {
  return staffApi.post(`/api/users/${encodeURIComponent(id)}/enable`);
}
