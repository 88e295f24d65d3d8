import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../app/App';
import { navigate, routeLocation } from '../app/router';
import { staffSession } from '../auth/session';
import { callsTo, fakeApi, problem, queryOf } from '../test/fakeApi';
import { act, byText, choose, click, field, jsonResponse, mount, settle, submit, type } from '../test/render';
import { toasts } from '../ui/Toast';
import { customerSession } from './session';

const NBSP = '\u00a0';
const customer = { contactName: 'João Pereira', customerId: 'c1', customerName: 'Condomínio Jardim das Flores', tenantName: 'Acme Serviços' };

const proposal = {
  id: 'o1',
  number: 1024,
  date: '2026-07-01',
  validUntil: '2026-07-31',
  status: 'Proposta',
  statusLabel: 'Proposta',
  paymentMethod: 'Boleto',
  paymentTerms: '30/60',
  installments: [
    { number: 1, dueDate: '2026-07-31', amount: 1500.5 },
    { number: 2, dueDate: '2026-08-30', amount: 1500.5 },
  ],
  items: [{ id: 'i1', kind: 'service', description: 'Manutenção preventiva', quantity: 2, unitPrice: 1500.5, discountAmount: 0, total: 3001, note: 'Inclui filtros' }],
  totals: { gross: 3001, discount: 0, total: 3001 },
  hasContract: true,
  hasSignedContract: false,
  attachments: [
    { kind: 'proposal', fileName: 'Proposta.pdf', size: 20480 },
    { kind: 'contract', fileName: 'Contrato.pdf', size: 40960 },
  ],
};

const summary = { id: 'o1', number: 1024, date: '2026-07-01', status: 'Proposta', statusLabel: 'Proposta', total: 3001, installments: proposal.installments };

