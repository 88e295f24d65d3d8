import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { todayIso } from '../format/date';
import { callsTo, fakeApi, openApp, queryOf, withEtag } from '../test/fakeApi';
import { byText, choose, click, field, jsonResponse, settle, submit, type } from '../test/render';
import { addDays } from './dateRange';

const customer = { id: 'c1', legalName: 'Acme Ltda', tradeName: 'Acme', taxId: '11222333000181', taxIdKind: 'cnpj', status: 'active' };
const visit = {
  id: 'oc1',
  customerId: 'c1',
  date: '2026-07-14',
  type: 'visita',
  contactName: 'Paulo Mendes',
  description: 'Visita à fábrica.',
  authorName: 'Carlos Lima',
  etag: 'W/"7"',
  competitors: [{ id: 'k1', name: 'TecnoServ', prices: 'R$ 780,00/mês', notes: 'Atende Campinas.' }],
};

function routes(extra: Parameters<typeof fakeApi>[0] = {}) {
  return fakeApi({
    'GET /api/customers/c1': () => withEtag(customer, 'W/"1"'),
    'GET /api/customers/c1/contacts': () => jsonResponse(200, { items: [{ id: 'ct1', customerId: 'c1', name: 'Paulo Mendes', email: '', phone: '' }], continuation: null }),
    'GET /api/customers/c1/occurrences': () => jsonResponse(200, { items: [visit], continuation: null }),
    ...extra,
  });
}

describe('occurrences tab (Gescor)', () => {
  let cleanup: (() => void) | undefined;
  beforeEach(() => vi.stubGlobal('open', vi.fn(() => null)));
  afterEach(() => {
    cleanup?.();
    vi.unstubAllGlobals();
  });

  async function open(calls: ReturnType<typeof routes>) {
    const view = await openApp('/clientes/c1?aba=ocorrencias');
    cleanup = view.unmount;
    return { page: view.container, calls };
  }

  it('lists the last 90 days by default, with type, contact, author and competitor notes', async () => {
    const { page, calls } = await open(routes());
    const query = queryOf(callsTo(calls, 'GET', '/api/customers/c1/occurrences')[0]!);
    const today = todayIso();
    expect(query.get('to')).toBe(today);
    expect(query.get('from')).toBe(addDays(today, -90));
    const item = page.querySelector('.timeline-item')!;
    expect(item.textContent).toContain('14/07/2026');
    expect(item.textContent).toContain('Visita');
    expect(item.textContent).toContain('com Paulo Mendes');
    expect(item.textContent).toContain('Registrado por Carlos Lima');
    expect(item.textContent).toContain('TecnoServ · Preços: R$ 780,00/mês');
  });

  it('queries the range typed as dd/mm/aaaa and explains a reversed range', async () => {
    const { page, calls } = await open(routes());
    const form = page.querySelector<HTMLFormElement>('form[aria-label="Período das ocorrências"]')!;
    type(field(form, 'De'), '01/07/2026');
    type(field(form, 'Até'), '30/06/2026');
    submit(form);
    expect(form.textContent).toContain('A data final deve ser igual ou posterior à data inicial.');
    const before = callsTo(calls, 'GET', '/api/customers/c1/occurrences').length;

    type(field(form, 'Até'), '31/07/2026');
    submit(form);
    await settle();
    const list = callsTo(calls, 'GET', '/api/customers/c1/occurrences');
    expect(list).toHaveLength(before + 1);
    expect(queryOf(list.at(-1)!).get('from')).toBe('2026-07-01');
    expect(queryOf(list.at(-1)!).get('to')).toBe('2026-07-31');
    expect(page.textContent).toContain('Ocorrências de 01/07/2026 a 31/07/2026.');
  });

  it('registers an occurrence with a contact of the customer', async () => {
    const calls = routes({ 'POST /api/customers/c1/occurrences': (call) => jsonResponse(201, { ...visit, ...(call.body as object), id: 'oc2' }) });
    const { page } = await open(calls);
    click(byText(page, 'button', 'Nova ocorrência'));
    const dialog = document.querySelector<HTMLElement>('[role="dialog"]')!;
    submit(dialog.querySelector('form')!);
    expect(dialog.textContent).toContain('Descreva o que aconteceu.');

    choose(field<HTMLSelectElement>(dialog, 'Tipo'), 'pos-venda');
    choose(field<HTMLSelectElement>(dialog, 'Contato'), 'ct1');
    type(field(dialog, 'Descrição'), 'Retorno do chamado 123: resolvido.');
    submit(dialog.querySelector('form')!);
    await settle();
    expect(callsTo(calls, 'POST', '/api/customers/c1/occurrences')[0]!.body).toEqual({ date: todayIso(), type: 'pos-venda', contactId: 'ct1', description: 'Retorno do chamado 123: resolvido.' });
  });

  it('deletes only after confirmation, sending the ETag', async () => {
    const calls = routes({ 'DELETE /api/customers/c1/occurrences/oc1': () => jsonResponse(204) });
    const { page } = await open(calls);
    click(page.querySelector<HTMLElement>('[aria-label="Excluir ocorrência de 14/07/2026"]')!);
    const dialog = document.querySelector('[role="alertdialog"]')!;
    expect(dialog.textContent).toContain('Excluir ocorrência?');
    expect(callsTo(calls, 'DELETE', '/api/customers/c1/occurrences/oc1')).toHaveLength(0);
    click(byText(dialog, 'button', 'Excluir'));
    await settle();
    expect(callsTo(calls, 'DELETE', '/api/customers/c1/occurrences/oc1')[0]!.headers.get('if-match')).toBe('W/"7"');
  });

  it('prints the range through the API printable view', async () => {
    const win = { location: { href: '' }, close: vi.fn() };
    vi.stubGlobal('open', vi.fn(() => win));
    const createObjectURL = vi.fn((_blob: Blob) => 'blob:print');
    vi.stubGlobal(
      'URL',
      class extends URL {
        static override createObjectURL = createObjectURL;
        static override revokeObjectURL = vi.fn();
      },
    );
    const calls = routes({ 'GET /api/customers/c1/occurrences/print': () => new Response('<html><body>Ocorrências</body></html>', { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8' } }) });
    const { page } = await open(calls);
    click(byText(page, 'button', 'Imprimir'));
    await settle();
    const print = callsTo(calls, 'GET', '/api/customers/c1/occurrences/print')[0]!;
    expect(print.headers.get('authorization')).toBe('Bearer token');
    expect(queryOf(print).get('to')).toBe(todayIso());
    expect(win.location.href).toBe('blob:print');
    expect(await createObjectURL.mock.calls[0]![0].text()).toContain('Ocorrências');
  });
});
