import { afterEach, describe, expect, it, vi } from 'vitest';
import { todayIso } from '../format/date';
import { callsTo, fakeApi, openApp, queryOf, withEtag } from '../test/fakeApi';
import { byText, choose, click, field, jsonResponse, settle, submit, type } from '../test/render';

const NBSP = '\u00a0';

const listItem = { id: 'n1', number: 57, status: 'issued', orderId: 'o1', orderNumber: 1024, customerId: 'c1', customerName: 'Padaria Pão Quente', issueDate: '2026-07-20', total: 2000, nfseStatus: 'pending-certificate' };
const invoice = {
  ...listItem,
  issuedAt: '2026-07-20T13:00:00Z',
  serviceTotal: 2000,
  issAmount: 100,
  issWithheld: false,
  lines: [{ itemId: 'A1', kind: 'service', description: 'Visita técnica', quantity: 10, unitPrice: 200, gross: 2000, discount: 0, total: 2000, issRate: 5, issAmount: 100 }],
};
const receivables = [
  { id: 'r1', installment: 1, installmentCount: 2, dueDate: '2026-08-19', amount: 1000, status: 'open', overdue: false },
  { id: 'r2', installment: 2, installmentCount: 2, dueDate: '2026-09-18', amount: 1000, status: 'open', overdue: false },
];

function dialog(): HTMLElement {
  return document.body.querySelector<HTMLElement>('[role="dialog"], [role="alertdialog"]')!;
}

describe('invoices', () => {
  let cleanup: (() => void) | undefined;
  afterEach(() => {
    cleanup?.();
    vi.unstubAllGlobals();
  });

  it('lists invoices with their order and filters by status', async () => {
    const calls = fakeApi({ 'GET /api/invoices': () => jsonResponse(200, { items: [listItem], continuation: null }) });
    const view = await openApp('/notas?pedido=o1');
    cleanup = view.unmount;
    const page = view.container;
    expect(queryOf(callsTo(calls, 'GET', '/api/invoices')[0]!).get('orderId')).toBe('o1');
    const row = page.querySelector('tbody tr')!;
    expect(row.textContent).toContain('NFS-e nº 57');
    expect(row.textContent).toContain('Pedido nº 1024');
    expect(row.textContent).toContain('Emitida');
    expect(row.textContent).toContain('20/07/2026');
    expect(row.textContent).toContain(`R$${NBSP}2.000,00`);
    choose(field<HTMLSelectElement>(page, 'Situação'), 'cancelled');
    await settle();
    expect(queryOf(callsTo(calls, 'GET', '/api/invoices').at(-1)!).get('status')).toBe('cancelled');
  });

  it('cancels an invoice only after confirming, with its ETag and reason', async () => {
    let status = 'issued';
    const calls = fakeApi({
      'GET /api/invoices/n1': () => withEtag({ invoice: { ...invoice, status }, receivables }, 'W/"2"'),
      'POST /api/invoices/n1/cancel': () => {
        status = 'cancelled';
        return withEtag({ invoice: { ...invoice, status }, receivables }, 'W/"3"');
      },
    });
    const view = await openApp('/notas/n1', ['finance']);
    cleanup = view.unmount;
    const page = view.container;
    expect(page.textContent).toContain(`R$${NBSP}100,00`);
    expect(page.textContent).toContain('aguarda o certificado digital (A1)');
    expect([...page.querySelectorAll('[aria-label="Parcelas a receber"] tbody tr')].map((r) => r.textContent)).toEqual([
      `1/219/08/2026Em abertoR$${NBSP}1.000,00`,
      `2/218/09/2026Em abertoR$${NBSP}1.000,00`,
    ]);
    click(byText(page, 'button', 'Cancelar nota'));
    expect(dialog().textContent).toContain('Cancelar a nota fiscal?');
    type(field<HTMLTextAreaElement>(dialog(), 'Motivo do cancelamento'), 'Emitida em duplicidade');
    click(byText(dialog(), 'button', 'Cancelar nota'));
    await settle();
    const call = callsTo(calls, 'POST', '/api/invoices/n1/cancel')[0]!;
    expect(call.headers.get('if-match')).toBe('W/"2"');
    expect(call.body).toEqual({ reason: 'Emitida em duplicidade' });
    expect(page.querySelector('.page-header .badge')!.textContent).toBe('Cancelada');
    expect(() => byText(page, 'button', 'Cancelar nota')).toThrow();
  });

  it('downloads the DPS XML through the API', async () => {
    const calls = fakeApi({
      'GET /api/invoices/n1': () => withEtag({ invoice, receivables: [] }, 'W/"2"'),
      'GET /api/invoices/n1/dps': () => new Response('<DPS/>', { status: 200, headers: { 'Content-Type': 'application/xml' } }),
    });
    const created: Blob[] = [];
    // jsdom has no object URLs; the download only needs one to exist.
    Object.defineProperty(URL, 'createObjectURL', { configurable: true, value: (b: Blob) => (created.push(b), 'blob:dps') });
    Object.defineProperty(URL, 'revokeObjectURL', { configurable: true, value: () => undefined });
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const view = await openApp('/notas/n1', ['sales']);
    cleanup = view.unmount;
    click(byText(view.container, 'button', 'Baixar XML (DPS)'));
    await settle();
    expect(callsTo(calls, 'GET', '/api/invoices/n1/dps')).toHaveLength(1);
    expect(await created[0]!.text()).toBe('<DPS/>');
    expect((clicked.mock.contexts[0] as HTMLAnchorElement).download).toBe('DPS NFS-e 57.xml');
  });

  it('does not offer cancelling to sales people', async () => {
    fakeApi({ 'GET /api/invoices/n1': () => withEtag({ invoice, receivables: [] }, 'W/"2"') });
    const view = await openApp('/notas/n1', ['sales']);
    cleanup = view.unmount;
    expect(view.container.querySelector('h1')!.textContent).toBe('NFS-e nº 57');
    expect(() => byText(view.container, 'button', 'Cancelar nota')).toThrow();
  });
});

