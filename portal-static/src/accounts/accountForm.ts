import { collectErrors, requiredError } from '../auth/validation';
import { maskPhone, maskTaxId } from '../format/masks';
import { normalizeTaxId, taxIdError } from '../format/taxId';
import { digitsOrEmpty, optionalEmailError, optionalPhoneError, optionalUfError, textOrNull } from '../format/validation';
import type { ContactForm } from '../customers/customerForm';
import type { Account, AccountContactInput, AccountInput } from './accountsApi';

export interface AccountForm {
  name: string;
  taxId: string;
  email: string;
  phone: string;
  city: string;
  state: string;
}

export const EMPTY_ACCOUNT_FORM: AccountForm = { name: '', taxId: '', email: '', phone: '', city: '', state: '' };

export function accountToForm(a: Account): AccountForm {
  return { name: a.name ?? '', taxId: maskTaxId(a.taxId ?? ''), email: a.email ?? '', phone: maskPhone(a.phone ?? ''), city: a.city ?? '', state: a.state ?? '' };
}

/** The CNPJ/CPF of an account is optional (a prospect may not have given it yet), but checked when typed. */
export function validateAccount(form: AccountForm): Record<string, string> {
  return collectErrors({
    name: requiredError(form.name, 'Informe o nome da conta.'),
    taxId: normalizeTaxId(form.taxId) === '' ? null : taxIdError(form.taxId),
    email: optionalEmailError(form.email),
    phone: optionalPhoneError(form.phone),
    state: optionalUfError(form.state),
  });
}

export function accountInput(form: AccountForm, customerId: string | null): AccountInput {
  return {
    name: form.name.trim(),
    taxId: textOrNull(normalizeTaxId(form.taxId)),
    email: textOrNull(form.email),
    phone: textOrNull(digitsOrEmpty(form.phone)),
    city: textOrNull(form.city),
    state: textOrNull(form.state.toUpperCase()),
    customerId,
  };
}

export function accountContactInput(form: ContactForm): AccountContactInput {
  return { name: form.name.trim(), email: textOrNull(form.email), phone: textOrNull(digitsOrEmpty(form.phone)), position: textOrNull(form.role) };
}
