import { afterEach, describe, expect, it, vi } from 'vitest';
import { callsTo, fakeApi, openApp, problem, withEtag } from '../test/fakeApi';
import { byText, choose, click, field, jsonResponse, settle, submit, type } from '../test/render';

const NBSP = '\u00a0';

const opportunity = {
  id: 'o1',
  title: 'Manutenção compressores',
  accountId: 'a1',
  accountName: 'Acme',
  contactName: 'Renata Alves',
  ownerId: 'u1',
  ownerName: 'Mariana Souza',
  stageId: 'st1',
  expectedCloseDate: '2026-08-15',
  status: 'open',
  origin: 'sales-order',
  originOrderNumber: 1024,
  project: 'Expansão',
  ticket: {
    lines: [
      { id: 'l1', kind: 'service', serviceId: 's1', description: 'Preventiva mensal', categoryName: 'Manutenção', quantity: 12, unitPrice: 850, discountKind: 'percent', discount: 10, gross: 10200, discountAmount: 1020, total: 9180 },
      { id: 'l2', kind: 'service', serviceId: 's2', description: 'Hora técnica', quantity: 15, unitPrice: 145.5, discountKind: 'amount', discount: 100, gross: 2182.5, discountAmount: 100, total: 2082.5 },
    ],
    totals: { services: 11262.5, products: 0, gross: 12382.5, discount: 1120, total: 11262.5 },
  },
};
const line = (i: number) => opportunity.ticket.lines[i]!;

const stages = { stages: [{ id: 'st1', name: 'Prospecção', order: 1 }, { id: 'st2', name: 'Proposta', order: 2 }] };

function routes(extra: Record<string, Parameters<typeof fakeApi>[0][string]> = {}) {
  return fakeApi({
    'GET /api/opportunities/o1': () => withEtag(opportunity, '"v3"', 200, 'eTag'),
    'GET /api/settings/pipeline': () => withEtag(stages, 'W/"1"'),
    'GET /api/catalogue/categories': () => jsonResponse(200, { items: [{ id: 'c1', name: 'Manutenção' }], continuation: null }),
    'GET /api/users': () => jsonResponse(200, { items: [] }),
    ...extra,
  });
}

