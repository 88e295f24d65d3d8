import { describe, expect, it } from 'vitest';
import { newItemDraft } from '../salesOrders/itemDraft';
import { newServiceOrderDraft, serviceOrderInput, validateServiceOrder } from './serviceOrderForm';
import { canEditServiceOrder, nextStatuses } from './serviceOrdersApi';

describe('service order form', () => {
  it('accepts services only and checks the expected date', () => {
    const draft = {
      ...newServiceOrderDraft('2026-07-10'),
      customer: { id: 'c1', label: 'Padaria' },
      expectedDate: '2026-07-01',
      items: [{ ...newItemDraft('product'), item: { id: 'p1', label: 'Filtro' }, description: 'Filtro', unitPrice: 10 }],
    };
    expect(validateServiceOrder(draft)).toEqual({
      expectedDate: 'A previsão deve ser igual ou posterior à data da ordem.',
      'items[0].kind': 'Item 1: uma ordem de serviço aceita apenas serviços.',
    });
  });

  it('keeps the opportunity and contract it came from', () => {
    const draft = { ...newServiceOrderDraft('2026-07-10'), customer: { id: 'c1', label: 'Padaria' }, opportunityId: 'op1', contractId: 'ct1', description: '  Troca de filtros ' };
    expect(serviceOrderInput(draft)).toMatchObject({ customerId: 'c1', opportunityId: 'op1', contractId: 'ct1', description: 'Troca de filtros', items: [] });
  });

  it('follows the server transitions', () => {
    expect(nextStatuses('aberta')).toEqual(['em-execucao', 'cancelada']);
    expect(nextStatuses('concluida')).toEqual(['em-execucao', 'faturada', 'cancelada']);
    expect(nextStatuses('faturada')).toEqual([]);
    expect([canEditServiceOrder('em-execucao'), canEditServiceOrder('concluida')]).toEqual([true, false]);
  });
});
