import { afterEach, describe, expect, it, vi } from 'vitest';
import { routeLocation } from '../app/router';
import { callsTo, fakeApi, openApp, problem, queryOf, withEtag } from '../test/fakeApi';
import { byText, choose, click, field, jsonResponse, settle, submit, type } from '../test/render';

const quote = {
  id: 'q1',
  number: 88,
  status: 'Aberto',
  statusLabel: 'Aberto',
  expired: false,
  customerId: 'c1',
  customerName: 'Padaria Pão Quente',
  customerTaxId: '',
  date: '2026-07-01',
  validUntil: '2026-07-31',
  notes: '',
  items: [{ id: 'A1', kind: 'service', serviceId: 's1', description: 'Visita técnica', quantity: 2, unitPrice: 150, discountKind: 'none', discount: 0, gross: 300, discountAmount: 0, total: 300 }],
  totals: { gross: 300, discount: 0, total: 300 },
};

function dialog(): HTMLElement {
  return document.body.querySelector<HTMLElement>('[role="dialog"], [role="alertdialog"]')!;
}

describe('quotes', () => {
  let cleanup: (() => void) | undefined;
  afterEach(() => {
    cleanup?.();
    vi.unstubAllGlobals();
  });

  it('lists open quotes and asks the API for the expired ones', async () => {
    const calls = fakeApi({ 'GET /api/quotes': () => jsonResponse(200, { items: [{ ...quote, total: 300, expired: true }], continuation: null }) });
    const view = await openApp('/orcamentos');
    cleanup = view.unmount;
    expect(queryOf(callsTo(calls, 'GET', '/api/quotes')[0]!).get('status')).toBe('Aberto');
    expect(view.container.querySelector('tbody tr .badge')!.textContent).toBe('Vencido');
    choose(field<HTMLSelectElement>(view.container, 'Situação'), 'vencidos');
    await settle();
    const q = queryOf(callsTo(calls, 'GET', '/api/quotes').at(-1)!);
    expect([q.get('status'), q.get('expired')]).toEqual(['Aberto', 'true']);
  });

  it('converts a quote into an order with the payment terms and opens the order', async () => {
    const calls = fakeApi({
      'GET /api/quotes/q1': () => withEtag(quote, 'W/"3"'),
      'GET /api/sales-orders/defaults': () => jsonResponse(200, { integrationEnabled: true, generateOpportunity: true, showProjectAndContract: false, paymentTerms: '0' }),
      'POST /api/quotes/q1/convert': (call) =>
        (call.body as { paymentTerms: string }).paymentTerms === '30/30'
          ? problem(400, 'validation', 'Alguns campos precisam de correção.', { paymentTerms: ['Condição de pagamento inválida: os prazos devem ser crescentes, por exemplo 30/60/90.'] })
          : jsonResponse(201, { id: 'o5', number: 1031 }),
      'GET /api/sales-orders/o5': () => jsonResponse(404, { code: 'not_found' }, 'application/problem+json'),
    });
    const view = await openApp('/orcamentos/q1');
    cleanup = view.unmount;
    click(byText(view.container, 'button', 'Converter em pedido'));
    await settle();
    expect(field<HTMLInputElement>(dialog(), 'Gerar oportunidade no CRM').checked).toBe(true);
    type(field(dialog(), 'Condição de pagamento'), '30/x');
    submit(dialog().querySelector('form')!);
    expect(dialog().textContent).toContain('"x" não é um número de dias');
    expect(callsTo(calls, 'POST', '/api/quotes/q1/convert')).toHaveLength(0);

    type(field(dialog(), 'Condição de pagamento'), '30/60');
    submit(dialog().querySelector('form')!);
    await settle();
    const call = callsTo(calls, 'POST', '/api/quotes/q1/convert')[0]!;
    expect(call.headers.get('if-match')).toBe('W/"3"');
    expect(call.body).toMatchObject({ paymentTerms: '30/60', generateOpportunity: true });
    expect(routeLocation.get().path).toBe('/pedidos/o5');
  });

  it('shows a converted quote read-only with the link to its order', async () => {
    fakeApi({ 'GET /api/quotes/q1': () => withEtag({ ...quote, status: 'Convertido', convertedOrderId: 'o5', convertedOrderNumber: 1031 }, 'W/"4"') });
    const view = await openApp('/orcamentos/q1');
    cleanup = view.unmount;
    expect(byText<HTMLAnchorElement>(view.container, 'a', 'pedido nº 1031').getAttribute('href')).toBe('#/pedidos/o5');
    expect(() => byText(view.container, 'button', 'Converter em pedido')).toThrow();
    expect(() => byText(view.container, 'button', 'Salvar orçamento')).toThrow();
  });
});
