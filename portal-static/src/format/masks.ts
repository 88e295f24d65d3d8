import { normalizeTaxId } from './taxId';

/**
 * Input masks applied as the user types. Each takes whatever is in the field (possibly already
 * masked, possibly pasted) and returns the masked text, dropping characters that cannot belong.
 */

/** Puts `raw` into `pattern`, where '#' is a slot; literals are written only when a slot follows them. */
function fill(raw: string, pattern: string): string {
  let out = '';
  let i = 0;
  for (const ch of pattern) {
    if (i >= raw.length) break;
    if (ch === '#') out += raw[i++];
    else out += ch;
  }
  return out;
}

export function maskCpf(text: string): string {
  return fill(text.replace(/\D/g, '').slice(0, 11), '###.###.###-##');
}

/**
 * Alphanumeric CNPJ: the first 12 positions take [0-9A-Z], the last 2 only digits.
 * Letters typed in lower case are upper-cased.
 */
export function maskCnpj(text: string): string {
  const chars = normalizeTaxId(text);
  let value = '';
  for (const ch of chars) {
    if (value.length < 12) value += ch;
    else if (value.length < 14 && /\d/.test(ch)) value += ch;
  }
  return fill(value, '##.###.###/####-##');
}

/**
 * One field for CPF or CNPJ: up to 11 digits it is a CPF; a 12th character or any letter makes it a CNPJ.
 */
export function maskTaxId(text: string): string {
  const value = normalizeTaxId(text);
  if (/^\d{0,11}$/.test(value)) return maskCpf(value);
  return maskCnpj(value);
}

/** "(11) 98765-4321" for mobiles, "(11) 3456-7890" for landlines. */
export function maskPhone(text: string): string {
  let digits = text.replace(/\D/g, '');
  if (digits.length > 11 && digits.startsWith('55')) digits = digits.slice(2);
  digits = digits.slice(0, 11);
  if (digits.length <= 10) return fill(digits, '(##) ####-####');
  return fill(digits, '(##) #####-####');
}

/** "01310-100". */
export function maskCep(text: string): string {
  return fill(text.replace(/\D/g, '').slice(0, 8), '#####-###');
}

/** "15/07/2026" as the user types digits. */
export function maskDate(text: string): string {
  return fill(text.replace(/\D/g, '').slice(0, 8), '##/##/####');
}

/** Characters that carry meaning in a masked value (the rest is punctuation added by the mask). */
export function significantCount(text: string): number {
  return text.replace(/[^0-9A-Za-z]/g, '').length;
}

/**
 * Where the caret belongs in `masked` so that it stays after the same number of significant
 * characters as it was in the unmasked text.
 */
export function caretAfterSignificant(masked: string, significant: number): number {
  if (significant <= 0) return 0;
  let seen = 0;
  for (let i = 0; i < masked.length; i++) {
    if (/[0-9A-Za-z]/.test(masked[i]!)) {
      seen++;
      if (seen === significant) return i + 1;
    }
  }
  return masked.length;
}
