import { describe, expect, it } from 'vitest';
import { newItemDraft, removalBlocker, validateItems } from './itemDraft';
import { installmentsPreview, newOrderDraft, orderInput, orderToDraft, validateOrder } from './orderForm';
import type { SalesOrder } from './salesOrdersApi';

const serviceLine = (patch: Partial<ReturnType<typeof newItemDraft>> = {}) => ({ ...newItemDraft('service'), description: 'Manutenção preventiva', quantity: '15', unitPrice: 200, ...patch });

describe('order form', () => {
  it('takes "gerar oportunidade" from the tenant default only when the integration is on', () => {
    expect(newOrderDraft('2026-07-01', { integrationEnabled: true, generateOpportunity: true, showProjectAndContract: false, paymentTerms: '0' }, 'u1').generateOpportunity).toBe(true);
    expect(newOrderDraft('2026-07-01', { integrationEnabled: false, generateOpportunity: true, showProjectAndContract: false, paymentTerms: '0' }, 'u1').generateOpportunity).toBe(false);
  });

  it('keys errors like the server: customerId, paymentTerms and items[i].field', () => {
    const draft = { ...newOrderDraft('2026-07-01', undefined, 'u1'), paymentTerms: '60/30', items: [serviceLine({ quantity: '0' }), { ...newItemDraft('product'), description: '', unitPrice: null }] };
    const errors = validateOrder(draft, { showProjectAndContract: false });
    expect(errors['customerId']).toBe('Escolha o cliente.');
    expect(errors['paymentTerms']).toContain('crescentes');
    expect(errors['items[0].quantity']).toBe('Item 1: a quantidade deve ser maior que zero.');
    expect(errors['items[1].productId']).toBe('Item 2: informe o produto.');
    expect(errors['items[1].description']).toBe('Item 2: informe a descrição.');
    expect(errors['items[1].unitPrice']).toBe('Item 2: informe o valor unitário.');
  });

  it('refuses a discount above the gross amount and a quantity below what was billed', () => {
    const errors = validateItems([serviceLine({ quantity: '1', discountKind: 'amount', discount: '300' }), serviceLine({ id: 'A1', quantity: '5', billedQuantity: 10 })]);
    expect(errors['items[0].discount']).toBe('Item 1: o desconto não pode ser maior que o valor bruto do item.');
    expect(errors['items[1].quantity']).toBe('Item 2: a quantidade não pode ser menor que a já faturada (10).');
  });

  it('previews installments from the items total and the terms', () => {
    const draft = { ...newOrderDraft('2026-07-01', undefined, 'u1'), paymentTerms: '30/60', items: [serviceLine({ quantity: '3', unitPrice: 33.33, discountKind: 'percent' as const, discount: '10' })] };
    // 3 × 33,33 = 99,99; 10% = 10,00 (9,999 rounded) → 89,99 in two installments.
    expect(installmentsPreview(draft).installments.map((p) => [p.dueDate, p.amount])).toEqual([
      ['2026-07-31', 45],
      ['2026-08-30', 44.99],
    ]);
  });

  it('sends the lines with their ids, numbers read the Brazilian way and "0" for cash payment', () => {
    const draft = {
      ...newOrderDraft('2026-07-01', undefined, 'u1'),
      customer: { id: 'c1', label: 'Padaria Pão Quente' },
      items: [serviceLine({ id: 'A1', quantity: '1,5', discountKind: 'percent' as const, discount: '12,5', note: '  Inclui deslocamento ' })],
    };
    const input = orderInput(draft);
    expect(input).toMatchObject({ customerId: 'c1', date: '2026-07-01', paymentTerms: '0', salespersonId: 'u1', installments: null });
    expect(input.items[0]).toEqual({
      id: 'A1',
      kind: 'service',
      serviceId: null,
      productId: null,
      description: 'Manutenção preventiva',
      quantity: 1.5,
      unitPrice: 200,
      discountKind: 'percent',
      discount: 12.5,
      note: 'Inclui deslocamento',
    });
  });

  it('keeps typed installments while the terms stay empty, and replans once terms are typed', () => {
    const order = {
      id: 'o1',
      number: 7,
      customerId: 'c1',
      customerName: 'Padaria',
      date: '2026-07-01',
      salespersonId: 'u1',
      paymentTerms: '',
      installments: [
        { number: 1, dueDate: '2026-07-10', amount: 100 },
        { number: 2, dueDate: '2026-08-25', amount: 200 },
      ],
      project: '',
      contractTitle: '',
      generateOpportunity: false,
      items: [{ id: 'A1', kind: 'service', description: 'Visita', quantity: 3, unitPrice: 100, discountKind: 'none', discount: 0 }],
    } as unknown as SalesOrder;
    const draft = orderToDraft(order);
    expect(installmentsPreview(draft).installments.map((p) => p.dueDate)).toEqual(['2026-07-10', '2026-08-25']);
    expect(orderInput(draft).paymentTerms).toBeNull();
    const withTerms = { ...draft, paymentTerms: '30' };
    expect(installmentsPreview(withTerms).installments).toEqual([{ number: 1, dueDate: '2026-07-31', amount: 300 }]);
    expect(orderInput(withTerms).paymentTerms).toBe('30');
  });

  it('keeps an order’s billed and generated lines from being removed', () => {
    const order = {
      id: 'o1',
      number: 7,
      customerId: 'c1',
      customerName: 'Padaria',
      date: '2026-07-01',
      salespersonId: 'u1',
      paymentTerms: '30',
      installments: [],
      project: '',
      contractTitle: '',
      generateOpportunity: true,
      items: [{ id: 'A1', kind: 'service', description: 'Visita', quantity: 15, unitPrice: 100, discountKind: 'none', discount: 0, tasksGenerated: 15, billedQuantity: 0 }],
    } as unknown as SalesOrder;
    const draft = orderToDraft(order);
    expect(draft.paymentTerms).toBe('30');
    expect(removalBlocker(draft.items[0]!)).toBe('O item "Visita" já gerou 15 tarefa(s) no CRM e não pode ser removido.');
  });
});