/** An XMLHttpRequest stand-in: records what was sent and lets the test drive progress and the answer. */
class FakeXhr {
  static last: FakeXhr | null = null;
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: FormData | null = null;
  status = 0;
  responseText = '';
  upload: { onprogress: ((e: ProgressEvent) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  constructor() {
    FakeXhr.last = this;
  }
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: FormData) {
    this.body = body;
  }
  progress(loaded: number, total: number) {
    act(() => this.upload.onprogress?.({ lengthComputable: true, loaded, total } as ProgressEvent));
  }
  respond(status: number, body: unknown) {
    this.status = status;
    this.responseText = JSON.stringify(body);
    this.onload?.();
  }
}

function pdf(name: string, size: number): File {
  const file = new File(['%PDF-1.7'], name, { type: 'application/pdf' });
  Object.defineProperty(file, 'size', { value: size });
  return file;
}

function chooseFile(input: HTMLInputElement, file: File) {
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  act(() => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

describe('customer area orders', () => {
  let cleanup: (() => void) | undefined;

  async function open(path: string, signedIn = true) {
    localStorage.clear();
    toasts.set([]);
    staffSession.set(null);
    customerSession('acme').set(signedIn ? { accessToken: 'c-access', refreshToken: 'c-refresh', expiresAt: Date.now() + 60_000, slug: 'acme', customer } : null);
    navigate(path, { replace: true });
    const view = mount(<App />);
    cleanup = view.unmount;
    await settle(5);
    return view.container;
  }

  beforeEach(() => {
    FakeXhr.last = null;
  });

  afterEach(() => {
    cleanup?.();
    vi.unstubAllGlobals();
  });

  it('shows the latest orders on the dashboard with total and each installment', async () => {
    const calls = fakeApi({
      'GET /api/customer-area/dashboard': () => jsonResponse(200, { customerName: customer.customerName, latestOrders: [{ ...summary }], openProposals: 1 }),
      'GET /api/customer-area/orders': () => jsonResponse(200, { items: [summary], continuation: null }),
    });
    const page = await open('/cliente/acme');
    const card = page.querySelector('.latest-order')!;
    expect(card.textContent).toContain('Pedido nº 1024');
    expect(card.textContent).toContain('Proposta');
    expect(card.textContent).toContain(`R$${NBSP}3.001,00`);
    expect(card.textContent).toContain(`1/2: R$${NBSP}1.500,50 — vence em 31/07/2026`);
    expect(card.textContent).toContain(`2/2: R$${NBSP}1.500,50 — vence em 30/08/2026`);
    expect(byText<HTMLAnchorElement>(card, 'a', 'Acessar').getAttribute('href')).toBe('#/cliente/acme/pedidos/o1');
    expect(byText(page, 'a', 'Pedidos')).toBeTruthy();

    expect(page.textContent).toContain('Você tem 1 proposta aguardando sua aprovação.');
    click(byText(page, 'a', 'Ver propostas'));
    await settle();
    expect(routeLocation.get().path).toBe('/cliente/acme/pedidos');
    expect(queryOf(callsTo(calls, 'GET', '/api/customer-area/orders')[0]!).get('status')).toBe('Proposta');
    expect(field<HTMLSelectElement>(page, 'Situação').value).toBe('Proposta');
  });

  it('tells a customer without orders what the dashboard is for', async () => {
    fakeApi({ 'GET /api/customer-area/dashboard': () => jsonResponse(200, { customerName: customer.customerName, latestOrders: [], openProposals: 0 }) });
    const page = await open('/cliente/acme');
    expect(page.textContent).toContain('Nenhum pedido ainda');
  });

  it('filters the orders list by number, status and period, and loads more pages', async () => {
    const calls = fakeApi({
      'GET /api/customer-area/orders': (_c, url) =>
        url.searchParams.get('continuation') === 'p2'
          ? jsonResponse(200, { items: [{ ...summary, id: 'o0', number: 1000, status: 'Faturado', statusLabel: 'Faturado' }], continuation: null })
          : jsonResponse(200, { items: [{ ...summary, status: 'Aprovado', statusLabel: 'Aguardando faturamento' }], continuation: 'p2' }),
    });
    const page = await open('/cliente/acme/pedidos');
    const row = page.querySelector('tbody tr')!;
    expect(row.textContent).toContain('1024');
    expect(row.textContent).toContain('Aguardando faturamento');
    expect(row.textContent).toContain('01/07/2026');
    click(byText(page, 'button', 'Carregar mais'));
    await settle();
    expect(page.querySelectorAll('tbody tr')).toHaveLength(2);
    expect(queryOf(callsTo(calls, 'GET', '/api/customer-area/orders').at(-1)!).get('continuation')).toBe('p2');

    choose(field<HTMLSelectElement>(page, 'Situação'), 'Proposta');
    await settle();
    type(field(page, 'Número'), '1024');
    submit(field(page, 'Número').closest('form')!);
    await settle();
    type(field(page, 'De'), '10/07/2026');
    await settle();
    type(field(page, 'Até'), '01/07/2026');
    await settle();
    expect(page.textContent).toContain('A data final deve ser igual ou posterior à inicial.');
    // The reversed period is not sent.
    expect(queryOf(callsTo(calls, 'GET', '/api/customer-area/orders').at(-1)!).get('to')).toBeNull();
    type(field(page, 'Até'), '31/07/2026');
    await settle();
    const last = queryOf(callsTo(calls, 'GET', '/api/customer-area/orders').at(-1)!);
    expect(Object.fromEntries(last)).toMatchObject({ status: 'Proposta', number: '1024', from: '2026-07-10', to: '2026-07-31' });
  });

  it('shows an order with notes, installments, totals and attachments; approval waits for the signed contract', async () => {
    fakeApi({ 'GET /api/customer-area/orders/o1': () => jsonResponse(200, proposal) });
    const page = await open('/cliente/acme/pedidos/o1');
    const item = page.querySelector('tbody tr')!;
    expect(item.textContent).toContain('Manutenção preventiva');
    expect(item.textContent).toContain('Inclui filtros');
    expect(item.textContent).toContain(`R$${NBSP}1.500,50`);
    expect(page.textContent).toContain('Boleto');
    expect(page.textContent).toContain('30/60');
    expect(page.textContent).toContain('Proposta válida até31/07/2026');
    expect(page.querySelector('.totals-grand')!.textContent).toContain(`R$${NBSP}3.001,00`);
    expect(page.textContent).toContain('Proposta (PDF)');
    expect(page.textContent).toContain('Contrato de venda');
    const approve = byText<HTMLButtonElement>(page, 'button', 'Aprovar proposta');
    expect(approve.disabled).toBe(true);
    expect(page.textContent).toContain('Anexe o contrato assinado para liberar a aprovação da proposta.');

    click(byText(page, 'button', 'Retornar'));
    expect(routeLocation.get().path).toBe('/cliente/acme/pedidos');
  });

  it('checks the file before sending, uploads the signed contract with progress, then approves after confirming', async () => {
    let current: Record<string, unknown> = proposal;
    const calls = fakeApi({
      'GET /api/customer-area/orders/o1': () => jsonResponse(200, current),
      'POST /api/customer-area/orders/o1/approve': () => {
        current = { ...current, status: 'Aprovado', statusLabel: 'Aguardando faturamento', canApprove: false, approval: { approvedAt: '2026-07-02T13:00:00Z', contactName: 'João Pereira', via: 'customer-area' } };
        return jsonResponse(200, current);
      },
    });
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    const page = await open('/cliente/acme/pedidos/o1');
    const input = field(page, 'Contrato assinado (PDF)');

    chooseFile(input, pdf('contrato.pdf', 11 * 1024 * 1024));
    submit(input.closest('form')!);
    await settle();
    expect(page.textContent).toContain('O arquivo tem 11 MB: o limite é 10 MB.');
    expect(FakeXhr.last).toBeNull();

    chooseFile(input, pdf('meu scan.pdf', 4000));
    submit(input.closest('form')!);
    await settle();
    const xhr = FakeXhr.last!;
    expect(xhr.method).toBe('POST');
    expect(xhr.url).toBe('/api/customer-area/orders/o1/signed-contract');
    expect(xhr.headers['Authorization']).toBe('Bearer c-access');
    expect((xhr.body!.get('file') as File).name).toBe('meu scan.pdf');
    xhr.progress(2000, 4000);
    expect(page.querySelector('progress')!.getAttribute('value')).toBe('2000');
    expect(page.textContent).toContain('50%');

    current = { ...proposal, hasSignedContract: true, attachments: [...proposal.attachments, { kind: 'signed-contract', fileName: 'Contrato Assinado.pdf', size: 4000 }] };
    xhr.respond(201, { kind: 'signed-contract' });
    await settle(5);
    expect(page.querySelector('progress')).toBeNull();
    expect(page.textContent).toContain('Contrato Assinado');
    expect(toasts.get().map((t) => t.text)).toContain('Contrato assinado enviado.');

    const approve = byText<HTMLButtonElement>(page, 'button', 'Aprovar proposta');
    expect(approve.disabled).toBe(false);
    click(approve);
    expect(document.body.textContent).toContain('Aprovar proposta?');
    expect(callsTo(calls, 'POST', '/api/customer-area/orders/o1/approve')).toHaveLength(0);
    click(byText(document.body, 'button', 'Aprovar'));
    await settle(5);
    expect(callsTo(calls, 'POST', '/api/customer-area/orders/o1/approve')).toHaveLength(1);
    expect(page.textContent).toContain('Proposta aprovada em 02/07/2026 10:00 por João Pereira');
    expect(page.textContent).toContain('Aguardando faturamento');
    expect([...page.querySelectorAll('button')].some((b) => b.textContent === 'Aprovar proposta')).toBe(false);
  });

  it('shows the server refusal of an upload next to the form', async () => {
    fakeApi({ 'GET /api/customer-area/orders/o1': () => jsonResponse(200, proposal) });
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    const page = await open('/cliente/acme/pedidos/o1');
    const input = field(page, 'Contrato assinado (PDF)');
    chooseFile(input, pdf('renomeado.pdf', 4000));
    submit(input.closest('form')!);
    await settle();
    FakeXhr.last!.respond(400, { status: 400, code: 'validation', detail: 'O arquivo enviado não é um PDF válido.' });
    await settle();
    expect(page.querySelector('[role=alert]')!.textContent).toContain('O arquivo enviado não é um PDF válido.');
  });

  it('shows the server refusal of an approval in the dialog', async () => {
    fakeApi({
      'GET /api/customer-area/orders/o1': () => jsonResponse(200, { ...proposal, hasContract: false, attachments: [{ kind: 'proposal' }] }),
      'POST /api/customer-area/orders/o1/approve': () => problem(409, 'invalid_state', 'Esta proposta já foi aprovada.'),
    });
    const page = await open('/cliente/acme/pedidos/o1');
    click(byText(page, 'button', 'Aprovar proposta'));
    click(byText(document.body, 'button', 'Aprovar'));
    await settle();
    expect(document.body.querySelector('[role=alertdialog]')!.textContent).toContain('Esta proposta já foi aprovada.');
  });

  it('downloads an attachment with the customer token under its file name', async () => {
    const calls = fakeApi({
      'GET /api/customer-area/orders/o1': () => jsonResponse(200, proposal),
      'GET /api/customer-area/orders/o1/attachments/proposal': () =>
        new Response('%PDF-1.7', { status: 200, headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': "attachment; filename=\"p.pdf\"; filename*=UTF-8''Proposta%20n%C2%BA%201024.pdf" } }),
    });
    const created: Blob[] = [];
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: (b: Blob) => (created.push(b), 'blob:x'), revokeObjectURL: () => undefined }));
    const names: string[] = [];
    const clickSpy = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
    });
    const page = await open('/cliente/acme/pedidos/o1');
    click(page.querySelector('button[aria-label="Baixar Proposta (PDF)"]')!);
    await settle();
    clickSpy.mockRestore();
    const call = callsTo(calls, 'GET', '/api/customer-area/orders/o1/attachments/proposal')[0]!;
    expect(call.headers.get('authorization')).toBe('Bearer c-access');
    expect(names).toEqual(['Proposta nº 1024.pdf']);
    expect(created).toHaveLength(1);
  });

  it('sends a signed-out customer to the login page and back to the order afterwards', async () => {
    fakeApi({});
    await open('/cliente/acme/pedidos/o1', false);
    expect(routeLocation.get().path).toBe('/cliente/acme/entrar');
    expect(routeLocation.get().query.get('voltar')).toBe('/cliente/acme/pedidos/o1');
  });
});

