import { isUf } from './states';

/**
 * Small form checks shared by the CRM forms. Each returns a pt-BR message or null; the forms
 * collect them with collectErrors (auth/validation.ts) and show them next to the fields.
 */

export function optionalEmailError(email: string): string | null {
  const value = email.trim();
  if (value === '') return null;
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) ? null : 'Informe um e-mail válido, por exemplo nome@empresa.com.br.';
}

/** Brazilian phone: DDD + 8 or 9 digits. */
export function optionalPhoneError(phone: string): string | null {
  const digits = phone.replace(/\D/g, '');
  if (digits === '') return null;
  return digits.length === 10 || digits.length === 11 ? null : 'Informe o telefone com DDD, por exemplo (11) 98765-4321.';
}

export function optionalCepError(cep: string): string | null {
  const digits = cep.replace(/\D/g, '');
  if (digits === '') return null;
  return digits.length === 8 ? null : 'O CEP tem 8 dígitos, por exemplo 01310-100.';
}

export function optionalUfError(uf: string): string | null {
  if (uf.trim() === '') return null;
  return isUf(uf.trim()) ? null : 'Escolha a UF.';
}

export function maxLengthError(value: string, max: number, label: string): string | null {
  return value.length > max ? `${label} deve ter no máximo ${max} caracteres.` : null;
}

/** Digits only, or null when empty (phone, CEP are sent without punctuation). */
export function digitsOrEmpty(text: string): string {
  return text.replace(/\D/g, '');
}

/** Trimmed text, or null when empty: optional fields are sent as null. */
export function textOrNull(text: string): string | null {
  const value = text.trim();
  return value === '' ? null : value;
}
