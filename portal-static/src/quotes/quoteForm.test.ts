import { describe, expect, it } from 'vitest';
import { newItemDraft } from '../salesOrders/itemDraft';
import { conversionInput, newQuoteDraft, quoteInput, validateConversion, validateQuote } from './quoteForm';
import { quoteBadge, quoteFilterQuery } from './quotesApi';

describe('quote form', () => {
  it('starts valid for 30 days, like the server default', () => {
    expect(newQuoteDraft('2026-01-15')).toMatchObject({ date: '2026-01-15', validUntil: '2026-02-14' });
  });

  it('refuses a validity before the date and a missing customer', () => {
    const errors = validateQuote({ ...newQuoteDraft('2026-07-10'), validUntil: '2026-07-01' });
    expect(errors).toEqual({ customerId: 'Escolha o cliente.', validUntil: 'A validade do orçamento não pode ser anterior à data do orçamento.' });
  });

  it('sends the items with Brazilian quantities read as numbers', () => {
    const draft = { ...newQuoteDraft('2026-07-10'), customer: { id: 'c1', label: 'Padaria' }, items: [{ ...newItemDraft('product'), item: { id: 'p1', label: 'Filtro' }, quantity: '2,5', unitPrice: 10 }] };
    expect(quoteInput(draft).items[0]).toMatchObject({ kind: 'product', productId: 'p1', serviceId: null, description: 'Filtro', quantity: 2.5, unitPrice: 10 });
  });
});

describe('quote conversion', () => {
  it('checks the payment terms and sends "0" for cash, the opportunity choice only when the integration is on', () => {
    expect(validateConversion({ paymentTerms: '30/15', paymentMethod: '', generateOpportunity: false, project: '' })['paymentTerms']).toContain('crescentes');
    expect(conversionInput({ paymentTerms: '', paymentMethod: ' PIX ', generateOpportunity: true, project: '' }, false)).toEqual({
      generateOpportunity: null,
      paymentTerms: '0',
      paymentMethod: 'PIX',
      salespersonId: null,
      project: null,
      contractId: null,
    });
  });

  it('labels open quotes past their validity as expired and filters them through the API', () => {
    expect(quoteBadge({ status: 'Aberto', expired: true })).toBe('Vencido');
    expect(quoteBadge({ status: 'Convertido', expired: true })).toBe('Convertido');
    expect(quoteFilterQuery('vencidos')).toEqual({ status: 'Aberto', expired: true });
    expect(quoteFilterQuery('')).toEqual({});
  });
});