describe('opportunity page', () => {
  let cleanup: (() => void) | undefined;
  afterEach(() => {
    cleanup?.();
    vi.unstubAllGlobals();
  });

  it('shows the header, the origin order and the ticket totals summed from rounded lines', async () => {
    routes();
    const view = await openApp('/oportunidades/o1');
    cleanup = view.unmount;
    const page = view.container;
    expect(page.querySelector('h1')!.textContent).toBe('Manutenção compressores');
    expect(page.textContent).toContain('Pedido de venda nº 1024');
    expect(page.textContent).toContain('Projeto: Expansão');
    const totals = page.querySelector('[aria-label="Totais do ticket"]')!;
    expect(totals.textContent).toContain(`BrutoR$${NBSP}12.382,50`);
    expect(totals.textContent).toContain(`DescontosR$${NBSP}1.120,00`);
    expect(totals.textContent).toContain(`Total do ticketR$${NBSP}11.262,50`);
    const rows = [...page.querySelectorAll('tbody tr')].map((r) => r.textContent);
    expect(rows[0]).toContain(`R$${NBSP}9.180,00`);
    expect(rows[1]).toContain(`R$${NBSP}2.082,50`);
  });

  it('edits a ticket line showing the total live and saves it with the opportunity ETag', async () => {
    const calls = routes({
      'PUT /api/opportunities/o1/ticket/lines/l2': (call) =>
        withEtag({ ...opportunity, ticket: { ...opportunity.ticket, lines: [line(0), { ...line(1), ...(call.body as object) }] } }, '"v4"', 200, 'eTag'),
    });
    const view = await openApp('/oportunidades/o1');
    cleanup = view.unmount;

    click(view.container.querySelector<HTMLElement>('[aria-label="Editar Hora técnica"]')!);
    const dialog = document.querySelector<HTMLElement>('[role="dialog"]')!;
    expect(dialog.textContent).toContain('Editar serviço');
    expect(field<HTMLInputElement>(dialog, 'Quantidade').value).toBe('15');

    type(field(dialog, 'Quantidade'), '3');
    choose(field<HTMLSelectElement>(dialog, 'Desconto'), 'percent');
    type(field(dialog, 'Desconto (%)'), '15');
    // 3 × 145,50 = 436,50; 15 % = 65,475 → 65,48 (half away from zero); total 371,02.
    expect(dialog.querySelector('dl')!.textContent).toContain(`Total do itemR$${NBSP}371,02`);

    submit(dialog.querySelector('form')!);
    await settle();
    const put = callsTo(calls, 'PUT', '/api/opportunities/o1/ticket/lines/l2')[0]!;
    expect(put.headers.get('if-match')).toBe('"v3"');
    expect(put.body).toMatchObject({ kind: 'service', serviceId: 's2', quantity: 3, unitPrice: 145.5, discountKind: 'percent', discount: 15 });
    expect(document.querySelector('[role="dialog"]')).toBeNull();
  });

  it('refuses a discount above the gross before sending', async () => {
    const calls = routes();
    const view = await openApp('/oportunidades/o1');
    cleanup = view.unmount;
    click(view.container.querySelector<HTMLElement>('[aria-label="Editar Hora técnica"]')!);
    const dialog = document.querySelector<HTMLElement>('[role="dialog"]')!;
    type(field(dialog, 'Desconto (R$)'), '5000');
    submit(dialog.querySelector('form')!);
    expect(dialog.textContent).toContain('O desconto não pode ser maior que o valor bruto do item.');
    expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(0);
  });

  it('needs a reason to mark the opportunity as lost and sends it with the ETag', async () => {
    const calls = routes({ 'POST /api/opportunities/o1/lost': () => withEtag({ ...opportunity, status: 'lost', lostReason: 'Preço' }, '"v9"', 200, 'eTag') });
    const view = await openApp('/oportunidades/o1');
    cleanup = view.unmount;
    click(byText(view.container, 'button', 'Perder'));
    const dialog = document.querySelector<HTMLElement>('[role="dialog"]')!;
    submit(dialog.querySelector('form')!);
    expect(dialog.textContent).toContain('Informe o motivo da perda.');
    expect(callsTo(calls, 'POST', '/api/opportunities/o1/lost')).toHaveLength(0);

    type(field(dialog, 'Motivo da perda'), 'Preço acima do concorrente');
    submit(dialog.querySelector('form')!);
    await settle();
    const lost = callsTo(calls, 'POST', '/api/opportunities/o1/lost')[0]!;
    expect(lost.body).toEqual({ reason: 'Preço acima do concorrente' });
    expect(lost.headers.get('if-match')).toBe('"v3"');
    expect(view.container.textContent).toContain('Motivo: Preço');
    expect(byText(view.container, 'button', 'Reabrir')).toBeTruthy();
  });

  it('moves the stage from the header and shows a conflict with "Recarregar"', async () => {
    const calls = routes({ 'POST /api/opportunities/o1/move': () => problem(412, 'conflict', 'Este registro foi alterado por outra pessoa depois que você o abriu. Recarregue e tente novamente.') });
    const view = await openApp('/oportunidades/o1');
    cleanup = view.unmount;
    choose(field<HTMLSelectElement>(view.container, 'Etapa'), 'st2');
    await settle();
    expect(callsTo(calls, 'POST', '/api/opportunities/o1/move')[0]!.body).toEqual({ stageId: 'st2' });
    const banner = view.container.querySelector('[role="alert"]')!;
    expect(byText(banner, 'button', 'Recarregar')).toBeTruthy();
  });
});
