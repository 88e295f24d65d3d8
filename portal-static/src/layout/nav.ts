import type { Role } from '../auth/roles';

export interface NavEntry {
  label: string;
  /** Route the entry opens; the entry is shown only once a route with this path exists. */
  path: string;
  /** Paths starting with this prefix mark the entry as current. */
  section: string;
  /** Only these roles see the entry; absent means every staff role. */
  roles?: readonly Role[];
}

/**
 * The staff menu in its final order. Entries whose pages are not built yet stay hidden
 * automatically (see visibleNav), so adding a page's route is all it takes to show it.
 */
export const STAFF_NAV: readonly NavEntry[] = [
  { label: 'Painel', path: '/painel', section: '/painel' },
  { label: 'Pipeline', path: '/pipeline', section: '/pipeline' },
  { label: 'Oportunidades', path: '/oportunidades', section: '/oportunidades' },
  { label: 'Tarefas', path: '/tarefas', section: '/tarefas' },
  { label: 'Contas', path: '/contas', section: '/contas' },
  { label: 'Clientes', path: '/clientes', section: '/clientes' },
  { label: 'Soluções', path: '/solucoes', section: '/solucoes' },
  { label: 'Pedidos de venda', path: '/pedidos', section: '/pedidos' },
  { label: 'Orçamentos', path: '/orcamentos', section: '/orcamentos' },
  { label: 'Ordens de serviço', path: '/ordens-servico', section: '/ordens-servico' },
  { label: 'Contratos', path: '/contratos', section: '/contratos' },
  { label: 'Notas fiscais', path: '/notas', section: '/notas' },
  { label: 'Recebíveis', path: '/recebiveis', section: '/recebiveis' },
  { label: 'Inventário', path: '/inventario', section: '/inventario' },
  { label: 'Catálogo', path: '/catalogo', section: '/catalogo' },
  { label: 'Configurações', path: '/configuracoes/usuarios', section: '/configuracoes', roles: ['admin'] },
];

/** Customer area menu; paths are relative to /cliente/<slug>. "Sair" is a button, not an entry. */
export const CUSTOMER_NAV: readonly NavEntry[] = [
  { label: 'Painel', path: '', section: '' },
  { label: 'Pedidos', path: '/pedidos', section: '/pedidos' },
];

export function visibleNav(entries: readonly NavEntry[], userRoles: readonly string[], isRouted: (path: string) => boolean): NavEntry[] {
  return entries.filter((e) => isRouted(e.path) && (!e.roles || e.roles.some((r) => userRoles.includes(r))));
}

export function isCurrentSection(entry: NavEntry, path: string): boolean {
  if (entry.section === '') return path === '';
  return path === entry.section || path.startsWith(entry.section + '/');
}
