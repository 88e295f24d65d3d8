import { afterEach, describe, expect, it, vi } from 'vitest';
import { routeLocation } from '../app/router';
import { callsTo, fakeApi, openApp, problem, queryOf, withEtag, type Handler } from '../test/fakeApi';
import { byText, click, field, jsonResponse, settle, submit, type } from '../test/render';

const acme = {
  id: 'c1',
  legalName: 'Acme Indústria e Comércio Ltda',
  tradeName: 'Acme',
  taxId: '11222333000181',
  taxIdKind: 'cnpj',
  email: 'financeiro@acme.com.br',
  phone: '11987654321',
  street: 'Av. Paulista',
  number: '1000',
  complement: '',
  district: 'Bela Vista',
  city: 'São Paulo',
  state: 'SP',
  postalCode: '01310100',
  status: 'active',
  createdAt: '2026-07-01T13:00:00Z',
  createdBy: 'Mariana Souza',
  updatedAt: '2026-07-01T13:00:00Z',
  updatedBy: 'Mariana Souza',
};

const invitedAccess = { contactId: 'ct1', name: 'Renata Alves', email: 'renata@acme.com.br', status: 'invited', invitedAt: '2026-07-01T13:00:00Z', activatedAt: null };

describe('customers', () => {
  let cleanup: (() => void) | undefined;
  afterEach(() => {
    cleanup?.();
    vi.unstubAllGlobals();
  });

  it('lists customers with masked CNPJ, searches and loads more with the continuation token', async () => {
    const calls = fakeApi({
      'GET /api/customers': (_c, url) =>
        url.searchParams.get('continuation') === 'p2'
          ? jsonResponse(200, { items: [{ ...acme, id: 'c2', tradeName: 'Beta', legalName: 'Beta S.A.' }], continuation: null })
          : jsonResponse(200, { items: [acme], continuation: url.searchParams.get('q') ? null : 'p2' }),
    });
    const view = await openApp('/clientes');
    cleanup = view.unmount;
    const page = view.container;

    expect(queryOf(calls[0]!).get('status')).toBe('active');
    const row = page.querySelector('tbody tr')!;
    expect(row.textContent).toContain('Acme');
    expect(row.textContent).toContain('11.222.333/0001-81');
    expect(row.textContent).toContain('(11) 98765-4321');

    click(byText(page, 'button', 'Carregar mais'));
    await settle();
    expect(queryOf(calls.at(-1)!).get('continuation')).toBe('p2');
    expect(page.querySelectorAll('tbody tr')).toHaveLength(2);

    const search = page.querySelector<HTMLInputElement>('input[type="search"]')!;
    type(search, 'acmé');
    submit(search.form!);
    await settle();
    expect(queryOf(calls.at(-1)!).get('q')).toBe('acmé');
    expect(queryOf(calls.at(-1)!).get('continuation')).toBeNull();
  });

  it('checks the CNPJ before sending and sends a normalised customer', async () => {
    const calls = fakeApi({ 'POST /api/customers': (call) => jsonResponse(201, { ...acme, ...(call.body as object), id: 'c9' }), 'GET /api/customers/c9': () => withEtag(acme, 'W/"1"') });
    const view = await openApp('/clientes/novo');
    cleanup = view.unmount;
    const page = view.container;
    const form = page.querySelector('form')!;

    type(field(page, 'CNPJ/CPF'), '11.222.333/0001-82');
    type(field(page, 'Razão social'), 'Acme Indústria');
    submit(form);
    expect(page.textContent).toContain('CNPJ inválido: confira os caracteres e os dígitos verificadores.');
    expect(field(page, 'CNPJ/CPF').getAttribute('aria-invalid')).toBe('true');
    expect(callsTo(calls, 'POST', '/api/customers')).toHaveLength(0);

    type(field(page, 'CNPJ/CPF'), '12abc34501de35');
    expect(field<HTMLInputElement>(page, 'CNPJ/CPF').value).toBe('12.ABC.345/01DE-35');
    type(field(page, 'Telefone'), '11987654321');
    type(field(page, 'CEP'), '01310100');
    submit(form);
    await settle();

    const body = callsTo(calls, 'POST', '/api/customers')[0]!.body as Record<string, unknown>;
    expect(body).toMatchObject({ legalName: 'Acme Indústria', taxId: '12ABC34501DE35', phone: '11987654321', postalCode: '01310100' });
    expect(routeLocation.get().path).toBe('/clientes/c9');
  });

  it('shows a duplicate CNPJ next to the field', async () => {
    fakeApi({ 'POST /api/customers': () => problem(409, 'duplicate', 'Já existe um cliente com este CNPJ: Acme') });
    const view = await openApp('/clientes/novo');
    cleanup = view.unmount;
    const page = view.container;
    type(field(page, 'CNPJ/CPF'), '11222333000181');
    type(field(page, 'Razão social'), 'Acme');
    submit(page.querySelector('form')!);
    await settle();
    const input = field(page, 'CNPJ/CPF');
    expect(document.getElementById(input.getAttribute('aria-describedby')!.split(' ').at(-1)!)!.textContent).toBe('Já existe um cliente com este CNPJ: Acme');
    expect(page.querySelector('[role="alert"]')).toBeNull();
  });

  it('saves an edit with the ETag it read and offers "Recarregar" when someone else changed the customer', async () => {
    const calls = fakeApi({
      'GET /api/customers/c1': () => withEtag(acme, 'W/"5"'),
      'PUT /api/customers/c1': () => problem(412, 'conflict', 'Este registro foi alterado por outra pessoa depois que você o abriu. Recarregue e tente novamente.'),
    });
    const view = await openApp('/clientes/c1/editar');
    cleanup = view.unmount;
    const page = view.container;
    expect(field<HTMLInputElement>(page, 'CNPJ/CPF').value).toBe('11.222.333/0001-81');

    type(field(page, 'Nome fantasia'), 'Acme Ind.');
    submit(page.querySelector('form')!);
    await settle();

    const put = callsTo(calls, 'PUT', '/api/customers/c1')[0]!;
    expect(put.headers.get('if-match')).toBe('W/"5"');
    const banner = page.querySelector('[role="alert"]')!;
    expect(banner.textContent).toContain('Registro alterado por outra pessoa');
    click(byText(banner, 'button', 'Recarregar'));
    await settle();
    expect(callsTo(calls, 'GET', '/api/customers/c1')).toHaveLength(2);
  });

  it('deletes only after confirmation and shows why a customer in use cannot be deleted', async () => {
    const calls = fakeApi({
      'GET /api/customers/c1': () => withEtag(acme, 'W/"5"'),
      'DELETE /api/customers/c1': () => problem(409, 'in_use', 'Este cliente tem contratos e não pode ser excluído. Arquive-o.'),
    });
    const view = await openApp('/clientes/c1');
    cleanup = view.unmount;
    const page = view.container;
    expect(page.querySelector('h1')!.textContent).toBe('Acme');
    expect(page.textContent).toContain('Av. Paulista, 1000 - Bela Vista - São Paulo/SP - CEP 01310-100');

    click(byText(page, 'button', 'Excluir'));
    const dialog = document.querySelector('[role="alertdialog"]')!;
    expect(dialog.textContent).toContain('Excluir cliente?');
    expect(callsTo(calls, 'DELETE', '/api/customers/c1')).toHaveLength(0);

    click(byText(dialog, 'button', 'Excluir'));
    await settle();
    expect(callsTo(calls, 'DELETE', '/api/customers/c1')[0]!.headers.get('if-match')).toBe('W/"5"');
    expect(document.querySelector('[role="alertdialog"]')!.textContent).toContain('Este cliente tem contratos e não pode ser excluído. Arquive-o.');
  });

  it('gives a contact with an e-mail access to the customer area after a confirmation', async () => {
    let granted = false;
    const contact = { id: 'ct1', customerId: 'c1', name: 'Renata Alves', email: 'renata@acme.com.br', phone: '', portalAccess: false };
    const calls = fakeApi({
      'GET /api/customers/c1': () => withEtag(acme, 'W/"5"'),
      'GET /api/customers/c1/contacts': () =>
        jsonResponse(200, { items: [{ ...contact, portalAccess: granted }, { ...contact, id: 'ct2', name: 'Sem E-mail', email: '' }], continuation: null }),
      'GET /api/customers/c1/portal-access': () => jsonResponse(200, { items: granted ? [invitedAccess] : [], continuation: null }),
      'POST /api/customers/c1/portal-access': () => {
        granted = true;
        return jsonResponse(201, invitedAccess);
      },
    });
    const view = await openApp('/clientes/c1?aba=contatos');
    cleanup = view.unmount;
    const page = view.container;
    // Only a contact with an e-mail can be invited.
    expect(page.querySelectorAll('button[aria-label^="Dar acesso à área do cliente"]')).toHaveLength(1);

    click(page.querySelector<HTMLButtonElement>('button[aria-label="Dar acesso à área do cliente a Renata Alves"]')!);
    const dialog = document.querySelector('[role="alertdialog"]')!;
    expect(dialog.textContent).toContain('renata@acme.com.br');
    expect(callsTo(calls, 'POST', '/api/customers/c1/portal-access')).toHaveLength(0);

    click(byText(dialog, 'button', 'Enviar convite'));
    await settle();
    expect(callsTo(calls, 'POST', '/api/customers/c1/portal-access')[0]!.body).toEqual({ contactId: 'ct1' });
    expect(page.textContent).toContain('Convite para a área do cliente enviado para renata@acme.com.br.');
    expect(page.textContent).toContain('Convite enviado');
    expect(page.querySelector('button[aria-label="Dar acesso à área do cliente a Renata Alves"]')).toBeNull();
  });

  describe('customer-area accesses', () => {
    const contacts = [
      { id: 'ct1', customerId: 'c1', name: 'Renata Alves', email: 'renata@acme.com.br', phone: '', portalAccess: true },
      { id: 'ct2', customerId: 'c1', name: 'Paulo Lima', email: 'paulo@acme.com.br', phone: '', portalAccess: true },
      { id: 'ct3', customerId: 'c1', name: 'Júlia Reis', email: 'julia@acme.com.br', phone: '', portalAccess: false },
    ];
    const accesses = [
      invitedAccess,
      { contactId: 'ct2', name: 'Paulo Lima', email: 'paulo@acme.com.br', status: 'active', invitedAt: '2026-06-01T13:00:00Z', activatedAt: '2026-06-02T13:00:00Z' },
      { contactId: 'ct3', name: 'Júlia Reis', email: 'julia@acme.com.br', status: 'revoked', invitedAt: '2026-05-01T13:00:00Z', activatedAt: null },
    ];

    /** The contacts tab of customer c1 with the contacts and accesses above; `routes` add or replace answers. */
    async function openContacts(routes: Record<string, Handler> = {}, roles?: string[]) {
      const calls = fakeApi({
        'GET /api/customers/c1': () => withEtag(acme, 'W/"5"'),
        'GET /api/customers/c1/contacts': () => jsonResponse(200, { items: contacts, continuation: null }),
        'GET /api/customers/c1/portal-access': () => jsonResponse(200, { items: accesses, continuation: null }),
        ...routes,
      });
      const view = await openApp('/clientes/c1?aba=contatos', roles);
      cleanup = view.unmount;
      return { calls, page: view.container };
    }

    function rowOf(page: HTMLElement, name: string): HTMLTableRowElement {
      return [...page.querySelectorAll<HTMLTableRowElement>('tbody tr')].find((r) => r.textContent!.includes(name))!;
    }
    const badgeOf = (page: HTMLElement, name: string) => rowOf(page, name).querySelector('.badge')!.textContent;
    const buttonsOf = (page: HTMLElement, name: string) => [...rowOf(page, name).querySelectorAll('button')].map((b) => b.textContent);
    const dialog = () => document.querySelector<HTMLElement>('[role="alertdialog"]');

    it('shows each contact\'s access status and only the actions that status allows', async () => {
      const { page } = await openContacts();
      expect(badgeOf(page, 'Renata Alves')).toBe('Convite enviado');
      expect(rowOf(page, 'Renata Alves').textContent).toContain('Enviado em 01/07/2026');
      expect(buttonsOf(page, 'Renata Alves')).toEqual(['Editar', 'Reenviar convite', 'Revogar acesso']);
      expect(badgeOf(page, 'Paulo Lima')).toBe('Acesso ativo');
      expect(rowOf(page, 'Paulo Lima').textContent).toContain('Desde 02/06/2026');
      expect(buttonsOf(page, 'Paulo Lima')).toEqual(['Editar', 'Revogar acesso']);
      // A revoked access can be given again (a new invitation).
      expect(badgeOf(page, 'Júlia Reis')).toBe('Revogado');
      expect(buttonsOf(page, 'Júlia Reis')).toEqual(['Editar', 'Dar acesso', 'Excluir']);
    });

    it('re-sends a pending invitation by granting it again', async () => {
      const { calls, page } = await openContacts({
        'POST /api/customers/c1/portal-access': () => jsonResponse(201, { ...invitedAccess, invitedAt: '2026-07-03T13:00:00Z' }),
      });
      click(page.querySelector<HTMLButtonElement>('button[aria-label="Reenviar convite da área do cliente a Renata Alves"]')!);
      expect(dialog()!.textContent).toContain('Reenviar convite?');
      expect(dialog()!.textContent).toContain('o link enviado antes deixa de valer');
      click(byText(dialog()!, 'button', 'Reenviar convite'));
      await settle();
      expect(callsTo(calls, 'POST', '/api/customers/c1/portal-access').map((c) => c.body)).toEqual([{ contactId: 'ct1' }]);
      expect(page.textContent).toContain('Convite reenviado para renata@acme.com.br.');
      expect(dialog()).toBeNull();
    });

    it('revokes an access only after a confirmation and shows it as revoked', async () => {
      let revoked = false;
      const { calls, page } = await openContacts({
        'GET /api/customers/c1/contacts': () =>
          jsonResponse(200, { items: contacts.map((c) => (c.id === 'ct2' ? { ...c, portalAccess: !revoked } : c)), continuation: null }),
        'GET /api/customers/c1/portal-access': () =>
          jsonResponse(200, { items: accesses.map((a) => (a.contactId === 'ct2' && revoked ? { ...a, status: 'revoked' } : a)), continuation: null }),
        'DELETE /api/customers/c1/portal-access/ct2': () => {
          revoked = true;
          return new Response(null, { status: 204 });
        },
      });
      click(page.querySelector<HTMLButtonElement>('button[aria-label="Revogar acesso à área do cliente de Paulo Lima"]')!);
      expect(dialog()!.textContent).toContain('Revogar acesso à área do cliente?');
      expect(dialog()!.textContent).toContain('paulo@acme.com.br');
      expect(callsTo(calls, 'DELETE', '/api/customers/c1/portal-access/ct2')).toHaveLength(0);

      click(byText(dialog()!, 'button', 'Revogar'));
      await settle();
      expect(callsTo(calls, 'DELETE', '/api/customers/c1/portal-access/ct2')).toHaveLength(1);
      expect(page.textContent).toContain('Acesso de Paulo Lima à área do cliente revogado.');
      expect(badgeOf(page, 'Paulo Lima')).toBe('Revogado');
      expect(buttonsOf(page, 'Paulo Lima')).toEqual(['Editar', 'Dar acesso', 'Excluir']);
    });

    it('keeps the confirmation open with the server\'s message when revoking fails', async () => {
      const { page } = await openContacts({
        'DELETE /api/customers/c1/portal-access/ct2': () => problem(404, 'not_found', 'Este contato não tem acesso à área do cliente.'),
      });
      click(page.querySelector<HTMLButtonElement>('button[aria-label="Revogar acesso à área do cliente de Paulo Lima"]')!);
      click(byText(dialog()!, 'button', 'Revogar'));
      await settle();
      expect(dialog()!.querySelector('[role="alert"]')!.textContent).toContain('Este contato não tem acesso à área do cliente.');
      expect(badgeOf(page, 'Paulo Lima')).toBe('Acesso ativo');
    });

    it('does not ask for the accesses when the role cannot manage them', async () => {
      const { calls, page } = await openContacts({}, ['operations']);
      expect(callsTo(calls, 'GET', '/api/customers/c1/portal-access')).toHaveLength(0);
      expect(rowOf(page, 'Paulo Lima').textContent).toContain('Com acesso');
      expect(page.querySelector('button[aria-label^="Revogar"]')).toBeNull();
    });
  });

  it('shows only the tabs that exist yet', async () => {
    fakeApi({ 'GET /api/customers/c1': () => withEtag(acme, 'W/"5"') });
    const view = await openApp('/clientes/c1');
    cleanup = view.unmount;
    const tabs = [...view.container.querySelectorAll('[role="tab"]')].map((t) => t.textContent);
    expect(tabs).toEqual(['Dados', 'Contatos', 'Sites', 'Contratos', 'Ocorrências', 'Inventário', 'Orçamentos', 'Pedidos', 'Notas fiscais', 'Histórico de vendas', 'Contas a receber']);
  });
});
