import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, openApp, withEtag } from '../test/fakeApi';
import { byText } from '../test/render';

describe('contract page', () => {
  let cleanup: (() => void) | undefined;
  afterEach(() => {
    cleanup?.();
    vi.unstubAllGlobals();
  });

  const contract = {
    id: 'k1',
    number: 7,
    customerId: 'c1',
    customerName: 'Padaria Pão Quente',
    title: 'Manutenção preventiva mensal',
    startDate: '2026-07-01',
    endDate: null,
    recurrence: 'monthly',
    status: 'draft',
    items: [{ serviceId: null, description: 'Visita técnica', quantity: 1, unitPrice: 300, discountKind: 'none', discount: 0, total: 300 }],
    notes: '',
    total: 300,
  };

  it('links to the opportunity that generated the contract, with its current status and stage', async () => {
    fakeApi({
      'GET /api/contracts/k1': () =>
        withEtag({ ...contract, opportunityId: 'op1', opportunity: { id: 'op1', title: 'Manutenção - Padaria', status: 'won', stageName: 'Fechamento' } }, 'W/"3"'),
    });
    const view = await openApp('/contratos/k1');
    cleanup = view.unmount;
    const page = view.container;
    expect(page.querySelector('h1')!.textContent).toBe('Contrato nº 7');
    const link = byText<HTMLAnchorElement>(page, 'a', 'Manutenção - Padaria');
    expect(link.getAttribute('href')).toBe('#/oportunidades/op1');
    expect(link.parentElement!.textContent).toContain('Oportunidade:');
    expect(link.parentElement!.querySelector('.badge')!.textContent).toBe('Ganha');
    expect(link.parentElement!.textContent).toContain('Etapa: Fechamento');
  });

  it('still links to the opportunity when only its id came back', async () => {
    fakeApi({ 'GET /api/contracts/k1': () => withEtag({ ...contract, opportunityId: 'op1', opportunity: null }, 'W/"3"') });
    const view = await openApp('/contratos/k1');
    cleanup = view.unmount;
    expect(byText(view.container, 'a', 'Abrir oportunidade').getAttribute('href')).toBe('#/oportunidades/op1');
  });

  it('shows no opportunity for a contract made by hand', async () => {
    fakeApi({ 'GET /api/contracts/k1': () => withEtag(contract, 'W/"3"') });
    const view = await openApp('/contratos/k1');
    cleanup = view.unmount;
    expect(view.container.querySelector('h1')!.textContent).toBe('Contrato nº 7');
    expect(view.container.querySelector('a[href^="#/oportunidades/"]')).toBeNull();
    expect(view.container.querySelector('main')!.textContent).not.toContain('Oportunidade:');
  });
});
