import { afterEach, describe, expect, it, vi } from 'vitest';
import { routeLocation } from '../app/router';
import { callsTo, fakeApi, openApp, problem, queryOf, withEtag } from '../test/fakeApi';
import { byText, choose, click, field, jsonResponse, settle, submit, type } from '../test/render';
import { generationPolling } from './SalesOrderPage';

const NBSP = '\u00a0';

const listRows = [
  { id: 'o2', number: 1025, status: 'Aprovado', statusLabel: 'Aprovado', customerId: 'c1', customerName: 'Padaria Pão Quente', date: '2026-07-10', total: 1500, salespersonName: 'Mariana Souza' },
  { id: 'o1', number: 1024, status: 'FaturadoParcial', statusLabel: 'Faturado parcialmente', customerId: 'c2', customerName: 'Clínica Bem Estar', date: '2026-06-02', total: 3000, salespersonName: 'Mariana Souza' },
];

const order = {
  id: 'o1',
  number: 1024,
  status: 'Proposta',
  statusLabel: 'Proposta',
  customerId: 'c1',
  customerName: 'Padaria Pão Quente',
  customerTaxId: '11222333000181',
  date: '2026-07-01',
  validUntil: '2026-07-31',
  salespersonId: 'u1',
  salespersonName: 'Mariana Souza',
  paymentTerms: '30/60',
  paymentMethod: 'Boleto',
  installments: [
    { number: 1, dueDate: '2026-07-31', amount: 1500 },
    { number: 2, dueDate: '2026-08-30', amount: 1500 },
  ],
  project: '',
  contractId: null,
  contractNumber: null,
  contractTitle: '',
  notes: '',
  generateOpportunity: true,
  opportunityGeneration: 'on-confirm',
  tasksExpected: 15,
  tasksGenerated: 0,
  opportunityId: null,
  opportunity: null,
  items: [
    { id: 'A1', kind: 'service', serviceId: 's1', code: 'VT', description: 'Visita técnica', quantity: 15, unitPrice: 200, discountKind: 'none', discount: 0, gross: 3000, discountAmount: 0, total: 3000, note: 'Uma por loja', billedQuantity: 0, tasksGenerated: 0 },
  ],
  totals: { gross: 3000, discount: 0, total: 3000 },
  cancelReason: '',
};

const defaults = { integrationEnabled: true, generateOpportunity: true, showProjectAndContract: false, paymentTerms: '0' };

function dialog(): HTMLElement {
  const found = document.body.querySelector<HTMLElement>('[role="dialog"], [role="alertdialog"]');
  if (!found) throw new Error('No dialog open');
  return found;
}

