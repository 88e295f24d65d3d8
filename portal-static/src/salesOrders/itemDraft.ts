import { formatDecimalBR, lineAmounts, lineError, parseDecimalBR, type DiscountKind, type LineAmounts, type LineInput } from '../format/lineMath';
import type { LookupOption } from '../ui/Lookup';
import type { DocumentItem, DocumentItemInput, ItemKind } from './documentItems';

export const MAX_ITEMS = 100;
export const MAX_DESCRIPTION = 500;
export const MAX_NOTE = 500;

/** An item line in a document form: texts as typed; numbers are read by itemNumbers. */
export interface ItemDraft {
  /** Local key for the list; the server id of an existing line is `id`. */
  key: string;
  id: string | null;
  kind: ItemKind;
  item: LookupOption | null;
  description: string;
  quantity: string;
  unitPrice: number | null;
  discountKind: DiscountKind;
  discount: string;
  note: string;
  billedQuantity: number;
  tasksGenerated: number;
}

let nextKey = 0;
function newKey(): string {
  nextKey += 1;
  return `item-${nextKey}`;
}

export function newItemDraft(kind: ItemKind = 'service'): ItemDraft {
  return { key: newKey(), id: null, kind, item: null, description: '', quantity: '1', unitPrice: null, discountKind: 'none', discount: '', note: '', billedQuantity: 0, tasksGenerated: 0 };
}

export function itemToDraft(line: DocumentItem): ItemDraft {
  const kind: ItemKind = line.kind === 'product' ? 'product' : 'service';
  const itemId = kind === 'product' ? line.productId : line.serviceId;
  const discountKind: DiscountKind = line.discountKind === 'percent' || line.discountKind === 'amount' ? line.discountKind : 'none';
  return {
    key: newKey(),
    id: line.id,
    kind,
    item: itemId ? { id: itemId, label: line.description, detail: line.code || undefined } : null,
    description: line.description ?? '',
    quantity: formatDecimalBR(line.quantity ?? 1),
    unitPrice: line.unitPrice ?? null,
    discountKind,
    discount: discountKind === 'none' ? '' : formatDecimalBR(line.discount ?? 0),
    note: line.note ?? '',
    billedQuantity: line.billedQuantity ?? 0,
    tasksGenerated: line.tasksGenerated ?? 0,
  };
}

export function itemNumbers(d: ItemDraft): LineInput {
  return {
    quantity: parseDecimalBR(d.quantity) ?? Number.NaN,
    unitPrice: d.unitPrice ?? Number.NaN,
    discountKind: d.discountKind,
    discount: d.discountKind === 'none' ? 0 : (parseDecimalBR(d.discount) ?? Number.NaN),
  };
}

/** The line's amounts as the server computes them (zero while the line is incomplete). */
export function itemAmounts(d: ItemDraft): LineAmounts {
  return lineAmounts(itemNumbers(d));
}

/**
 * pt-BR messages keyed by the request's field names (`items[0].quantity`…), the keys the server's validation uses,
 * so client and server errors land on the same inputs.
 */
export function validateItems(items: readonly ItemDraft[], options: { servicesOnly?: boolean } = {}): Record<string, string> {
  const errors: Record<string, string> = {};
  if (items.length > MAX_ITEMS) errors['items'] = `Um documento pode ter no máximo ${MAX_ITEMS} itens.`;
  items.forEach((d, index) => {
    const f = (name: string) => `items[${index}].${name}`;
    const n = index + 1;
    if (options.servicesOnly && d.kind !== 'service') errors[f('kind')] = `Item ${n}: uma ordem de serviço aceita apenas serviços.`;
    if (d.kind === 'product' && !d.item) errors[f('productId')] = `Item ${n}: informe o produto.`;
    const description = d.description.trim() || d.item?.label || '';
    if (description === '') errors[f('description')] = `Item ${n}: informe a descrição.`;
    else if (description.length > MAX_DESCRIPTION) errors[f('description')] = `Item ${n}: a descrição deve ter no máximo ${MAX_DESCRIPTION} caracteres.`;
    if (d.note.trim().length > MAX_NOTE) errors[f('note')] = `Item ${n}: a informação ao cliente deve ter no máximo ${MAX_NOTE} caracteres.`;
    const numbers = itemNumbers(d);
    if (parseDecimalBR(d.quantity) === null) errors[f('quantity')] = `Item ${n}: informe a quantidade.`;
    else if (numbers.quantity <= 0) errors[f('quantity')] = `Item ${n}: a quantidade deve ser maior que zero.`;
    else if (numbers.quantity < d.billedQuantity) errors[f('quantity')] = `Item ${n}: a quantidade não pode ser menor que a já faturada (${formatDecimalBR(d.billedQuantity)}).`;
    else if (d.tasksGenerated > 0 && Math.ceil(numbers.quantity) < d.tasksGenerated)
      errors[f('quantity')] = `Item ${n}: o item já gerou ${d.tasksGenerated} tarefa(s) no CRM; a quantidade não pode ser menor.`;
    if (d.unitPrice === null) errors[f('unitPrice')] = `Item ${n}: informe o valor unitário.`;
    else if (d.unitPrice < 0) errors[f('unitPrice')] = `Item ${n}: o valor unitário não pode ser negativo.`;
    if (d.discountKind !== 'none') {
      if (parseDecimalBR(d.discount) === null) errors[f('discount')] = `Item ${n}: informe o desconto.`;
      else if (!errors[f('quantity')] && !errors[f('unitPrice')]) {
        const message = lineError(numbers);
        if (message) errors[f('discount')] = `Item ${n}: ${message[0]!.toLowerCase()}${message.slice(1)}`;
      }
    }
  });
  return errors;
}

export function itemInput(d: ItemDraft): DocumentItemInput {
  const n = itemNumbers(d);
  return {
    id: d.id,
    kind: d.kind,
    serviceId: d.kind === 'service' ? (d.item?.id ?? null) : null,
    productId: d.kind === 'product' ? (d.item?.id ?? null) : null,
    description: d.description.trim() || d.item?.label || '',
    quantity: n.quantity,
    unitPrice: n.unitPrice,
    discountKind: d.discountKind,
    discount: d.discountKind === 'none' ? 0 : n.discount,
    note: d.note.trim() || null,
  };
}

/** A line that billing or the CRM step already used cannot be removed (the server refuses it too). */
export function removalBlocker(d: ItemDraft): string | null {
  if (d.billedQuantity > 0) return `O item "${d.description}" já foi faturado e não pode ser removido.`;
  if (d.tasksGenerated > 0) return `O item "${d.description}" já gerou ${d.tasksGenerated} tarefa(s) no CRM e não pode ser removido.`;
  return null;
}

/** "10%" or "R$ 5,00" or "—". */
export function discountText(line: { discountKind: DiscountKind | string; discount: number }, formatMoney: (v: number) => string): string {
  if (line.discountKind === 'percent') return `${formatDecimalBR(line.discount)}%`;
  if (line.discountKind === 'amount') return formatMoney(line.discount);
  return '—';
}
