import { formatDecimalBR, lineAmounts, lineError, parseDecimalBR, type DiscountKind, type LineAmounts, type LineInput } from '../format/lineMath';

/**
 * A service line being edited (solutions, contracts): texts as typed, so "1,5" or a half-typed
 * value never turns into NaN. `lineInputOf` reads it into numbers for the math and the request.
 */
export interface ServiceLineDraft {
  /** Local key for the list (lines have no id before they are saved). */
  key: string;
  serviceId: string | null;
  serviceLabel: string;
  description: string;
  categoryId: string;
  quantity: string;
  unitPrice: number | null;
  discountKind: DiscountKind;
  discount: string;
}

export interface ServiceLineValue {
  serviceId?: string | null;
  description: string;
  categoryId?: string | null;
  quantity: number;
  unitPrice: number;
  discountKind: DiscountKind | string;
  discount: number;
}

let counter = 0;
export function newLineKey(): string {
  counter += 1;
  return `l${Date.now().toString(36)}${counter}`;
}

export function emptyLine(): ServiceLineDraft {
  return { key: newLineKey(), serviceId: null, serviceLabel: '', description: '', categoryId: '', quantity: '1', unitPrice: null, discountKind: 'none', discount: '' };
}

export function lineToDraft(line: ServiceLineValue, serviceLabel?: string): ServiceLineDraft {
  const kind: DiscountKind = line.discountKind === 'percent' || line.discountKind === 'amount' ? line.discountKind : 'none';
  return {
    key: newLineKey(),
    serviceId: line.serviceId ?? null,
    serviceLabel: serviceLabel ?? line.description,
    description: line.description ?? '',
    categoryId: line.categoryId ?? '',
    quantity: formatDecimalBR(line.quantity ?? 1),
    unitPrice: line.unitPrice ?? null,
    discountKind: kind,
    discount: kind === 'none' ? '' : formatDecimalBR(line.discount ?? 0),
  };
}

/** The numbers of a draft; a text that is not a number becomes NaN (lineError explains it). */
export function lineInputOf(d: ServiceLineDraft): LineInput {
  return {
    quantity: parseDecimalBR(d.quantity) ?? Number.NaN,
    unitPrice: d.unitPrice ?? Number.NaN,
    discountKind: d.discountKind,
    discount: d.discountKind === 'none' ? 0 : (parseDecimalBR(d.discount) ?? Number.NaN),
  };
}

export function draftAmounts(d: ServiceLineDraft): LineAmounts {
  return lineAmounts(lineInputOf(d));
}

/**
 * Errors per line field, keyed as the server keys them (`lines[0].quantity`), so client and
 * server messages land next to the same input.
 */
export function validateLines(drafts: readonly ServiceLineDraft[], prefix: string, requireService: boolean): Record<string, string> {
  const errors: Record<string, string> = {};
  drafts.forEach((d, i) => {
    const at = (field: string) => `${prefix}[${i}].${field}`;
    if (requireService && !d.serviceId) errors[at('serviceId')] = 'Escolha o serviço.';
    if (d.description.trim() === '') errors[at('description')] = 'Informe a descrição do item.';
    const input = lineInputOf(d);
    if (parseDecimalBR(d.quantity) === null) errors[at('quantity')] = 'Informe a quantidade.';
    else if (input.quantity <= 0) errors[at('quantity')] = 'A quantidade deve ser maior que zero.';
    if (d.unitPrice === null) errors[at('unitPrice')] = 'Informe o valor unitário.';
    else if (d.unitPrice < 0) errors[at('unitPrice')] = 'O valor unitário não pode ser negativo.';
    if (d.discountKind !== 'none') {
      if (parseDecimalBR(d.discount) === null) errors[at('discount')] = 'Informe o desconto.';
      else if (!errors[at('quantity')] && !errors[at('unitPrice')]) {
        const message = lineError(input);
        if (message) errors[at('discount')] = message;
      }
    }
  });
  return errors;
}

/** The request's line: numbers, optional ids as null. */
export function draftToValue(d: ServiceLineDraft): ServiceLineValue & { categoryId: string | null; serviceId: string | null } {
  const input = lineInputOf(d);
  return {
    serviceId: d.serviceId,
    description: d.description.trim(),
    categoryId: d.categoryId === '' ? null : d.categoryId,
    quantity: input.quantity,
    unitPrice: input.unitPrice,
    discountKind: d.discountKind,
    discount: d.discountKind === 'none' ? 0 : input.discount,
  };
}