describe('sales orders central', () => {
  let cleanup: (() => void) | undefined;
  afterEach(() => {
    cleanup?.();
    vi.unstubAllGlobals();
  });

  it('lists orders with their status badges and sends the filters the API knows', async () => {
    const calls = fakeApi({ 'GET /api/sales-orders': () => jsonResponse(200, { items: listRows, continuation: null }) });
    const view = await openApp('/pedidos');
    cleanup = view.unmount;
    const page = view.container;
    const rows = page.querySelectorAll('tbody tr');
    expect(rows).toHaveLength(2);
    expect(rows[0]!.querySelector('.badge')!.textContent).toBe('Aprovado (APR)');
    expect(rows[1]!.querySelector('.badge')!.textContent).toBe('Faturado parcial');
    expect(rows[1]!.textContent).toContain(`R$${NBSP}3.000,00`);
    expect(rows[1]!.textContent).toContain('02/06/2026');

    choose(field<HTMLSelectElement>(page, 'Status'), 'Aprovado');
    await settle();
    expect(queryOf(callsTo(calls, 'GET', '/api/sales-orders').at(-1)!).get('status')).toBe('Aprovado');

    type(field(page, 'Número'), '1025');
    await settle();
    expect(queryOf(callsTo(calls, 'GET', '/api/sales-orders').at(-1)!).get('q')).toBe('1025');
    expect(page.querySelectorAll('tbody tr')).toHaveLength(1);

    type(field(page, 'De'), '01/07/2026');
    type(field(page, 'Até'), '01/06/2026');
    await settle();
    expect(page.textContent).toContain('A data final deve ser igual ou posterior à inicial.');
  });

  it('opens the status pop-up from a row of the list', async () => {
    fakeApi({
      'GET /api/sales-orders': () => jsonResponse(200, { items: listRows, continuation: null }),
      'GET /api/sales-orders/o1/billing': () =>
        jsonResponse(200, {
          orderId: 'o1',
          orderNumber: 1024,
          status: 'FaturadoParcial',
          statusLabel: 'Faturado parcialmente',
          canBill: true,
          items: [{ itemId: 'A1', description: 'Visita técnica', kind: 'service', quantity: 15, taskGated: true, tasksTotal: 15, tasksCompleted: 12, billed: 10, billableNow: 2 }],
          invoices: [],
        }),
    });
    const view = await openApp('/pedidos', ['finance']);
    cleanup = view.unmount;
    click(view.container.querySelectorAll<HTMLButtonElement>('tbody .status-button')[1]!);
    await settle();
    expect(dialog().querySelector('h2')!.textContent).toBe('Situação do pedido nº 1024');
    expect([...dialog().querySelectorAll('tbody td')].map((td) => td.textContent)).toEqual(['Visita técnica', '15', '12 de 15', '10', '2']);
    expect(byText(dialog(), 'button', 'Faturar tudo')).toBeTruthy();
  });

  it('shows an empty state that invites the first order', async () => {
    fakeApi({ 'GET /api/sales-orders': () => jsonResponse(200, { items: [], continuation: null }) });
    const view = await openApp('/pedidos');
    cleanup = view.unmount;
    expect(view.container.textContent).toContain('Nenhum pedido de venda');
    expect(byText(view.container, 'button', 'Criar o primeiro pedido')).toBeTruthy();
  });
});

describe('sales order form', () => {
  let cleanup: (() => void) | undefined;
  afterEach(() => {
    cleanup?.();
    vi.unstubAllGlobals();
  });

  it('creates an order with the customer, terms, an item from the catalogue and the tenant default for the opportunity', async () => {
    const calls = fakeApi({
      'GET /api/sales-orders/defaults': () => jsonResponse(200, defaults),
      'GET /api/users': () => jsonResponse(200, { items: [{ id: 'u1', name: 'Mariana Souza', email: 'm@acme.com.br', role: 'admin', status: 'active' }] }),
      'GET /api/customers': () => jsonResponse(200, { items: [{ id: 'c1', legalName: 'Padaria Pão Quente Ltda', tradeName: 'Padaria Pão Quente', taxId: '11222333000181', status: 'active' }], continuation: null }),
      'GET /api/catalogue/services': () => jsonResponse(200, { items: [{ id: 's1', code: 'VT', description: 'Visita técnica', unitPrice: 200, active: true }], continuation: null }),
      'POST /api/sales-orders': () => withEtag({ ...order, id: 'o9', number: 1030 }, 'W/"1"', 201),
      'GET /api/sales-orders/o9': () => withEtag({ ...order, id: 'o9', number: 1030 }, 'W/"1"'),
    });
    const view = await openApp('/pedidos/novo');
    cleanup = view.unmount;
    const page = view.container;
    expect(field<HTMLInputElement>(page, 'Gerar oportunidade no CRM').checked).toBe(true);

    const customer = field(page, 'Cliente');
    customer.dispatchEvent(new FocusEvent('focus'));
    await settle();
    click(byText(page, '.lookup-option-label', 'Padaria Pão Quente'));
    type(field(page, 'Condição de pagamento'), '30/60');
    click(byText(page, 'button', 'Adicionar item'));
    await settle();
    const service = field(page, 'Serviço do item 1');
    service.dispatchEvent(new FocusEvent('focus'));
    await settle();
    click(byText(page, '.lookup-option-label', 'Visita técnica'));
    type(field(page, 'Quantidade do item 1'), '15');
    await settle();
    expect(field<HTMLInputElement>(page, 'Descrição do item 1').value).toBe('Visita técnica');
    const preview = page.querySelector('.installments-preview')!;
    expect(preview.textContent).toContain(`1ª parcela: R$${NBSP}1.500,00 em`);
    expect(preview.querySelectorAll('li')).toHaveLength(2);
    expect(page.querySelector('[aria-label="Totais"]')!.textContent).toContain(`TotalR$${NBSP}3.000,00`);

    submit(page.querySelector('form')!);
    await settle();
    const body = callsTo(calls, 'POST', '/api/sales-orders')[0]!.body as Record<string, unknown>;
    expect(body).toMatchObject({ customerId: 'c1', paymentTerms: '30/60', generateOpportunity: true, salespersonId: 'u1' });
    expect(body['items']).toEqual([
      { id: null, kind: 'service', serviceId: 's1', productId: null, description: 'Visita técnica', quantity: 15, unitPrice: 200, discountKind: 'none', discount: 0, note: null },
    ]);
    expect(routeLocation.get().path).toBe('/pedidos/o9');
  });

  it('puts the server’s item errors next to the item inputs', async () => {
    fakeApi({
      'GET /api/sales-orders/defaults': () => jsonResponse(200, { ...defaults, integrationEnabled: false }),
      'GET /api/users': () => jsonResponse(200, { items: [] }),
      'GET /api/sales-orders/o1': () => withEtag(order, 'W/"4"'),
      'PUT /api/sales-orders/o1': () => problem(400, 'validation', 'Alguns campos precisam de correção.', { 'Items[0].Quantity': ['Item 1: o item já gerou 15 tarefa(s) no CRM; a quantidade não pode ser menor.'] }),
    });
    const view = await openApp('/pedidos/o1/editar');
    cleanup = view.unmount;
    const page = view.container;
    expect(page.textContent).not.toContain('Gerar oportunidade no CRM');
    submit(page.querySelector('form')!);
    await settle();
    const quantity = field(page, 'Quantidade do item 1');
    expect(document.getElementById(quantity.getAttribute('aria-describedby')!.split(' ').at(-1)!)!.textContent).toBe(
      'Item 1: o item já gerou 15 tarefa(s) no CRM; a quantidade não pode ser menor.',
    );
  });
});

