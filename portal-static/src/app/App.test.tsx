import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from './App';
import { navigate, routeLocation } from './router';
import { staffSession, type StaffSession } from '../auth/session';
import { customerSession } from '../customer-area/session';
import { fakeFetch, jsonResponse, mount, settle } from '../test/render';

function staff(roles: string[]): StaffSession {
  return {
    accessToken: 'token',
    refreshToken: 'refresh',
    expiresAt: Date.now() + 60_000,
    user: { id: 'u1', name: 'Mariana Souza', email: 'mariana@acme.com.br', roles, tenantId: 't1', tenantName: 'Acme Serviços', tenantSlug: 'acme' },
  };
}

describe('App routing', () => {
  let cleanup: (() => void) | undefined;

  beforeEach(() => {
    localStorage.clear();
    staffSession.set(null);
    customerSession('acme').set(null);
    // Pages that load data get an empty answer.
    vi.stubGlobal('fetch', fakeFetch(() => jsonResponse(200, { items: [] })).fn);
  });

  afterEach(() => {
    cleanup?.();
    vi.unstubAllGlobals();
  });

  async function open(path: string) {
    navigate(path, { replace: true });
    const view = mount(<App />);
    cleanup = view.unmount;
    await settle();
    return view;
  }

  it('sends a visitor to the login page and remembers where they were going', async () => {
    const view = await open('/configuracoes/usuarios');
    expect(routeLocation.get().path).toBe('/entrar');
    expect(routeLocation.get().query.get('voltar')).toBe('/configuracoes/usuarios');
    expect(view.container.querySelector('h1')!.textContent).toBe('Entrar');
  });

  it('opens the dashboard for a signed-in user, with only the menu entries that have pages', async () => {
    staffSession.set(staff(['admin']));
    const view = await open('/');
    expect(routeLocation.get().path).toBe('/painel');
    expect(view.container.querySelector('h1')!.textContent).toBe('Painel');
    const menu = [...view.container.querySelectorAll('#staff-nav a')].map((a) => a.textContent);
    expect(menu).toEqual(['Painel', 'Pipeline', 'Oportunidades', 'Tarefas', 'Contas', 'Clientes', 'Soluções', 'Pedidos de venda', 'Orçamentos', 'Ordens de serviço', 'Contratos', 'Notas fiscais', 'Recebíveis', 'Inventário', 'Catálogo', 'Configurações']);
    expect(view.container.querySelector('#staff-nav a[aria-current="page"]')!.textContent).toBe('Painel');
    expect(view.container.querySelector('.topbar-tenant')!.textContent).toBe('Acme Serviços');
  });

  it('denies the users page to roles other than admin and hides its menu entry', async () => {
    staffSession.set(staff(['sales']));
    const view = await open('/configuracoes/usuarios');
    expect(view.container.querySelector('h1')!.textContent).toBe('Acesso negado');
    const menu = [...view.container.querySelectorAll('#staff-nav a')].map((a) => a.textContent);
    expect(menu).toEqual(['Painel', 'Pipeline', 'Oportunidades', 'Tarefas', 'Contas', 'Clientes', 'Soluções', 'Pedidos de venda', 'Orçamentos', 'Ordens de serviço', 'Contratos', 'Notas fiscais', 'Recebíveis', 'Inventário', 'Catálogo']);
  });

  it('does not show the login page to someone already signed in', async () => {
    staffSession.set(staff(['finance']));
    await open('/entrar');
    expect(routeLocation.get().path).toBe('/painel');
  });

  it('toggles the phone menu and closes it after navigating', async () => {
    staffSession.set(staff(['admin']));
    const view = await open('/painel');
    const toggle = view.container.querySelector<HTMLButtonElement>('.topbar-menu-toggle')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    toggle.click();
    await settle(1);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(view.container.querySelector('#staff-nav')!.classList.contains('sidenav-open')).toBe(true);
    navigate('/configuracoes/usuarios');
    await settle();
    expect(view.container.querySelector('#staff-nav')!.classList.contains('sidenav-open')).toBe(false);
  });

  it('keeps customers of one company out of another company’s area', async () => {
    customerSession('outra').set({ accessToken: 'a', refreshToken: 'r', expiresAt: 0, slug: 'outra', customer: { contactName: 'João', customerId: 'c1', customerName: 'Cond. Flores', tenantName: 'Outra' } });
    await open('/cliente/acme');
    expect(routeLocation.get().path).toBe('/cliente/acme/entrar');
    customerSession('outra').set(null);
  });

  it('shows the customer area with its own menu', async () => {
    customerSession('acme').set({ accessToken: 'a', refreshToken: 'r', expiresAt: 0, slug: 'acme', customer: { contactName: 'João Pereira', customerId: 'c1', customerName: 'Condomínio Flores', tenantName: 'Acme Serviços' } });
    const view = await open('/cliente/acme');
    const menu = [...view.container.querySelectorAll('.topnav li')].map((li) => li.textContent);
    expect(menu).toEqual(['Painel', 'Pedidos', 'Sair']);
    expect(view.container.textContent).toContain('Condomínio Flores');
  });

  it('says so when the page does not exist', async () => {
    const view = await open('/nao-existe');
    expect(view.container.querySelector('h1')!.textContent).toBe('Página não encontrada');
  });
});