describe('e-mailed approval link', () => {
  let cleanup: (() => void) | undefined;
  async function open(path: string) {
    localStorage.clear();
    toasts.set([]);
    staffSession.set(null);
    customerSession('acme').set(null);
    navigate(path, { replace: true });
    const view = mount(<App />);
    cleanup = view.unmount;
    await settle(5);
    return view.container;
  }
  afterEach(() => {
    cleanup?.();
    vi.unstubAllGlobals();
  });

  it('opens the proposal without a login, uploads the signed contract and approves', async () => {
    let current: Record<string, unknown> = proposal;
    let approved = false;
    const link = () => ({ tenantName: 'Acme Serviços', contactName: 'João', expiresAt: '2026-07-16T00:00:00Z', approved, order: current });
    const calls = fakeApi({
      'GET /api/proposal-links/tok-1': () => jsonResponse(200, link()),
      'POST /api/proposal-links/tok-1/approve': () => {
        approved = true;
        // After approval the link answers with the result only: no items, no attachments.
        current = { id: 'o1', number: 1024, status: 'Aprovado', statusLabel: 'Aguardando faturamento', totals: proposal.totals, attachments: [], approval: { approvedAt: '2026-07-02T13:00:00Z', contactName: 'João', via: 'link' } };
        return jsonResponse(200, link());
      },
    });
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    const page = await open('/cliente/acme/proposta?token=tok-1');
    expect(page.textContent).toContain('Proposta nº 1024');
    expect(page.textContent).toContain('Enviada por Acme Serviços');
    expect(callsTo(calls, 'GET', '/api/proposal-links/tok-1')[0]!.headers.get('authorization')).toBeNull();

    const input = field(page, 'Contrato assinado (PDF)');
    chooseFile(input, pdf('assinado.pdf', 5000));
    submit(input.closest('form')!);
    await settle();
    expect(FakeXhr.last!.url).toBe('/api/proposal-links/tok-1/signed-contract');
    expect(FakeXhr.last!.headers['Authorization']).toBeUndefined();
    current = { ...current, hasSignedContract: true, attachments: [...proposal.attachments, { kind: 'signed-contract' }] };
    FakeXhr.last!.respond(201, { kind: 'signed-contract' });
    await settle(5);

    click(byText(page, 'button', 'Aprovar proposta'));
    click(byText(document.body, 'button', 'Aprovar'));
    await settle(5);
    expect(callsTo(calls, 'POST', '/api/proposal-links/tok-1/approve')).toHaveLength(1);
    expect(page.querySelector('h1')!.textContent).toBe('Proposta aprovada');
    expect(page.textContent).toContain(`A proposta nº 1024, no total de R$${NBSP}3.001,00, foi aprovada.`);
    // After approval the link shows the result only.
    expect(page.querySelector('table')).toBeNull();
  });

  it('shows a clear page for an expired link', async () => {
    fakeApi({ 'GET /api/proposal-links/old': () => problem(410, 'link_expired', 'Este link de aprovação expirou em 01/07/2026. Peça um novo link à empresa.') });
    const page = await open('/cliente/acme/proposta?token=old');
    expect(page.querySelector('h1')!.textContent).toBe('Link expirado');
    expect(page.textContent).toContain('Este link de aprovação expirou em 01/07/2026. Peça um novo link à empresa.');
    expect(page.querySelector('table')).toBeNull();
  });

  it('shows a clear page for a tampered link and for a link without a token', async () => {
    fakeApi({ 'GET /api/proposal-links/bad': () => problem(404, 'not_found', 'Link de aprovação inválido.') });
    let page = await open('/cliente/acme/proposta?token=bad');
    expect(page.querySelector('h1')!.textContent).toBe('Link inválido');
    cleanup?.();
    page = await open('/cliente/acme/proposta');
    expect(page.querySelector('h1')!.textContent).toBe('Link inválido');
    expect(page.textContent).toContain('não contém o código da proposta');
  });
});