describe('sales order page', () => {
  let cleanup: (() => void) | undefined;
  afterEach(() => {
    cleanup?.();
    vi.unstubAllGlobals();
    generationPolling.intervalMs = 2000;
  });

  it('confirms a proposal with its ETag and follows the tasks being generated until the opportunity shows', async () => {
    generationPolling.intervalMs = 100;
    let polls = 0;
    const confirmed = { ...order, status: 'Pedido', statusLabel: 'Pedido', opportunityGeneration: 'pending', tasksGenerated: 0 };
    const calls = fakeApi({
      'GET /api/sales-orders/defaults': () => jsonResponse(200, defaults),
      'GET /api/sales-orders/o1': () => {
        polls += 1;
        if (polls === 1) return withEtag(order, 'W/"4"');
        if (polls === 2) return withEtag({ ...confirmed, tasksGenerated: 6, opportunityId: 'op1', opportunity: { id: 'op1', title: 'Pedido 1024 - Padaria', status: 'open', stageName: 'Execução' } }, 'W/"6"');
        return withEtag(
          { ...confirmed, tasksGenerated: 15, opportunityGeneration: 'done', opportunityId: 'op1', opportunity: { id: 'op1', title: 'Pedido 1024 - Padaria', status: 'open', stageName: 'Execução' } },
          'W/"7"',
        );
      },
      'POST /api/sales-orders/o1/confirm': () => withEtag(confirmed, 'W/"5"'),
    });
    const view = await openApp('/pedidos/o1');
    cleanup = view.unmount;
    const page = view.container;
    expect(page.querySelector('h1')!.textContent).toBe('Pedido nº 1024');
    expect(page.textContent).toContain('serão geradas quando o pedido for confirmado');
    expect(page.textContent).toContain('Uma por loja');

    click(byText(page, 'button', 'Confirmar pedido'));
    click(byText(dialog(), 'button', 'Confirmar pedido'));
    await settle();
    expect(callsTo(calls, 'POST', '/api/sales-orders/o1/confirm')[0]!.headers.get('if-match')).toBe('W/"4"');
    expect(page.querySelector('.page-header .badge')!.textContent).toBe('Pedido');
    expect(page.querySelector('progress')!.getAttribute('aria-label')).toMatch(/^Gerando tarefas: (0|6) de 15$/);

    await settle();
    await new Promise((resolve) => setTimeout(resolve, 500));
    await settle();
    const link = byText<HTMLAnchorElement>(page, 'a', 'Pedido 1024 - Padaria');
    expect(link.getAttribute('href')).toBe('#/oportunidades/op1');
    expect(link.parentElement!.textContent).toContain('Em aberto');
    expect(page.textContent).toContain('15 tarefa(s) gerada(s).');
    expect(page.querySelector('progress')).toBeNull();
  });

  it('cancels only after a confirmation, sending the reason', async () => {
    const calls = fakeApi({
      'GET /api/sales-orders/defaults': () => jsonResponse(200, defaults),
      'GET /api/sales-orders/o1': () => withEtag(order, 'W/"4"'),
      'POST /api/sales-orders/o1/cancel': () => withEtag({ ...order, status: 'Cancelado', statusLabel: 'Cancelado', cancelReason: 'Cliente desistiu' }, 'W/"5"'),
    });
    const view = await openApp('/pedidos/o1');
    cleanup = view.unmount;
    const page = view.container;
    click(byText(page, 'button', 'Cancelar pedido'));
    expect(dialog().textContent).toContain('Cancelar o pedido?');
    click(byText(dialog(), 'button', 'Voltar'));
    expect(callsTo(calls, 'POST', '/api/sales-orders/o1/cancel')).toHaveLength(0);

    click(byText(page, 'button', 'Cancelar pedido'));
    type(field<HTMLTextAreaElement>(dialog(), 'Motivo do cancelamento'), 'Cliente desistiu');
    click(byText(dialog(), 'button', 'Cancelar pedido'));
    await settle();
    expect(callsTo(calls, 'POST', '/api/sales-orders/o1/cancel')[0]!.body).toEqual({ reason: 'Cliente desistiu' });
    expect(page.textContent).toContain('Pedido cancelado: Cliente desistiu');
    expect(() => byText(page, 'button', 'Confirmar pedido')).toThrow();
  });

  it('hides the sales actions from a role that may not change orders', async () => {
    fakeApi({
      'GET /api/sales-orders/defaults': () => jsonResponse(200, defaults),
      'GET /api/sales-orders/o1': () => withEtag(order, 'W/"4"'),
    });
    const view = await openApp('/pedidos/o1', ['operations']);
    cleanup = view.unmount;
    const page = view.container;
    expect(page.querySelector('h1')!.textContent).toBe('Pedido nº 1024');
    for (const label of ['Editar', 'Aprovar (APR)', 'Confirmar pedido', 'Cancelar pedido', 'Faturar']) expect(() => byText(page, 'button', label)).toThrow();
  });
});

