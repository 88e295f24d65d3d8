import { describe, expect, it } from 'vitest';
import { emptyLine } from '../catalogue/serviceLines';
import { contractInput, validateContract, type ContractForm } from './contractForm';

const item = { ...emptyLine(), description: 'Manutenção preventiva', quantity: '12', unitPrice: 850 };
const form: ContractForm = { customer: { id: 'c1', label: 'Acme' }, title: 'Manutenção 2026', startDate: '2026-01-01', endDate: '2026-12-31', recurrence: 'monthly', notes: '', items: [item] };

describe('contract form', () => {
  it('accepts a contract with a customer, a period and items', () => {
    expect(validateContract(form)).toEqual({});
    expect(validateContract({ ...form, endDate: null })).toEqual({});
  });

  it('explains what is missing', () => {
    expect(validateContract({ ...form, customer: null, title: '', startDate: null, recurrence: 'weekly', items: [] })).toEqual({
      customerId: 'Escolha o cliente do contrato.',
      title: 'Informe o título do contrato.',
      startDate: 'Informe o início da vigência (dd/mm/aaaa).',
      recurrence: 'Escolha a recorrência.',
      items: 'Inclua pelo menos um item no contrato.',
    });
  });

  it('refuses an end before the start and bad items, keyed by item', () => {
    expect(validateContract({ ...form, endDate: '2025-12-31', items: [{ ...item, quantity: 'abc' }] })).toEqual({
      endDate: 'O fim da vigência deve ser igual ou posterior ao início.',
      'items[0].quantity': 'Informe a quantidade.',
    });
  });

  it('sends items as numbers, without category, and free-text items without a service', () => {
    expect(contractInput(form)).toEqual({
      customerId: 'c1',
      title: 'Manutenção 2026',
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      recurrence: 'monthly',
      notes: '',
      items: [{ serviceId: null, description: 'Manutenção preventiva', quantity: 12, unitPrice: 850, discountKind: 'none', discount: 0 }],
    });
  });
});