describe('customer password reset', () => {
  let cleanup: (() => void) | undefined;
  afterEach(() => {
    cleanup?.();
    vi.unstubAllGlobals();
  });

  it('sets a new password from the e-mailed link and returns to the login with a notice', async () => {
    const calls = fakeApi({ 'POST /api/customer-auth/acme/password-reset/confirm': () => jsonResponse(204) });
    localStorage.clear();
    customerSession('acme').set(null);
    navigate('/cliente/acme/redefinir-senha?token=rst-1', { replace: true });
    const view = mount(<App />);
    cleanup = view.unmount;
    await settle();
    const page = view.container;
    type(field(page, 'Senha'), 'novaSenha123');
    type(field(page, 'Confirme a senha'), 'novaSenha123');
    submit(page.querySelector('form')!);
    await settle();
    expect(callsTo(calls, 'POST', '/api/customer-auth/acme/password-reset/confirm')[0]!.body).toEqual({ token: 'rst-1', password: 'novaSenha123' });
    expect(routeLocation.get().path).toBe('/cliente/acme/entrar');
    expect(page.textContent).toContain('Senha redefinida.');
  });

  it('asks for a reset link without saying whether the login exists', async () => {
    const calls = fakeApi({ 'POST /api/customer-auth/acme/password-reset': () => jsonResponse(202) });
    localStorage.clear();
    customerSession('acme').set(null);
    navigate('/cliente/acme/entrar', { replace: true });
    const view = mount(<App />);
    cleanup = view.unmount;
    await settle();
    click(byText(view.container, 'a', 'Esqueci minha senha'));
    await settle();
    type(field(view.container, 'E-mail'), 'joao@flores.com.br');
    submit(view.container.querySelector('form')!);
    await settle();
    expect(callsTo(calls, 'POST', '/api/customer-auth/acme/password-reset')[0]!.body).toEqual({ email: 'joao@flores.com.br' });
    expect(view.container.textContent).toContain('Se houver um acesso com o e-mail joao@flores.com.br');
  });
});
