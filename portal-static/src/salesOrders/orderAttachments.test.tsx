import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { callsTo, fakeApi, openApp, withEtag } from '../test/fakeApi';
import { byText, click, field, jsonResponse, settle, submit } from '../test/render';
import { proposalPolling } from './OrderAttachments';
import { formatSize, uploadError } from './proposalsApi';

const order = {
  id: 'o1',
  number: 1024,
  status: 'Proposta',
  statusLabel: 'Proposta',
  customerId: 'c1',
  customerName: 'Padaria Pão Quente',
  customerTaxId: '',
  date: '2026-07-01',
  salespersonId: 'u1',
  salespersonName: 'Mariana Souza',
  paymentTerms: '0',
  paymentMethod: '',
  installments: [],
  project: '',
  contractTitle: '',
  notes: '',
  generateOpportunity: false,
  opportunityGeneration: 'off',
  tasksExpected: 0,
  tasksGenerated: 0,
  items: [],
  totals: { gross: 0, discount: 0, total: 0 },
  cancelReason: '',
};

const trail = {
  attachments: [{ kind: 'proposal', fileName: 'Proposta 1024 v2.pdf', version: 2, size: 18342, sha256: 'ab', uploadedAt: '2026-07-01T13:00:00Z', uploadedBy: 'Sistema' }],
  links: [{ id: 'l1', contactName: 'Renata Alves', email: 'renata@padaria.com.br', sentAt: '2026-07-01T13:05:00Z', expiresAt: '2026-07-16T13:05:00Z', openedAt: '2026-07-01T14:00:00Z', openCount: 3, status: 'opened' }],
  approvals: [],
};

function dialog(): HTMLElement {
  return document.body.querySelector<HTMLElement>('[role="dialog"], [role="alertdialog"]')!;
}

function routes(extra: Parameters<typeof fakeApi>[0] = {}) {
  return fakeApi({
    'GET /api/sales-orders/defaults': () => jsonResponse(200, { integrationEnabled: false, generateOpportunity: false, showProjectAndContract: false, paymentTerms: '0' }),
    'GET /api/sales-orders/o1': () => withEtag(order, 'W/"4"'),
    'GET /api/sales-orders/o1/approval': () => jsonResponse(200, trail),
    ...extra,
  });
}

describe('order attachments and proposal', () => {
  let cleanup: (() => void) | undefined;
  afterEach(() => {
    cleanup?.();
    vi.unstubAllGlobals();
    proposalPolling.intervalMs = 2000;
  });

  it('lists the proposal PDF and the sends, and e-mails the proposal to a customer contact', async () => {
    const calls = routes({
      'GET /api/customers/c1/contacts': () => jsonResponse(200, { items: [{ id: 'ct1', customerId: 'c1', name: 'Renata Alves', email: 'renata@padaria.com.br', phone: '' }], continuation: null }),
      'POST /api/sales-orders/o1/send-proposal': () => jsonResponse(201, { ...trail.links[0], id: 'l2', status: 'sent' }),
    });
    const view = await openApp('/pedidos/o1');
    cleanup = view.unmount;
    const panel = view.container.querySelector('[aria-label="Anexos e proposta"]')!;
    expect(panel.textContent).toContain('Proposta 1024 v2.pdf');
    expect(panel.textContent).toContain('versão 2 · 18 KB');
    expect(panel.textContent).toContain('Aberta pelo cliente');
    expect(panel.textContent).toContain('(3 vezes)');

    click(byText(panel, 'button', 'Enviar proposta'));
    await settle();
    submit(dialog().querySelector('form')!);
    await settle();
    expect(callsTo(calls, 'POST', '/api/sales-orders/o1/send-proposal')[0]!.body).toEqual({ contactId: 'ct1' });
    expect(view.container.textContent).toContain('Proposta enviada para renata@padaria.com.br.');
  });

  it('checks the contract file before uploading it, then sends it as multipart', async () => {
    const calls = routes({ 'POST /api/sales-orders/o1/contract': () => jsonResponse(201, { kind: 'contract', fileName: 'Contrato 1024.pdf', version: 1, size: 10 }) });
    const view = await openApp('/pedidos/o1');
    cleanup = view.unmount;
    const input = field(view.container, 'Arquivo do contrato (PDF até 10 MB)');
    const choose = (file: File) =>
      act(() => {
        Object.defineProperty(input, 'files', { value: [file], configurable: true });
        input.dispatchEvent(new Event('change', { bubbles: true }));
      });
    choose(new File(['texto'], 'contrato.docx', { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }));
    expect(view.container.textContent).toContain('Envie o contrato em PDF.');
    expect(callsTo(calls, 'POST', '/api/sales-orders/o1/contract')).toHaveLength(0);

    choose(new File(['%PDF-1.7 ... %%EOF'], 'contrato.pdf', { type: 'application/pdf' }));
    await settle();
    const call = callsTo(calls, 'POST', '/api/sales-orders/o1/contract')[0]!;
    expect(call.headers.get('content-type')).toBeNull();
    expect(view.container.textContent).toContain('Contrato anexado ao pedido.');
  });

  it('shows the proposal PDF once the queue step rendered it, without a reload, and then stops asking', async () => {
    proposalPolling.intervalMs = 50;
    let reads = 0;
    const calls = routes({
      'GET /api/sales-orders/o1/approval': () => {
        reads += 1;
        return jsonResponse(200, reads < 3 ? { attachments: [], links: [], approvals: [] } : trail);
      },
    });
    const view = await openApp('/pedidos/o1');
    cleanup = view.unmount;
    const panel = view.container.querySelector('[aria-label="Anexos e proposta"]')!;
    expect(panel.textContent).toContain('O PDF da proposta está sendo gerado');

    await new Promise((resolve) => setTimeout(resolve, 400));
    await settle();
    expect(panel.textContent).toContain('Proposta 1024 v2.pdf');
    const asked = callsTo(calls, 'GET', '/api/sales-orders/o1/approval').length;
    expect(asked).toBe(3);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(callsTo(calls, 'GET', '/api/sales-orders/o1/approval')).toHaveLength(asked);
  });

  it('opens a short-lived link to download an attachment', async () => {
    routes({ 'GET /api/sales-orders/o1/attachments/proposal/link': () => jsonResponse(200, { url: 'https://files.test/p.pdf?sig=1', expiresAt: '2026-07-01T13:10:00Z' }) });
    const win = { location: { href: '' }, close: vi.fn() };
    vi.stubGlobal('open', vi.fn(() => win));
    const view = await openApp('/pedidos/o1');
    cleanup = view.unmount;
    click(byText(view.container, 'button', 'Baixar'));
    await settle();
    expect(win.location.href).toBe('https://files.test/p.pdf?sig=1');
  });

  it('refuses empty and too large files with the server’s messages', () => {
    expect(uploadError({ name: 'a.pdf', size: 11 * 1024 * 1024, type: 'application/pdf' })).toBe('O arquivo tem mais de 10 MB. Envie um PDF menor.');
    expect(uploadError({ name: 'a.pdf', size: 0, type: 'application/pdf' })).toBe('O arquivo está vazio.');
    expect(uploadError({ name: 'A.PDF', size: 10, type: '' })).toBeNull();
    expect(formatSize(1_572_864)).toBe('1,5 MB');
  });
});
