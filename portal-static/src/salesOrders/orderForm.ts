import { documentTotals } from '../format/lineMath';
import type { LookupOption } from '../ui/Lookup';
import { parsePaymentTerms, planInstallments, type PlannedInstallment } from './installments';
import { itemInput, itemNumbers, itemToDraft, validateItems, type ItemDraft } from './itemDraft';
import type { SalesOrder, SalesOrderDefaults, SalesOrderInput } from './salesOrdersApi';

export const MAX_PROJECT = 200;
export const MAX_NOTES = 2000;
export const MAX_PAYMENT_METHOD = 100;

/** The order form (capa + itens) as typed. */
export interface OrderDraft {
  customer: LookupOption | null;
  date: string | null;
  validUntil: string | null;
  salespersonId: string;
  paymentTerms: string;
  paymentMethod: string;
  project: string;
  contract: LookupOption | null;
  notes: string;
  generateOpportunity: boolean;
  items: ItemDraft[];
  /**
   * Installments typed for the order (no "30/60/90" terms): kept while the terms stay empty, so saving the header does
   * not replace them with a single payment. The server splits a new total over their due dates.
   */
  keptInstallments: PlannedInstallment[] | null;
}

export function newOrderDraft(today: string, defaults: SalesOrderDefaults | undefined, salespersonId: string): OrderDraft {
  return {
    customer: null,
    date: today,
    validUntil: null,
    salespersonId,
    paymentTerms: defaults?.paymentTerms && defaults.paymentTerms !== '0' ? defaults.paymentTerms : '',
    paymentMethod: '',
    project: '',
    contract: null,
    notes: '',
    generateOpportunity: defaults ? defaults.integrationEnabled && defaults.generateOpportunity : false,
    items: [],
    keptInstallments: null,
  };
}

export function orderToDraft(o: SalesOrder): OrderDraft {
  return {
    customer: { id: o.customerId, label: o.customerName },
    date: o.date,
    validUntil: o.validUntil ?? null,
    salespersonId: o.salespersonId,
    paymentTerms: o.paymentTerms === '0' ? '' : o.paymentTerms,
    paymentMethod: o.paymentMethod ?? '',
    project: o.project ?? '',
    contract: o.contractId ? { id: o.contractId, label: contractLabel(o.contractNumber, o.contractTitle) } : null,
    notes: o.notes ?? '',
    generateOpportunity: o.generateOpportunity,
    items: o.items.map(itemToDraft),
    keptInstallments: o.paymentTerms === '' && o.installments.length > 0 ? o.installments : null,
  };
}

export function contractLabel(number: number | null | undefined, title: string | null | undefined): string {
  return [number ? `Contrato nº ${number}` : 'Contrato', title].filter(Boolean).join(' · ');
}

export function draftTotals(d: Pick<OrderDraft, 'items'>) {
  return documentTotals(d.items.map(itemNumbers));
}

/** The installments preview: what the server will plan from the terms, the order date and the items' total. */
export function installmentsPreview(d: Pick<OrderDraft, 'items' | 'date' | 'paymentTerms' | 'keptInstallments'>): { installments: PlannedInstallment[]; error: string | null } {
  if (keepsTypedInstallments(d)) return { installments: d.keptInstallments!, error: null };
  const terms = parsePaymentTerms(d.paymentTerms);
  if (terms.error !== null) return { installments: [], error: terms.error };
  if (!d.date) return { installments: [], error: null };
  const total = draftTotals(d).total;
  const installments = planInstallments(total, d.date, terms.days);
  if (total > 0 && installments.length === 0) return { installments, error: `O valor total é pequeno demais para ${terms.days.length} parcelas.` };
  return { installments, error: null };
}

function keepsTypedInstallments(d: Pick<OrderDraft, 'paymentTerms' | 'keptInstallments'>): boolean {
  return d.keptInstallments !== null && d.paymentTerms.trim() === '';
}

/** Field errors keyed like the server's (`customerId`, `paymentTerms`, `items[0].quantity`). */
export function validateOrder(d: OrderDraft, options: { showProjectAndContract: boolean }): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!d.customer) errors['customerId'] = 'Escolha o cliente.';
  if (!d.date) errors['date'] = 'Informe a data do pedido.';
  if (d.date && d.validUntil && d.validUntil < d.date) errors['validUntil'] = 'A validade deve ser igual ou posterior à data do pedido.';
  const preview = installmentsPreview(d);
  if (preview.error) errors['paymentTerms'] = preview.error;
  if (d.paymentMethod.trim().length > MAX_PAYMENT_METHOD) errors['paymentMethod'] = `A forma de pagamento deve ter no máximo ${MAX_PAYMENT_METHOD} caracteres.`;
  if (options.showProjectAndContract && d.project.trim().length > MAX_PROJECT) errors['project'] = `O projeto deve ter no máximo ${MAX_PROJECT} caracteres.`;
  if (d.notes.trim().length > MAX_NOTES) errors['notes'] = `As observações devem ter no máximo ${MAX_NOTES} caracteres.`;
  return { ...errors, ...validateItems(d.items) };
}

/** Project and contract are sent even when the settings hide them, so an order keeps what it already had. */
export function orderInput(d: OrderDraft): SalesOrderInput {
  return {
    customerId: d.customer?.id ?? null,
    date: d.date,
    validUntil: d.validUntil,
    salespersonId: d.salespersonId || null,
    // No terms and no installments: the server keeps the order's typed installments.
    paymentTerms: keepsTypedInstallments(d) ? null : d.paymentTerms.trim() || '0',
    paymentMethod: d.paymentMethod.trim() || null,
    installments: null,
    project: d.project.trim() || null,
    contractId: d.contract?.id ?? null,
    notes: d.notes.trim() || null,
    generateOpportunity: d.generateOpportunity,
    items: d.items.map(itemInput),
  };
}
