import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../app/App';
import { navigate } from '../app/router';
import { staffSession } from '../auth/session';
import { toasts } from '../ui/Toast';
import { act, byText, choose, fakeFetch, field, jsonResponse, mount, settle, submit, type, type FakeCall } from '../test/render';

const admin = { id: 'u1', name: 'Mariana Souza', email: 'mariana@acme.com.br', roles: ['admin'], tenantId: 't1', tenantName: 'Acme Serviços', tenantSlug: 'acme' };

describe('users page', () => {
  let cleanup: (() => void) | undefined;
  let calls: FakeCall[];
  let users: { id: string; name: string; email: string; role: string; status: string }[];

  beforeEach(() => {
    localStorage.clear();
    toasts.set([]);
    staffSession.set({ accessToken: 'a', refreshToken: 'r', expiresAt: 0, user: admin });
    users = [
      { id: 'u1', name: 'Mariana Souza', email: 'mariana@acme.com.br', role: 'admin', status: 'active' },
      { id: 'u2', name: 'Carlos Lima', email: 'carlos@acme.com.br', role: 'sales', status: 'active' },
      { id: 'u3', name: 'Beatriz Rocha', email: 'bia@acme.com.br', role: 'finance', status: 'disabled' },
    ];
    const fake = fakeFetch((call) => {
      if (call.method === 'GET' && call.url === '/api/users') return jsonResponse(200, { items: users });
      if (call.method === 'PUT' && call.url === '/api/users/u2/role') {
        users = users.map((u) => (u.id === 'u2' ? { ...u, role: (call.body as { role: string }).role } : u));
        return jsonResponse(204);
      }
      if (call.method === 'POST' && call.url === '/api/users/u2/disable') {
        users = users.map((u) => (u.id === 'u2' ? { ...u, status: 'disabled' } : u));
        return jsonResponse(204);
      }
      if (call.method === 'POST' && call.url === '/api/users/invitations') return jsonResponse(201, {});
      return jsonResponse(404);
    });
    calls = fake.calls;
    vi.stubGlobal('fetch', fake.fn);
  });

  afterEach(() => {
    cleanup?.();
    vi.unstubAllGlobals();
  });

  async function open() {
    navigate('/configuracoes/usuarios', { replace: true });
    const view = mount(<App />);
    cleanup = view.unmount;
    await settle();
    return view.container;
  }

  function row(page: HTMLElement, name: string): HTMLTableRowElement {
    return [...page.querySelectorAll('tbody tr')].find((tr) => tr.textContent?.includes(name)) as HTMLTableRowElement;
  }

  it('lists users with role and status in Portuguese, without actions on the signed-in admin', async () => {
    const page = await open();
    expect(calls[0]!.headers.get('authorization')).toBe('Bearer a');
    const carlos = row(page, 'Carlos Lima');
    expect(carlos.querySelector('select')!.value).toBe('sales');
    expect(carlos.textContent).toContain('Ativo');
    expect(row(page, 'Beatriz Rocha').textContent).toContain('Desativado');
    expect(row(page, 'Beatriz Rocha').textContent).toContain('Financeiro');
    const self = row(page, 'Mariana Souza');
    expect(self.textContent).toContain('(você)');
    expect(self.querySelector('select, button')).toBeNull();
  });

  it('changes a role only after confirmation', async () => {
    const page = await open();
    choose(row(page, 'Carlos Lima').querySelector('select')!, 'finance');
    const dialog = document.querySelector('[role="alertdialog"]')!;
    expect(dialog.textContent).toContain('Alterar perfil?');
    expect(dialog.textContent).toContain('Carlos Lima passará de Vendas para Financeiro');
    // Until confirmed, the row still shows the current role and nothing was sent.
    expect(row(page, 'Carlos Lima').querySelector('select')!.value).toBe('sales');
    expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(0);

    byText<HTMLButtonElement>(dialog, 'button', 'Alterar perfil').click();
    await settle();
    expect(calls.find((c) => c.method === 'PUT')).toMatchObject({ url: '/api/users/u2/role', body: { role: 'finance' } });
    expect(document.querySelector('[role="alertdialog"]')).toBeNull();
    expect(row(page, 'Carlos Lima').querySelector('select')!.value).toBe('finance');
    expect(toasts.get().map((t) => t.text)).toContain('Perfil de Carlos Lima alterado para Financeiro.');
  });

  it('sends nothing when the role change is cancelled', async () => {
    const page = await open();
    choose(row(page, 'Carlos Lima').querySelector('select')!, 'operations');
    byText<HTMLButtonElement>(document.querySelector('[role="alertdialog"]')!, 'button', 'Cancelar').click();
    await settle(1);
    expect(calls.filter((c) => c.method !== 'GET')).toHaveLength(0);
    expect(row(page, 'Carlos Lima').querySelector('select')!.value).toBe('sales');
  });

  it('disables a user after confirmation', async () => {
    const page = await open();
    byText<HTMLButtonElement>(row(page, 'Carlos Lima'), 'button', 'Desativar').click();
    await settle(1);
    const dialog = document.querySelector('[role="alertdialog"]')!;
    expect(dialog.textContent).toContain('Desativar usuário?');
    byText<HTMLButtonElement>(dialog, 'button', 'Desativar').click();
    await settle();
    expect(calls.find((c) => c.method === 'POST')).toMatchObject({ url: '/api/users/u2/disable' });
    expect(row(page, 'Carlos Lima').textContent).toContain('Desativado');
  });

  it('invites a user with a role', async () => {
    const page = await open();
    byText<HTMLButtonElement>(page, 'button', 'Convidar usuário').click();
    await settle(1);
    const dialog = document.querySelector<HTMLElement>('[role="dialog"]')!;
    type(field(dialog, 'Nome'), 'Paula Dias');
    type(field(dialog, 'E-mail'), 'paula@acme.com.br');
    choose(field<HTMLSelectElement>(dialog, 'Perfil'), 'operations');
    submit(dialog.querySelector('form')!);
    await settle();
    expect(calls.find((c) => c.url === '/api/users/invitations')).toMatchObject({ method: 'POST', body: { name: 'Paula Dias', email: 'paula@acme.com.br', role: 'operations' } });
    expect(document.querySelector('[role="dialog"]')).toBeNull();
    expect(toasts.get().map((t) => t.text)).toContain('Convite enviado para paula@acme.com.br.');
  });

  it('filters the list once typing pauses', async () => {
    const page = await open();
    const names = () => [...page.querySelectorAll('tbody tr')].map((tr) => tr.querySelector('td')!.textContent);
    type(page.querySelector<HTMLInputElement>('input[type="search"]')!, 'bia@');
    expect(names()).toHaveLength(3);
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 250));
    });
    expect(names()).toEqual(['Beatriz Rocha']);
  });
});
