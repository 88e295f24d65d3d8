import { useResource } from '../app/hooks';
import { useStore } from '../app/store';
import { staffSession } from '../auth/session';
import { listUsers } from '../users/usersApi';

export interface Person {
  id: string;
  name: string;
}

/**
 * Staff who can own opportunities or be assigned tasks. The users list is an admin endpoint, so
 * other roles get only themselves (enough for "minhas oportunidades" and for assigning to oneself).
 */
export function usePeople(): { people: Person[]; loading: boolean } {
  const session = useStore(staffSession);
  const isAdmin = session?.user.roles.includes('admin') ?? false;
  const users = useResource((signal) => (isAdmin ? listUsers(signal) : Promise.resolve([])), [isAdmin]);
  const self: Person[] = session ? [{ id: session.user.id, name: session.user.name }] : [];
  if (!isAdmin) return { people: self, loading: false };
  const active = (users.data ?? []).filter((u) => u.status !== 'disabled').map((u) => ({ id: u.id, name: u.name }));
  return { people: active.length > 0 ? active : self, loading: users.loading };
}

export function personOptions(people: readonly Person[], selfId: string | undefined): { value: string; label: string }[] {
  return people.map((p) => ({ value: p.id, label: p.id === selfId ? `${p.name} (você)` : p.name }));
}
