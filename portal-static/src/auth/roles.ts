export type Role = 'admin' | 'sales' | 'operations' | 'finance';

export const ROLES: readonly Role[] = ['admin', 'sales', 'operations', 'finance'];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Administrador',
  sales: 'Vendas',
  operations: 'Operações',
  finance: 'Financeiro',
};

export function roleLabel(role: string): string {
  return ROLE_LABELS[role as Role] ?? role;
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));
