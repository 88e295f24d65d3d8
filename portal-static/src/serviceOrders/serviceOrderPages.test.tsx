import { afterEach, describe, expect, it, vi } from 'vitest';
import { callsTo, fakeApi, openApp, withEtag } from '../test/fakeApi';
import { byText, choose, click, field, settle } from '../test/render';

function dialog(): HTMLElement {
  return document.body.querySelector<HTMLElement>('[role="dialog"], [role="alertdialog"]')!;
}

describe('service orders', () => {
  let cleanup: (() => void) | undefined;
  afterEach(() => {
    cleanup?.();
    vi.unstubAllGlobals();
  });

  const so = {
    id: 's1',
    number: 12,
    status: 'em-execucao',
    statusLabel: 'Em execução',
    customerId: 'c1',
    customerName: 'Padaria Pão Quente',
    customerTaxId: '',
    date: '2026-07-01',
    expectedDate: '2026-07-05',
    description: 'Troca de filtros',
    notes: '',
    items: [{ id: 'A1', kind: 'service', description: 'Hora técnica', quantity: 3, unitPrice: 100, discountKind: 'none', discount: 0, total: 300 }],
    totals: { gross: 300, discount: 0, total: 300 },
    statusNote: '',
  };

  it('offers only the allowed status changes and sends the chosen one after confirming', async () => {
    const calls = fakeApi({
      'GET /api/service-orders/s1': () => withEtag(so, 'W/"2"'),
      'POST /api/service-orders/s1/status': () => withEtag({ ...so, status: 'concluida', statusLabel: 'Concluída' }, 'W/"3"'),
    });
    const view = await openApp('/ordens-servico/s1', ['operations']);
    cleanup = view.unmount;
    const page = view.container;
    const select = field<HTMLSelectElement>(page, 'Mudar status para');
    expect([...select.options].map((o) => o.textContent)).toEqual(['Escolha…', 'Aberta', 'Concluída', 'Cancelada']);
    choose(select, 'concluida');
    click(byText(dialog(), 'button', 'Mudar status'));
    await settle();
    expect(callsTo(calls, 'POST', '/api/service-orders/s1/status')[0]!.body).toEqual({ status: 'concluida', note: null });
    expect(page.querySelector('.page-header .badge')!.textContent).toBe('Concluída');
    expect(page.textContent).toContain('Uma ordem de serviço concluída não pode ser alterada.');
  });

  it('accepts services only in its items', async () => {
    fakeApi({ 'GET /api/service-orders/s1': () => withEtag(so, 'W/"2"') });
    const view = await openApp('/ordens-servico/s1');
    cleanup = view.unmount;
    expect(() => field(view.container, 'Tipo do item 1')).toThrow();
    expect(field(view.container, 'Serviço do item 1')).toBeTruthy();
  });
});