describe('order status pop-up and billing', () => {
  let cleanup: (() => void) | undefined;
  afterEach(() => {
    cleanup?.();
    vi.unstubAllGlobals();
  });

  const confirmedOrder = { ...order, status: 'Pedido', statusLabel: 'Pedido', opportunityGeneration: 'done', tasksGenerated: 15, items: [{ ...order.items[0], tasksGenerated: 15 }] };
  const billing = (billed: number) => ({
    orderId: 'o1',
    orderNumber: 1024,
    status: billed > 0 ? 'FaturadoParcial' : 'Pedido',
    statusLabel: billed > 0 ? 'Faturado parcialmente' : 'Pedido',
    // As the API answers: false once nothing is billable now.
    canBill: 10 - billed > 0,
    items: [{ itemId: 'A1', description: 'Visita técnica', kind: 'service', quantity: 15, taskGated: true, tasksTotal: 15, tasksCompleted: 10, billed, billableNow: 10 - billed }],
    invoices: billed > 0 ? [{ id: 'n1', number: 57, status: 'issued', orderId: 'o1', orderNumber: 1024, customerName: 'Padaria', issueDate: '2026-07-20', total: 2000, nfseStatus: 'queued' }] : [],
  });

  it('shows items × completed tasks × billed, refuses 11 of 10 with the blocked reason and bills 10', async () => {
    let billed = 0;
    const calls = fakeApi({
      'GET /api/sales-orders/defaults': () => jsonResponse(200, defaults),
      'GET /api/sales-orders/o1': () => withEtag(confirmedOrder, 'W/"8"'),
      'GET /api/sales-orders/o1/billing': () => jsonResponse(200, billing(billed)),
      'POST /api/sales-orders/o1/invoices': (call) => {
        const quantity = (call.body as { items: { quantity: number }[] }).items[0]!.quantity;
        if (quantity > 10) {
          return jsonResponse(
            409,
            {
              status: 409,
              code: 'billing_blocked',
              title: 'Faturamento bloqueado',
              detail: 'Há itens sem tarefas concluídas suficientes.',
              blockedItems: [{ itemId: 'A1', description: 'Visita técnica', completed: 10, billed: 0, requested: quantity }],
            },
            'application/problem+json',
          );
        }
        billed = quantity;
        return jsonResponse(201, { invoice: { id: 'n1', number: 57, status: 'issued', orderId: 'o1', total: 2000, lines: [] }, receivables: [] });
      },
    });
    const view = await openApp('/pedidos/o1', ['finance']);
    cleanup = view.unmount;
    const page = view.container;
    click(page.querySelector('.status-button')!);
    await settle();
    const row = dialog().querySelector('tbody tr')!;
    expect([...row.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['Visita técnica', '15', '10 de 15', '0', '10']);

    click(byText(dialog(), 'button', 'Faturamento parcial'));
    type(field(dialog(), 'Quantidade a faturar de Visita técnica'), '11');
    expect(dialog().textContent).toContain('Acima do faturável agora (10).');
    click(byText(dialog(), 'button', 'Faturar quantidades'));
    await settle();
    expect(dialog().querySelector('.alert-danger')!.textContent).toContain('Visita técnica: 10 tarefa(s) concluída(s), 0 já faturada(s); pedido de 11, mas só 10 pode(m) ser faturada(s) agora.');

    type(field(dialog(), 'Quantidade a faturar de Visita técnica'), '10');
    click(byText(dialog(), 'button', 'Faturar quantidades'));
    await settle();
    expect(callsTo(calls, 'POST', '/api/sales-orders/o1/invoices').at(-1)!.body).toEqual({ items: [{ itemId: 'A1', quantity: 10 }] });
    expect(document.body.textContent).toContain('Nota fiscal nº 57 emitida.');
    expect([...dialog().querySelectorAll('tbody tr td')].map((td) => td.textContent)).toEqual(['Visita técnica', '15', '10 de 15', '10', '0']);
    expect(byText<HTMLAnchorElement>(dialog(), 'a', 'NFS-e nº 57').getAttribute('href')).toBe('#/notas/n1');
    // Nothing left to bill until more tasks are done: that is what the pop-up says, not that the order is unconfirmed.
    expect(dialog().textContent).toContain('Nada a faturar agora: conclua as tarefas dos itens para liberar o faturamento.');
    expect(dialog().textContent).not.toContain('Só pedidos confirmados');
  });

  it('bills everything with an empty body and offers no billing to sales people', async () => {
    const calls = fakeApi({
      'GET /api/sales-orders/defaults': () => jsonResponse(200, defaults),
      'GET /api/sales-orders/o1': () => withEtag(confirmedOrder, 'W/"8"'),
      'GET /api/sales-orders/o1/billing': () => jsonResponse(200, billing(0)),
      'POST /api/sales-orders/o1/invoices': () => jsonResponse(201, { invoice: { id: 'n1', number: 58, status: 'issued', lines: [] }, receivables: [] }),
    });
    let view = await openApp('/pedidos/o1', ['admin']);
    click(byText(view.container, 'button', 'Faturar'));
    await settle();
    click(byText(dialog(), 'button', 'Faturar tudo'));
    await settle();
    expect(callsTo(calls, 'POST', '/api/sales-orders/o1/invoices')[0]!.body).toEqual({});
    view.unmount();

    view = await openApp('/pedidos/o1', ['sales']);
    cleanup = view.unmount;
    expect(() => byText(view.container, 'button', 'Faturar')).toThrow();
    click(view.container.querySelector('.status-button')!);
    await settle();
    expect(() => byText(dialog(), 'button', 'Faturar tudo')).toThrow();
    expect(dialog().querySelector('tbody tr')!.textContent).toContain('10 de 15');
  });
});
