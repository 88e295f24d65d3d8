import { afterEach, describe, expect, it, vi } from 'vitest';
import { callsTo, fakeApi, openApp, problem, withEtag } from '../test/fakeApi';
import { byText, click, field, jsonResponse, settle } from '../test/render';

const opportunity = {
  id: 'o1',
  title: 'Manutenção compressores',
  accountId: 'a1',
  accountName: 'Acme',
  ownerId: 'u1',
  ownerName: 'Mariana Souza',
  stageId: 'st1',
  status: 'won',
  ticket: { lines: [{ id: 'l1', kind: 'service', serviceId: 's1', description: 'Preventiva', quantity: 12, unitPrice: 850, discountKind: 'none', discount: 0, total: 10200 }] },
};

const baseView = {
  opportunity: { id: 'o1', title: 'Manutenção compressores', status: 'won', stageName: 'Fechamento' },
  account: { id: 'a1', name: 'Acme', taxId: '11222333000181', taxIdFormatted: '11.222.333/0001-81', customerId: null },
  accountTaxId: '11222333000181',
  matchedCustomer: null,
  canCreateFromAccount: true,
  lines: [],
  ticketTotal: 10200,
  documents: [],
};
const customer = { id: 'c1', legalName: 'Acme Serviços Ltda', tradeName: 'Acme', taxId: '11222333000181', taxIdFormatted: '11.222.333/0001-81', source: 'tax-id' };
const salesOrderDoc = { kind: 'sales-order', kindLabel: 'Pedido de venda', id: 'so1', number: 1040, status: 'Proposta', statusLabel: 'Proposta', total: 10200, customerName: 'Acme', createdAt: '2026-07-20T12:00:00Z' };

function dialog(): HTMLElement {
  return document.body.querySelector<HTMLElement>('[role="dialog"], [role="alertdialog"]')!;
}

describe('opportunity Faturamento tab', () => {
  let cleanup: (() => void) | undefined;
  afterEach(() => {
    cleanup?.();
    vi.unstubAllGlobals();
  });

  it('matches the customer by the account CNPJ, generates a sales order, and asks before generating it again', async () => {
    let documents: unknown[] = [];
    const calls = fakeApi({
      'GET /api/opportunities/o1': () => withEtag(opportunity, '"v3"'),
      'GET /api/settings/pipeline': () => withEtag({ stages: [{ id: 'st1', name: 'Fechamento', order: 1 }] }, 'W/"1"'),
      'GET /api/opportunities/o1/faturamento': () => jsonResponse(200, baseView),
      'POST /api/opportunities/o1/faturamento/customer': () => jsonResponse(200, { ...baseView, matchedCustomer: customer }),
      'POST /api/opportunities/o1/faturamento/generate': (call) => {
        const body = call.body as { confirmDuplicate: boolean };
        if (documents.length > 0 && !body.confirmDuplicate) return problem(409, 'already_generated', 'Esta oportunidade já gerou: Pedido de venda nº 1040. Confirme para gerar novamente.');
        const created = documents.length > 0 ? { ...salesOrderDoc, id: 'so2', number: 1041 } : salesOrderDoc;
        documents = [...documents, created];
        return jsonResponse(201, { created: [created], documents });
      },
    });
    const view = await openApp('/oportunidades/o1?aba=faturamento');
    cleanup = view.unmount;
    const page = view.container;
    expect(page.textContent).toContain('Conta Acme · CNPJ/CPF 11.222.333/0001-81: nenhum cliente de faturamento definido.');
    expect(byText<HTMLButtonElement>(page, 'button', 'Gerar pedido de venda').disabled).toBe(true);

    click(byText(page, 'button', 'Buscar pelo CNPJ/CPF da conta'));
    await settle();
    expect(callsTo(calls, 'POST', '/api/opportunities/o1/faturamento/customer')[0]!.body).toEqual({ mode: 'match', customerId: null });
    expect(page.textContent).toContain('Encontrado pelo CNPJ/CPF da conta');

    click(byText(page, 'button', 'Gerar pedido de venda'));
    await settle();
    expect(callsTo(calls, 'POST', '/api/opportunities/o1/faturamento/generate')[0]!.body).toEqual({ kinds: ['sales-order'], confirmDuplicate: false, contract: null });
    expect(byText<HTMLAnchorElement>(page, 'a', 'Pedido de venda nº 1040').getAttribute('href')).toBe('#/pedidos/so1');

    click(byText(page, 'button', 'Gerar pedido de venda'));
    await settle();
    expect(dialog().textContent).toContain('Esta oportunidade já gerou: Pedido de venda nº 1040.');
    click(byText(dialog(), 'button', 'Gerar novamente'));
    await settle();
    expect((callsTo(calls, 'POST', '/api/opportunities/o1/faturamento/generate').at(-1)!.body as { confirmDuplicate: boolean }).confirmDuplicate).toBe(true);
    expect(byText(page, 'a', 'Pedido de venda nº 1041')).toBeTruthy();
  });

  it('sends the contract options when generating all documents', async () => {
    const calls = fakeApi({
      'GET /api/opportunities/o1': () => withEtag(opportunity, '"v3"'),
      'GET /api/settings/pipeline': () => withEtag({ stages: [] }, 'W/"1"'),
      'GET /api/opportunities/o1/faturamento': () => jsonResponse(200, { ...baseView, matchedCustomer: { ...customer, source: 'account' } }),
      'POST /api/opportunities/o1/faturamento/generate': () => jsonResponse(201, { created: [salesOrderDoc, salesOrderDoc], documents: [salesOrderDoc] }),
    });
    const view = await openApp('/oportunidades/o1?aba=faturamento', ['finance']);
    cleanup = view.unmount;
    click(byText(view.container, 'button', 'Gerar todos'));
    expect(field<HTMLInputElement>(dialog(), 'Título do contrato').value).toBe('Manutenção compressores');
    click(byText(dialog(), 'button', 'Gerar todos'));
    await settle();
    const body = callsTo(calls, 'POST', '/api/opportunities/o1/faturamento/generate')[0]!.body as { kinds: string[]; contract: { recurrence: string; title: string } };
    expect(body.kinds).toEqual(['all']);
    expect(body.contract).toMatchObject({ title: 'Manutenção compressores', recurrence: 'monthly' });
    expect(view.container.textContent).toContain('2 documentos gerados.');
  });
});
