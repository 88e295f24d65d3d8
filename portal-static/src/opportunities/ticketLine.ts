import { formatDecimalBR, lineAmounts, lineError, parseDecimalBR, type DiscountKind, type LineAmounts, type LineInput } from '../format/lineMath';
import type { LookupOption } from '../ui/Lookup';
import type { TicketLine, TicketLineInput, TicketLineKind } from './opportunitiesApi';

/** A ticket line in the line dialog: texts as typed; the numbers are read by ticketLineNumbers. */
export interface TicketLineDraft {
  kind: TicketLineKind;
  /** The catalogue service or product. */
  item: LookupOption | null;
  description: string;
  categoryId: string;
  quantity: string;
  unitPrice: number | null;
  discountKind: DiscountKind;
  discount: string;
}

export function newTicketLine(kind: TicketLineKind): TicketLineDraft {
  return { kind, item: null, description: '', categoryId: '', quantity: '1', unitPrice: null, discountKind: 'none', discount: '' };
}

export function ticketLineToDraft(line: TicketLine): TicketLineDraft {
  const kind: TicketLineKind = line.kind === 'product' ? 'product' : 'service';
  const itemId = kind === 'product' ? line.productId : line.serviceId;
  const discountKind: DiscountKind = line.discountKind === 'percent' || line.discountKind === 'amount' ? line.discountKind : 'none';
  return {
    kind,
    item: itemId ? { id: itemId, label: line.description } : null,
    description: line.description ?? '',
    categoryId: line.categoryId ?? '',
    quantity: formatDecimalBR(line.quantity ?? 1),
    unitPrice: line.unitPrice ?? null,
    discountKind,
    discount: discountKind === 'none' ? '' : formatDecimalBR(line.discount ?? 0),
  };
}

export function ticketLineNumbers(d: TicketLineDraft): LineInput {
  return {
    quantity: parseDecimalBR(d.quantity) ?? Number.NaN,
    unitPrice: d.unitPrice ?? Number.NaN,
    discountKind: d.discountKind,
    discount: d.discountKind === 'none' ? 0 : (parseDecimalBR(d.discount) ?? Number.NaN),
  };
}

/** The line's amounts as the server will compute them (zero while the line is incomplete). */
export function ticketLineAmounts(d: TicketLineDraft): LineAmounts {
  return lineAmounts(ticketLineNumbers(d));
}

/** pt-BR messages keyed by the request's field names (serviceId/productId, quantity, unitPrice, discount…). */
export function validateTicketLine(d: TicketLineDraft): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!d.item) errors[d.kind === 'product' ? 'productId' : 'serviceId'] = d.kind === 'product' ? 'Escolha o produto.' : 'Escolha o serviço.';
  if (d.description.trim() === '') errors['description'] = 'Informe a descrição do item.';
  const n = ticketLineNumbers(d);
  if (parseDecimalBR(d.quantity) === null) errors['quantity'] = 'Informe a quantidade.';
  else if (n.quantity <= 0) errors['quantity'] = 'A quantidade deve ser maior que zero.';
  if (d.unitPrice === null) errors['unitPrice'] = 'Informe o valor unitário.';
  else if (d.unitPrice < 0) errors['unitPrice'] = 'O valor unitário não pode ser negativo.';
  if (d.discountKind !== 'none') {
    if (parseDecimalBR(d.discount) === null) errors['discount'] = 'Informe o desconto.';
    else if (!errors['quantity'] && !errors['unitPrice']) {
      const message = lineError(n);
      if (message) errors['discount'] = message;
    }
  }
  return errors;
}

export function ticketLineInput(d: TicketLineDraft): TicketLineInput {
  const n = ticketLineNumbers(d);
  return {
    kind: d.kind,
    serviceId: d.kind === 'service' ? (d.item?.id ?? null) : null,
    productId: d.kind === 'product' ? (d.item?.id ?? null) : null,
    description: d.description.trim(),
    categoryId: d.kind === 'service' && d.categoryId ? d.categoryId : null,
    quantity: n.quantity,
    unitPrice: n.unitPrice,
    discountKind: d.discountKind,
    discount: d.discountKind === 'none' ? 0 : n.discount,
  };
}

/** "10%" or "R$ 5,00" or "—", for the ticket table. */
export function discountText(line: Pick<TicketLine, 'discountKind' | 'discount'>, formatMoney: (v: number) => string): string {
  if (line.discountKind === 'percent') return `${formatDecimalBR(line.discount)}%`;
  if (line.discountKind === 'amount') return formatMoney(line.discount);
  return '—';
}
