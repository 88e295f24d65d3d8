import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { callsTo, fakeApi, openApp, withEtag } from '../test/fakeApi';
import { byText, click, jsonResponse, settle } from '../test/render';
import { forgetCustomerOverviews } from './customerOverviewApi';
import { todayIso } from '../format';

const NBSP = '\u00a0';
const acme = { id: 'c1', legalName: 'Alfa Comércio Ltda', tradeName: '', taxId: '11222333000181', status: 'active' };
const thisMonth = todayIso().slice(0, 7);

const overview = {
  customerId: 'c1',
  customerName: 'Alfa Comércio Ltda',
  taxId: '11222333000181',
  quotes: [{ id: 'q1', number: 31, status: 'Aberto', date: '2026-06-10', total: 800 }],
  orders: [
    { id: 'o2', number: 1025, status: 'FaturadoParcial', date: '2026-07-02', total: 1500 },
    { id: 'o1', number: 1024, status: 'Proposta', date: '2026-07-01', total: 3001 },
  ],
  invoices: [{ id: 'n1', number: 55, status: 'Issued', date: '2026-07-05', total: 1000 }],
  salesHistory: [{ month: thisMonth, total: 1000, invoices: 1 }],
  receivables: {
    openTotal: 1000,
    openCount: 2,
    overdueTotal: 500,
    overdueCount: 1,
    items: [
      { id: 'r1', invoiceNumber: 55, installment: 1, installmentCount: 2, dueDate: '2026-06-30', amount: 500, overdue: true },
      { id: 'r2', invoiceNumber: 55, installment: 2, installmentCount: 2, dueDate: '2026-07-30', amount: 500, overdue: false },
    ],
  },
};

describe('customer consult tabs', () => {
  let cleanup: (() => void) | undefined;
  beforeEach(() => forgetCustomerOverviews());
  afterEach(() => {
    cleanup?.();
    vi.unstubAllGlobals();
  });

  it('shows the latest orders, then the invoices from the same answer', async () => {
    const calls = fakeApi({ 'GET /api/customers/c1': () => withEtag(acme, 'W/"1"'), 'GET /api/customers/c1/overview': () => jsonResponse(200, overview) });
    const view = await openApp('/clientes/c1?aba=pedidos');
    cleanup = view.unmount;
    const page = view.container;
    const rows = [...page.querySelectorAll('tbody tr')].map((r) => r.textContent);
    expect(rows[0]).toContain('Pedido nº 1025');
    expect(rows[0]).toContain('Faturado parcialmente');
    expect(rows[0]).toContain(`R$${NBSP}1.500,00`);
    expect(rows[1]).toContain('01/07/2026');

    click(byText(page, '[role=tab]', 'Notas fiscais'));
    await settle();
    expect(page.querySelector('tbody tr')!.textContent).toContain('Nota nº 55');
    expect(page.querySelector('tbody tr')!.textContent).toContain('Emitida');
    expect(callsTo(calls, 'GET', '/api/customers/c1/overview')).toHaveLength(1);

    click(byText(page, 'button', 'Atualizar'));
    await settle();
    expect(callsTo(calls, 'GET', '/api/customers/c1/overview')).toHaveLength(2);
  });

  it('shows open receivables with the overdue ones marked, and the monthly sales history', async () => {
    fakeApi({ 'GET /api/customers/c1': () => withEtag(acme, 'W/"1"'), 'GET /api/customers/c1/overview': () => jsonResponse(200, overview) });
    const view = await openApp('/clientes/c1?aba=contas-a-receber');
    cleanup = view.unmount;
    const page = view.container;
    expect(page.querySelector('.consult-summary')!.textContent).toContain(`Vencido R$${NBSP}500,00 (1 parcela)`.replace(' ', ''));
    const first = page.querySelector('tbody tr')!;
    expect(first.textContent).toContain('1/2');
    expect(first.textContent).toContain('Vencida');
    expect(first.querySelector('.text-danger')!.textContent).toBe('30/06/2026');

    click(byText(page, '[role=tab]', 'Histórico de vendas'));
    await settle();
    const months = page.querySelectorAll('tbody tr');
    expect(months).toHaveLength(12);
    expect(months[11]!.textContent).toContain(`R$${NBSP}1.000,00`);
    expect(page.querySelector('.consult-summary')!.textContent).toContain('Notas fiscais1');
  });

  it('explains empty tabs and shows a failed overview with a retry', async () => {
    let fail = true;
    fakeApi({
      'GET /api/customers/c1': () => withEtag(acme, 'W/"1"'),
      'GET /api/customers/c1/overview': () => (fail ? jsonResponse(500, { detail: 'Falha temporária.' }, 'application/problem+json') : jsonResponse(200, { customerId: 'c1' })),
    });
    const view = await openApp('/clientes/c1?aba=orcamentos');
    cleanup = view.unmount;
    const page = view.container;
    expect(page.querySelector('[role=alert]')!.textContent).toContain('Falha temporária.');
    fail = false;
    click(byText(page, 'button', 'Tentar novamente'));
    await settle();
    expect(page.textContent).toContain('Nenhum orçamento para este cliente.');
  });
});
