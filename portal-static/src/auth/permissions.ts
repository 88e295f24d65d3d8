import { useStore } from '../app/store';
import type { Role } from './roles';
import { hasAnyRole, staffSession } from './session';

/**
 * Who may change what (the API enforces the same; the portal only hides buttons that would be
 * refused). Reading is open to every staff role.
 */
export const WRITE_ROLES = {
  customers: ['admin', 'sales'],
  accounts: ['admin', 'sales'],
  solutions: ['admin', 'sales'],
  sites: ['admin', 'sales', 'operations'],
  contracts: ['admin', 'sales', 'operations'],
  catalogue: ['admin'],
  settings: ['admin'],
  opportunities: ['admin', 'sales'],
  tasks: ['admin', 'sales', 'operations'],
  occurrences: ['admin', 'sales', 'operations'],
  salesOrders: ['admin', 'sales'],
  quotes: ['admin', 'sales'],
  serviceOrders: ['admin', 'sales', 'operations'],
  serviceOrderStatus: ['admin', 'sales', 'operations', 'finance'],
  billing: ['admin', 'finance'],
  receivables: ['admin', 'finance'],
  faturamento: ['admin', 'sales', 'finance'],
} as const satisfies Record<string, readonly Role[]>;

export type WriteArea = keyof typeof WRITE_ROLES;

/** True when the signed-in staff user may change records of `area`. */
export function useCanWrite(area: WriteArea): boolean {
  const session = useStore(staffSession);
  return hasAnyRole(session, WRITE_ROLES[area]);
}
