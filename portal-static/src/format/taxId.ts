/**
 * CPF and CNPJ: normalisation, check digits and display masks.
 *
 * From July 2026 the CNPJ may be alphanumeric: 12 characters [0-9A-Z] followed by 2 numeric check
 * digits. Each character is worth its ASCII code minus 48 (so '0'..'9' keep their value and 'A' is
 * 17), and the check digits use the same modulo-11 weights as the numeric CNPJ. A numeric CNPJ is
 * therefore just a special case of the alphanumeric one.
 */

const CNPJ_WEIGHTS_1 = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
const CNPJ_WEIGHTS_2 = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];

/** Removes punctuation and spaces and upper-cases letters: "12.abc.345/01de-35" → "12ABC34501DE35". */
export function normalizeTaxId(text: string): string {
  return text.toUpperCase().replace(/[^0-9A-Z]/g, '');
}

export function isValidCpf(text: string): boolean {
  const digits = normalizeTaxId(text);
  if (!/^\d{11}$/.test(digits) || /^(\d)\1{10}$/.test(digits)) return false;
  const values = [...digits].map(Number);
  const check = (length: number): number => {
    let sum = 0;
    for (let i = 0; i < length; i++) sum += values[i]! * (length + 1 - i);
    const rest = (sum * 10) % 11;
    return rest === 10 ? 0 : rest;
  };
  return check(9) === values[9] && check(10) === values[10];
}

export function isValidCnpj(text: string): boolean {
  const value = normalizeTaxId(text);
  if (!/^[0-9A-Z]{12}\d{2}$/.test(value) || /^(.)\1{13}$/.test(value)) return false;
  const first = cnpjCheckDigit(value.slice(0, 12), CNPJ_WEIGHTS_1);
  const second = cnpjCheckDigit(value.slice(0, 12) + first, CNPJ_WEIGHTS_2);
  return value.slice(12) === `${first}${second}`;
}

/** "CPF" for 11 digits, "CNPJ" for 14 characters, null otherwise (length only, no check digits). */
export function taxIdKind(text: string): 'CPF' | 'CNPJ' | null {
  const value = normalizeTaxId(text);
  if (/^\d{11}$/.test(value)) return 'CPF';
  if (value.length === 14) return 'CNPJ';
  return null;
}

export function isValidTaxId(text: string): boolean {
  const kind = taxIdKind(text);
  return kind === 'CPF' ? isValidCpf(text) : kind === 'CNPJ' ? isValidCnpj(text) : false;
}

/** pt-BR message for an invalid CPF/CNPJ, or null when it is valid. */
export function taxIdError(text: string): string | null {
  const value = normalizeTaxId(text);
  if (value === '') return 'Informe o CNPJ ou CPF.';
  const kind = taxIdKind(value);
  if (kind === 'CPF') return isValidCpf(value) ? null : 'CPF inválido: confira os dígitos.';
  if (kind === 'CNPJ') return isValidCnpj(value) ? null : 'CNPJ inválido: confira os caracteres e os dígitos verificadores.';
  return 'Informe um CPF com 11 dígitos ou um CNPJ com 14 caracteres.';
}

function cnpjCheckDigit(base: string, weights: number[]): number {
  let sum = 0;
  for (let i = 0; i < base.length; i++) sum += (base.charCodeAt(i) - 48) * weights[i]!;
  const rest = sum % 11;
  return rest < 2 ? 0 : 11 - rest;
}
