import { describe, expect, it } from 'vitest';
import { ticketTotalsOf, type TicketLine } from './opportunitiesApi';
import { lostReasonError, opportunityInput, validateOpportunity } from './opportunityForm';
import { discountText, newTicketLine, ticketLineAmounts, ticketLineInput, ticketLineToDraft, validateTicketLine } from './ticketLine';

const line = (over: Partial<TicketLine>): TicketLine => ({ id: 'l1', kind: 'service', serviceId: 's1', description: 'Preventiva', quantity: 1, unitPrice: 100, discountKind: 'none', discount: 0, ...over });

describe('ticket line dialog', () => {
  it('computes the line total live as the user types, with the server rounding', () => {
    const draft = { ...newTicketLine('service'), item: { id: 's1', label: 'Preventiva' }, description: 'Preventiva', quantity: '3', unitPrice: 33.33, discountKind: 'percent' as const, discount: '15' };
    expect(ticketLineAmounts(draft)).toEqual({ gross: 99.99, discount: 15, total: 84.99 });
    expect(ticketLineAmounts({ ...draft, quantity: '' })).toEqual({ gross: 0, discount: 0, total: 0 });
  });

  it('asks for the catalogue item of the line kind and explains bad numbers', () => {
    expect(validateTicketLine({ ...newTicketLine('product'), quantity: '0', unitPrice: -1 })).toEqual({
      productId: 'Escolha o produto.',
      description: 'Informe a descrição do item.',
      quantity: 'A quantidade deve ser maior que zero.',
      unitPrice: 'O valor unitário não pode ser negativo.',
    });
    const draft = { ...newTicketLine('service'), item: { id: 's1', label: 'x' }, description: 'x', quantity: '1', unitPrice: 10 };
    expect(validateTicketLine({ ...draft, discountKind: 'percent', discount: '101' })).toEqual({ discount: 'O desconto percentual não pode ser maior que 100%.' });
    expect(validateTicketLine({ ...draft, discountKind: 'amount', discount: '10' })).toEqual({});
  });

  it('sends the item id under the field of its kind; products carry no category', () => {
    const product = { ...newTicketLine('product'), item: { id: 'p1', label: 'Nobreak' }, description: 'Nobreak', categoryId: 'c1', quantity: '2', unitPrice: 1290.9 };
    expect(ticketLineInput(product)).toEqual({ kind: 'product', serviceId: null, productId: 'p1', description: 'Nobreak', categoryId: null, quantity: 2, unitPrice: 1290.9, discountKind: 'none', discount: 0 });
    const service = { ...product, kind: 'service' as const, item: { id: 's1', label: 'Preventiva' } };
    expect(ticketLineInput(service)).toMatchObject({ serviceId: 's1', productId: null, categoryId: 'c1' });
  });

  it('opens a saved line for editing with Brazilian number texts', () => {
    expect(ticketLineToDraft(line({ quantity: 1.5, discountKind: 'percent', discount: 12.5 }))).toMatchObject({ kind: 'service', item: { id: 's1' }, quantity: '1,5', discount: '12,5' });
  });

  it('shows the discount as percent or reais', () => {
    const money = (v: number) => `R$ ${v}`;
    expect(discountText(line({ discountKind: 'percent', discount: 10 }), money)).toBe('10%');
    expect(discountText(line({ discountKind: 'amount', discount: 5 }), money)).toBe('R$ 5');
    expect(discountText(line({}), money)).toBe('—');
  });
});

describe('ticket totals', () => {
  it('sums the rounded lines, whether the API sends lines or ticket.lines', () => {
    const lines = [line({ quantity: 12, unitPrice: 850, discountKind: 'percent', discount: 10 }), line({ id: 'l2', quantity: 15, unitPrice: 145.5, discountKind: 'amount', discount: 100 })];
    const expected = { gross: 12382.5, discount: 1120, total: 11262.5 };
    expect(ticketTotalsOf({ lines })).toEqual(expected);
    expect(ticketTotalsOf({ ticket: { lines } })).toEqual(expected);
    expect(ticketTotalsOf({})).toEqual({ gross: 0, discount: 0, total: 0 });
  });
});

describe('opportunity form', () => {
  const form = { title: 'Manutenção', account: { id: 'a1', label: 'Acme' }, contactId: '', ownerId: 'u1', stageId: 'st1', expectedCloseDate: null, solution: null, project: '', notes: '' };

  it('requires title, account, owner and stage', () => {
    expect(validateOpportunity(form)).toEqual({});
    expect(validateOpportunity({ ...form, title: '', account: null, ownerId: '', stageId: '' })).toEqual({
      title: 'Informe o título da oportunidade.',
      accountId: 'Escolha a conta.',
      ownerId: 'Escolha o responsável.',
      stageId: 'Escolha a etapa do pipeline.',
    });
  });

  it('sends the chosen records as ids', () => {
    expect(opportunityInput({ ...form, solution: { id: 'so1', label: 'Pacote' }, project: ' Expansão ' })).toEqual({
      title: 'Manutenção',
      accountId: 'a1',
      contactId: null,
      ownerId: 'u1',
      stageId: 'st1',
      expectedCloseDate: null,
      solutionId: 'so1',
      project: 'Expansão',
      notes: null,
    });
  });

  it('requires the reason to lose an opportunity', () => {
    expect(lostReasonError(' ')).toBe('Informe o motivo da perda.');
    expect(lostReasonError('Preço')).toBeNull();
  });
});