describe('receivables', () => {
  let cleanup: (() => void) | undefined;
  afterEach(() => {
    cleanup?.();
    vi.unstubAllGlobals();
  });

  const receivable = { id: 'r1', customerId: 'c1', customerName: 'Padaria Pão Quente', invoiceId: 'n1', invoiceNumber: 57, orderId: 'o1', orderNumber: 1024, installment: 1, installmentCount: 2, dueDate: '2020-01-10', amount: 1000, status: 'open', overdue: true, paidOn: null, paidAmount: null, etag: 'W/"1"' };

  it('shows overdue installments and marks one as paid with date and amount', async () => {
    let status = 'open';
    const calls = fakeApi({
      'GET /api/receivables': () => jsonResponse(200, { items: [{ ...receivable, status }], continuation: null }),
      'POST /api/receivables/r1/pay': () => {
        status = 'paid';
        return jsonResponse(200, { ...receivable, status: 'paid', paidOn: todayIso(), paidAmount: 1000 });
      },
    });
    const view = await openApp('/recebiveis', ['finance']);
    cleanup = view.unmount;
    const page = view.container;
    expect(queryOf(callsTo(calls, 'GET', '/api/receivables')[0]!).get('status')).toBe('open');
    const row = page.querySelector('tbody tr')!;
    expect(row.textContent).toContain('Vencido');
    expect(row.textContent).toContain('NFS-e nº 57 · parcela 1/2');

    click(byText(row, 'button', 'Marcar como pago'));
    type(field(dialog(), 'Valor pago'), '');
    submit(dialog().querySelector('form')!);
    expect(dialog().textContent).toContain('Informe o valor pago.');
    type(field(dialog(), 'Valor pago'), '1.000,00');
    submit(dialog().querySelector('form')!);
    await settle();
    expect(callsTo(calls, 'POST', '/api/receivables/r1/pay')[0]!.body).toEqual({ paidOn: todayIso(), amount: 1000 });
    expect(callsTo(calls, 'POST', '/api/receivables/r1/pay')[0]!.headers.get('if-match')).toBe('W/"1"');
    expect(page.textContent).toContain('Recebível marcado como pago.');
  });

  it('sends the due-date range and refuses a reversed one', async () => {
    const calls = fakeApi({ 'GET /api/receivables': () => jsonResponse(200, { items: [], continuation: null }) });
    const view = await openApp('/recebiveis?de=2026-07-01&ate=2026-07-31&status=all', ['sales']);
    cleanup = view.unmount;
    const q = queryOf(callsTo(calls, 'GET', '/api/receivables')[0]!);
    expect([q.get('dueFrom'), q.get('dueTo'), q.get('status')]).toEqual(['2026-07-01', '2026-07-31', null]);
    type(field(view.container, 'Vencimento até'), '01/06/2026');
    await settle();
    expect(view.container.textContent).toContain('O vencimento final deve ser igual ou posterior ao inicial.');
    expect(() => byText(view.container, 'button', 'Marcar como pago')).toThrow();
  });
});
