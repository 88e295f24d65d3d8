import type { LookupOption } from '../ui/Lookup';
import { itemInput, itemToDraft, validateItems, type ItemDraft } from '../salesOrders/itemDraft';
import type { ServiceOrder, ServiceOrderInput } from './serviceOrdersApi';

export interface ServiceOrderDraft {
  customer: LookupOption | null;
  date: string | null;
  expectedDate: string | null;
  description: string;
  notes: string;
  items: ItemDraft[];
  /** Kept as they are: set when the order came from an opportunity or a contract. */
  contractId: string | null;
  opportunityId: string | null;
}

export function newServiceOrderDraft(today: string): ServiceOrderDraft {
  return { customer: null, date: today, expectedDate: null, description: '', notes: '', items: [], contractId: null, opportunityId: null };
}

export function serviceOrderToDraft(o: ServiceOrder): ServiceOrderDraft {
  return {
    customer: { id: o.customerId, label: o.customerName },
    date: o.date,
    expectedDate: o.expectedDate ?? null,
    description: o.description ?? '',
    notes: o.notes ?? '',
    items: o.items.map(itemToDraft),
    contractId: o.contractId ?? null,
    opportunityId: o.opportunityId ?? null,
  };
}

export function validateServiceOrder(d: ServiceOrderDraft): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!d.customer) errors['customerId'] = 'Escolha o cliente.';
  if (!d.date) errors['date'] = 'Informe a data da ordem de serviço.';
  if (d.date && d.expectedDate && d.expectedDate < d.date) errors['expectedDate'] = 'A previsão deve ser igual ou posterior à data da ordem.';
  if (d.description.trim().length > 4000) errors['description'] = 'A descrição deve ter no máximo 4000 caracteres.';
  if (d.notes.trim().length > 2000) errors['notes'] = 'As observações devem ter no máximo 2000 caracteres.';
  return { ...errors, ...validateItems(d.items, { servicesOnly: true }) };
}

export function serviceOrderInput(d: ServiceOrderDraft): ServiceOrderInput {
  return {
    customerId: d.customer?.id ?? null,
    date: d.date,
    expectedDate: d.expectedDate,
    description: d.description.trim() || null,
    notes: d.notes.trim() || null,
    contractId: d.contractId,
    opportunityId: d.opportunityId,
    items: d.items.map(itemInput),
  };
}
