import { collectErrors, requiredError } from '../auth/validation';
import { maskCep, maskPhone, maskTaxId } from '../format/masks';
import { normalizeTaxId, taxIdError } from '../format/taxId';
import { digitsOrEmpty, maxLengthError, optionalCepError, optionalEmailError, optionalPhoneError, optionalUfError, textOrNull } from '../format/validation';
import type { Customer, CustomerContact, CustomerContactInput, CustomerInput, Site, SiteInput } from './customersApi';

/** What the customer form edits: the texts as shown (masked). */
export interface CustomerForm {
  legalName: string;
  tradeName: string;
  taxId: string;
  email: string;
  phone: string;
  postalCode: string;
  street: string;
  number: string;
  complement: string;
  district: string;
  city: string;
  state: string;
  cityIbgeCode: string;
  municipalRegistration: string;
  stateRegistration: string;
  notes: string;
}

export const EMPTY_CUSTOMER_FORM: CustomerForm = {
  legalName: '',
  tradeName: '',
  taxId: '',
  email: '',
  phone: '',
  postalCode: '',
  street: '',
  number: '',
  complement: '',
  district: '',
  city: '',
  state: '',
  cityIbgeCode: '',
  municipalRegistration: '',
  stateRegistration: '',
  notes: '',
};

export function customerToForm(c: Customer): CustomerForm {
  return {
    legalName: c.legalName ?? '',
    tradeName: c.tradeName ?? '',
    taxId: maskTaxId(c.taxId ?? ''),
    email: c.email ?? '',
    phone: maskPhone(c.phone ?? ''),
    postalCode: maskCep(c.postalCode ?? ''),
    street: c.street ?? '',
    number: c.number ?? '',
    complement: c.complement ?? '',
    district: c.district ?? '',
    city: c.city ?? '',
    state: c.state ?? '',
    cityIbgeCode: c.cityIbgeCode ?? '',
    municipalRegistration: c.municipalRegistration ?? '',
    stateRegistration: c.stateRegistration ?? '',
    notes: c.notes ?? '',
  };
}

/** A new customer's form filled from a CRM account (Omie: "cadastrar o cliente a partir da conta"). */
export function customerFormFromAccount(a: { name: string; taxId?: string | null; email?: string | null; phone?: string | null; city?: string | null; state?: string | null }): CustomerForm {
  return {
    ...EMPTY_CUSTOMER_FORM,
    legalName: a.name ?? '',
    taxId: maskTaxId(a.taxId ?? ''),
    email: a.email ?? '',
    phone: maskPhone(a.phone ?? ''),
    city: a.city ?? '',
    state: a.state ?? '',
  };
}

/** Field errors in pt-BR; empty when the form can be sent. */
export function validateCustomer(form: CustomerForm): Record<string, string> {
  const ibge = form.cityIbgeCode.trim();
  return collectErrors({
    legalName: requiredError(form.legalName, 'Informe a razão social (ou o nome, para pessoa física).') ?? maxLengthError(form.legalName.trim(), 200, 'A razão social'),
    tradeName: maxLengthError(form.tradeName.trim(), 200, 'O nome fantasia'),
    taxId: taxIdError(form.taxId),
    email: optionalEmailError(form.email),
    phone: optionalPhoneError(form.phone),
    postalCode: optionalCepError(form.postalCode),
    state: optionalUfError(form.state),
    cityIbgeCode: ibge === '' || /^\d{7}$/.test(ibge) ? null : 'O código IBGE do município tem 7 dígitos.',
    notes: maxLengthError(form.notes, 2000, 'As observações'),
  });
}

/** The request body: tax id normalised, phone and CEP as digits, optional texts as null. */
export function customerInput(form: CustomerForm): CustomerInput {
  return {
    legalName: form.legalName.trim(),
    tradeName: form.tradeName.trim(),
    taxId: normalizeTaxId(form.taxId),
    email: form.email.trim(),
    phone: digitsOrEmpty(form.phone),
    postalCode: digitsOrEmpty(form.postalCode),
    street: form.street.trim(),
    number: form.number.trim(),
    complement: form.complement.trim(),
    district: form.district.trim(),
    city: form.city.trim(),
    state: form.state.trim().toUpperCase(),
    cityIbgeCode: textOrNull(form.cityIbgeCode),
    municipalRegistration: textOrNull(form.municipalRegistration),
    stateRegistration: textOrNull(form.stateRegistration),
    notes: textOrNull(form.notes),
  };
}

/** "Rua X, 100 - Sala 2 - Centro - São Paulo/SP - CEP 01310-100" (parts that are filled). */
export function formatAddress(c: Pick<Customer, 'street' | 'number' | 'complement' | 'district' | 'city' | 'state' | 'postalCode'>): string {
  const streetLine = [c.street, c.number].filter((p) => p?.trim()).join(', ');
  const cityLine = [c.city, c.state].filter((p) => p?.trim()).join('/');
  const parts = [streetLine, c.complement, c.district, cityLine, c.postalCode ? `CEP ${maskCep(c.postalCode)}` : ''];
  return parts.filter((p) => p?.trim()).join(' - ');
}

export interface ContactForm {
  name: string;
  email: string;
  phone: string;
  role: string;
}

export const EMPTY_CONTACT_FORM: ContactForm = { name: '', email: '', phone: '', role: '' };

export function contactToForm(c: Pick<CustomerContact, 'name' | 'email' | 'phone'> & { role?: string | null }): ContactForm {
  return { name: c.name ?? '', email: c.email ?? '', phone: maskPhone(c.phone ?? ''), role: c.role ?? '' };
}

export function validateContact(form: ContactForm): Record<string, string> {
  return collectErrors({
    name: requiredError(form.name, 'Informe o nome do contato.'),
    email: optionalEmailError(form.email),
    phone: optionalPhoneError(form.phone),
  });
}

export function contactInput(form: ContactForm): CustomerContactInput {
  return { name: form.name.trim(), email: form.email.trim(), phone: digitsOrEmpty(form.phone), role: textOrNull(form.role) };
}

export interface SiteForm {
  name: string;
  address: string;
  city: string;
  state: string;
  notes: string;
}

export const EMPTY_SITE_FORM: SiteForm = { name: '', address: '', city: '', state: '', notes: '' };

export function siteToForm(s: Site): SiteForm {
  return { name: s.name ?? '', address: s.address ?? '', city: s.city ?? '', state: s.state ?? '', notes: s.notes ?? '' };
}

export function validateSite(form: SiteForm): Record<string, string> {
  return collectErrors({
    name: requiredError(form.name, 'Informe o nome do local (ex.: Matriz, Unidade Centro).'),
    state: optionalUfError(form.state),
  });
}

export function siteInput(form: SiteForm): SiteInput {
  return { name: form.name.trim(), address: textOrNull(form.address), city: form.city.trim(), state: form.state.trim().toUpperCase(), notes: textOrNull(form.notes) };
}
