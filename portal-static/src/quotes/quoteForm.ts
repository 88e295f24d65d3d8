import { addDays } from '../format/date';
import type { LookupOption } from '../ui/Lookup';
import { itemInput, itemToDraft, validateItems, type ItemDraft } from '../salesOrders/itemDraft';
import { parsePaymentTerms } from '../salesOrders/installments';
import type { ConvertQuoteInput, Quote, QuoteInput } from './quotesApi';

/** Default validity of a new quote, as the server's (QuoteRules.DefaultValidityDays). */
export const DEFAULT_VALIDITY_DAYS = 30;

export interface QuoteDraft {
  customer: LookupOption | null;
  date: string | null;
  validUntil: string | null;
  notes: string;
  items: ItemDraft[];
}

export function newQuoteDraft(today: string): QuoteDraft {
  return { customer: null, date: today, validUntil: addDays(today, DEFAULT_VALIDITY_DAYS), notes: '', items: [] };
}

export function quoteToDraft(q: Quote): QuoteDraft {
  return { customer: { id: q.customerId, label: q.customerName }, date: q.date, validUntil: q.validUntil, notes: q.notes ?? '', items: q.items.map(itemToDraft) };
}

export function validateQuote(d: QuoteDraft): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!d.customer) errors['customerId'] = 'Escolha o cliente.';
  if (!d.date) errors['date'] = 'Informe a data do orçamento.';
  if (d.date && d.validUntil && d.validUntil < d.date) errors['validUntil'] = 'A validade do orçamento não pode ser anterior à data do orçamento.';
  if (d.notes.trim().length > 2000) errors['notes'] = 'As observações devem ter no máximo 2000 caracteres.';
  return { ...errors, ...validateItems(d.items) };
}

export function quoteInput(d: QuoteDraft): QuoteInput {
  return { customerId: d.customer?.id ?? null, date: d.date, validUntil: d.validUntil, notes: d.notes.trim() || null, items: d.items.map(itemInput) };
}

export interface ConvertDraft {
  paymentTerms: string;
  paymentMethod: string;
  generateOpportunity: boolean;
  project: string;
}

export function validateConversion(d: ConvertDraft): Record<string, string> {
  const terms = parsePaymentTerms(d.paymentTerms);
  return terms.error ? { paymentTerms: terms.error } : {};
}

export function conversionInput(d: ConvertDraft, integrationEnabled: boolean): ConvertQuoteInput {
  return {
    generateOpportunity: integrationEnabled ? d.generateOpportunity : null,
    paymentTerms: d.paymentTerms.trim() || '0',
    paymentMethod: d.paymentMethod.trim() || null,
    salespersonId: null,
    project: d.project.trim() || null,
    contractId: null,
  };
}
