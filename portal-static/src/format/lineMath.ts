/**
 * Document line amounts computed exactly as the server's Money.LineTotal does with C# decimal:
 * gross = round(quantity × unit price); discount = round(gross × percent / 100) or round(amount);
 * total = gross − discount; document totals are sums of the already rounded lines. Rounding is to
 * centavos, half away from zero.
 *
 * JavaScript numbers are binary floating point (3 × 0,1 is not 0,3), so the arithmetic runs on
 * BigInt fixed-point values: every input is read back as the decimal the user typed (at most 10
 * decimal places) and only the final centavos are turned into a number again.
 */

export type DiscountKind = 'none' | 'percent' | 'amount';

export interface LineInput {
  quantity: number;
  unitPrice: number;
  discountKind: DiscountKind;
  discount: number;
}

export interface LineAmounts {
  gross: number;
  discount: number;
  total: number;
}

const SCALE = 10;
const ONE = 10n ** BigInt(SCALE);

/** The number as an integer count of 10^-10 units (19.99 → 199900000000). */
function fixed(value: number): bigint {
  if (!Number.isFinite(value)) throw new RangeError('Valor numérico inválido.');
  // toFixed rounds the binary value to 10 places, which recovers the decimal that was typed.
  const text = value.toFixed(SCALE);
  const negative = text.startsWith('-');
  const digits = (negative ? text.slice(1) : text).replace('.', '');
  const scaled = BigInt(digits);
  return negative ? -scaled : scaled;
}

/** numerator / denominator rounded to an integer, half away from zero (denominator > 0). */
function divideRounded(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n;
  const abs = negative ? -numerator : numerator;
  const quotient = (abs * 2n + denominator) / (denominator * 2n);
  return negative ? -quotient : quotient;
}

function centsToNumber(cents: bigint): number {
  return Number(cents) / 100;
}

/** Rounds to centavos half away from zero, exactly (2.675 → 2.68, 1.005 → 1.01). */
export function roundMoney(value: number): number {
  return centsToNumber(divideRounded(fixed(value), ONE / 100n));
}

function grossCents(quantity: number, unitPrice: number): bigint {
  // quantity × price has scale 20; centavos have scale 2.
  return divideRounded(fixed(quantity) * fixed(unitPrice), ONE * ONE / 100n);
}

function discountCents(gross: bigint, kind: DiscountKind, discount: number): bigint {
  if (kind === 'percent') return divideRounded(gross * fixed(discount), ONE * 100n);
  if (kind === 'amount') return divideRounded(fixed(discount), ONE / 100n);
  return 0n;
}

/** Null when the line is valid, else the server's pt-BR message for it. */
export function lineError(line: LineInput): string | null {
  const { quantity, unitPrice, discountKind, discount } = line;
  if (!Number.isFinite(quantity) || quantity <= 0) return 'A quantidade deve ser maior que zero.';
  if (!Number.isFinite(unitPrice)) return 'Informe o valor unitário.';
  if (unitPrice < 0) return 'O valor unitário não pode ser negativo.';
  if (discountKind !== 'none' && discountKind !== 'percent' && discountKind !== 'amount') return 'Tipo de desconto inválido.';
  if (discountKind === 'none') return null;
  if (!Number.isFinite(discount)) return 'Informe o desconto.';
  if (discount < 0) return 'O desconto não pode ser negativo.';
  if (discountKind === 'percent' && discount > 100) return 'O desconto percentual não pode ser maior que 100%.';
  const gross = grossCents(quantity, unitPrice);
  if (discountCents(gross, discountKind, discount) > gross) return 'O desconto não pode ser maior que o valor bruto do item.';
  return null;
}

/** Amounts of one line. An invalid line (see lineError) counts as zero so live totals never show NaN. */
export function lineAmounts(line: LineInput): LineAmounts {
  if (lineError(line) !== null) return { gross: 0, discount: 0, total: 0 };
  const gross = grossCents(line.quantity, line.unitPrice);
  const discount = discountCents(gross, line.discountKind, line.discount);
  return { gross: centsToNumber(gross), discount: centsToNumber(discount), total: centsToNumber(gross - discount) };
}

/** Document totals: sums of the rounded line amounts (so the printed total equals the sum of printed lines). */
export function documentTotals(lines: readonly LineInput[]): LineAmounts {
  let gross = 0n;
  let discount = 0n;
  for (const line of lines) {
    if (lineError(line) !== null) continue;
    const g = grossCents(line.quantity, line.unitPrice);
    gross += g;
    discount += discountCents(g, line.discountKind, line.discount);
  }
  return { gross: centsToNumber(gross), discount: centsToNumber(discount), total: centsToNumber(gross - discount) };
}

export const DISCOUNT_KIND_OPTIONS: readonly { value: DiscountKind; label: string }[] = [
  { value: 'none', label: 'Sem desconto' },
  { value: 'percent', label: 'Percentual (%)' },
  { value: 'amount', label: 'Valor (R$)' },
];

/** Reads a quantity or percentage typed the Brazilian way ("1,5", "1.000", "12,345"); null if not a number. */
export function parseDecimalBR(text: string): number | null {
  const s = text.replace(/[\s\u00a0%]/g, '');
  if (s === '') return null;
  let normalized: string;
  if (s.includes(',')) {
    if (!/^-?(\d{1,3}(\.\d{3})+|\d+),\d*$/.test(s)) return null;
    normalized = s.replace(/\./g, '').replace(',', '.');
  } else if (/^-?\d{1,3}(\.\d{3})+$/.test(s)) {
    normalized = s.replace(/\./g, '');
  } else if (/^-?\d+(\.\d+)?$/.test(s)) {
    normalized = s;
  } else {
    return null;
  }
  const value = Number(normalized.endsWith('.') ? normalized.slice(0, -1) : normalized);
  return Number.isFinite(value) ? value : null;
}

const decimalFormatter = new Intl.NumberFormat('pt-BR', { maximumFractionDigits: 4 });

/** 1.5 → "1,5"; 1000 → "1.000". */
export function formatDecimalBR(value: number): string {
  return decimalFormatter.format(value);
}
