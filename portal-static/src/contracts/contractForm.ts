import { collectErrors, requiredError } from '../auth/validation';
import { draftToValue, lineToDraft, validateLines, type ServiceLineDraft } from '../catalogue/serviceLines';
import { maxLengthError } from '../format/validation';
import { RECURRENCE_LABELS, type Contract, type ContractInput, type Recurrence } from './contractsApi';

export interface ContractForm {
  customer: { id: string; label: string } | null;
  title: string;
  startDate: string | null;
  endDate: string | null;
  recurrence: string;
  notes: string;
  items: ServiceLineDraft[];
}

export function contractToForm(c: Contract): ContractForm {
  return {
    customer: { id: c.customerId, label: c.customerName },
    title: c.title ?? '',
    startDate: c.startDate ?? null,
    endDate: c.endDate ?? null,
    recurrence: c.recurrence ?? 'monthly',
    notes: c.notes ?? '',
    items: (c.items ?? []).map((i) => lineToDraft(i)),
  };
}

export function validateContract(form: ContractForm): Record<string, string> {
  return {
    ...collectErrors({
      customerId: form.customer ? null : 'Escolha o cliente do contrato.',
      title: requiredError(form.title, 'Informe o título do contrato.') ?? maxLengthError(form.title.trim(), 200, 'O título'),
      startDate: form.startDate ? null : 'Informe o início da vigência (dd/mm/aaaa).',
      endDate: form.startDate && form.endDate && form.endDate < form.startDate ? 'O fim da vigência deve ser igual ou posterior ao início.' : null,
      recurrence: form.recurrence in RECURRENCE_LABELS ? null : 'Escolha a recorrência.',
      items: form.items.length === 0 ? 'Inclua pelo menos um item no contrato.' : null,
    }),
    ...validateLines(form.items, 'items', false),
  };
}

export function contractInput(form: ContractForm): ContractInput {
  return {
    customerId: form.customer?.id ?? '',
    title: form.title.trim(),
    startDate: form.startDate ?? '',
    endDate: form.endDate,
    recurrence: form.recurrence as Recurrence,
    notes: form.notes.trim(),
    items: form.items.map((d) => {
      const v = draftToValue(d);
      return { serviceId: v.serviceId, description: v.description, quantity: v.quantity, unitPrice: v.unitPrice, discountKind: d.discountKind, discount: v.discount };
    }),
  };
}
