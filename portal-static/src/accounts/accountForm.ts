import { collectErrors, requiredError } from '../auth/validation';
import { maskPhone, maskTaxId } from '../format/masks';
import { normalizeTaxId, taxIdError } from '../format/taxId';
import { digitsOrEmpty, maxLengthError, optionalEmailError, optionalPhoneError, optionalUfError, textOrNull } from '../format/validation';
import type { ContactForm } from '../customers/customerForm';
import type { Account, AccountContactInput, AccountInput } from './accountsApi';

export interface AccountForm {
  name: string;
  taxId: string;
  email: string;
  phone: string;
  website: string;
  city: string;
  state: string;
  notes: string;
}

export const EMPTY_ACCOUNT_FORM: AccountForm = { name: '', taxId: '', email: '', phone: '', website: '', city: '', state: '', notes: '' };

export function accountToForm(a: Account): AccountForm {
  return {
    name: a.name ?? '',
    taxId: maskTaxId(a.taxId ?? ''),
    email: a.email ?? '',
    phone: maskPhone(a.phone ?? ''),
    website: a.website ?? '',
    city: a.city ?? '',
    state: a.state ?? '',
    notes: a.notes ?? '',
  };
}

/** The CNPJ/CPF of an account is optional (a prospect may not have given it yet), but checked when typed. */
export function validateAccount(form: AccountForm): Record<string, string> {
  return collectErrors({
    name: requiredError(form.name, 'Informe o nome da conta.') ?? maxLengthError(form.name.trim(), 120, 'O nome da conta'),
    taxId: normalizeTaxId(form.taxId) === '' ? null : taxIdError(form.taxId),
    email: optionalEmailError(form.email),
    phone: optionalPhoneError(form.phone),
    state: optionalUfError(form.state),
    website: maxLengthError(form.website.trim(), 200, 'O site'),
    notes: maxLengthError(form.notes, 2000, 'As observações'),
  });
}

export function accountInput(form: AccountForm, customerId: string | null): AccountInput {
  return {
    name: form.name.trim(),
    taxId: textOrNull(normalizeTaxId(form.taxId)),
    email: textOrNull(form.email),
    phone: textOrNull(digitsOrEmpty(form.phone)),
    website: textOrNull(form.website),
    city: textOrNull(form.city),
    state: textOrNull(form.state.toUpperCase()),
    notes: textOrNull(form.notes),
    customerId,
  };
}

export function accountContactInput(form: ContactForm): AccountContactInput {
  return { name: form.name.trim(), email: textOrNull(form.email), phone: textOrNull(digitsOrEmpty(form.phone)), position: textOrNull(form.role) };
}
