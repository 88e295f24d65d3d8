import type { WithEtag } from '../api/client';
import { getPage, seg, type PageArgs, type Stamped } from '../api/lists';
import { staffApi } from '../auth/session';
import type { Customer } from '../customers/customersApi';

/** Contact of a CRM account (a person at the prospect or client company). */
export interface AccountContact extends Stamped {
  id: string;
  accountId: string;
  name: string;
  email?: string | null;
  phone?: string | null;
  position?: string | null;
}

/** Conta (CRM, Omie): the company an opportunity is for; it may link to the customer that is billed. */
export interface Account extends Stamped {
  id: string;
  name: string;
  taxId?: string | null;
  taxIdFormatted?: string | null;
  email?: string | null;
  phone?: string | null;
  website?: string | null;
  city?: string | null;
  state?: string | null;
  notes?: string | null;
  customerId?: string | null;
  /** The linked customer, on the single-account answer only. */
  customer?: { id: string; legalName: string; tradeName: string; taxId: string; taxIdFormatted?: string; status: string } | null;
  /** The first page of contacts, on the single-account answer only; `contactsContinuation` continues it. */
  contacts?: AccountContact[];
  contactsContinuation?: string | null;
}

export interface AccountInput {
  name: string;
  taxId: string | null;
  email: string | null;
  phone: string | null;
  website: string | null;
  city: string | null;
  state: string | null;
  notes: string | null;
  /** Only read on creation: an existing account changes its customer through link-customer. */
  customerId: string | null;
}

export interface AccountContactInput {
  name: string;
  email: string | null;
  phone: string | null;
  position: string | null;
}

const base = '/api/accounts';

export function listAccounts(args: PageArgs, filters: { q?: string } = {}) {
  return getPage<Account>(base, args, filters);
}

export function getAccount(id: string, signal?: AbortSignal): Promise<WithEtag<Account>> {
  return staffApi.getWithEtag<Account>(`${base}/${seg(id)}`, signal ? { signal } : {});
}

export function createAccount(input: AccountInput): Promise<Account> {
  return staffApi.post<Account>(base, input);
}

export function updateAccount(id: string, input: AccountInput, etag: string | null): Promise<Account> {
  return staffApi.put<Account>(`${base}/${seg(id)}`, input, { ifMatch: etag });
}

export function deleteAccount(id: string, etag: string | null): Promise<void> {
  return staffApi.delete(`${base}/${seg(id)}`, { ifMatch: etag });
}

export function linkAccountCustomer(id: string, customerId: string, etag: string | null): Promise<Account> {
  return staffApi.post<Account>(`${base}/${seg(id)}/link-customer`, { customerId }, { ifMatch: etag });
}

export function listAccountContacts(accountId: string, args: PageArgs) {
  return getPage<AccountContact>(`${base}/${seg(accountId)}/contacts`, args);
}

export function createAccountContact(accountId: string, input: AccountContactInput): Promise<AccountContact> {
  return staffApi.post<AccountContact>(`${base}/${seg(accountId)}/contacts`, input);
}

export function updateAccountContact(accountId: string, contactId: string, input: AccountContactInput, etag: string | null): Promise<AccountContact> {
  return staffApi.put<AccountContact>(`${base}/${seg(accountId)}/contacts/${seg(contactId)}`, input, { ifMatch: etag });
}

export function deleteAccountContact(accountId: string, contactId: string, etag: string | null): Promise<void> {
  return staffApi.delete(`${base}/${seg(accountId)}/contacts/${seg(contactId)}`, { ifMatch: etag });
}

/** The customer registered with this CNPJ/CPF, or null (Omie's automatic match for billing). */
export async function findCustomerByTaxId(taxId: string, signal?: AbortSignal): Promise<Customer | null> {
  try {
    return await staffApi.get<Customer>(`/api/customers/by-tax-id/${seg(taxId)}`, signal ? { signal } : {});
  } catch (e) {
    if (e instanceof Error && 'status' in e && (e as { status: number }).status === 404) return null;
    throw e;
  }
}

/** Accounts matching the text, for a LookupField. */
export async function searchAccounts(term: string, signal: AbortSignal): Promise<{ id: string; label: string; detail?: string }[]> {
  const page = await listAccounts({ continuationToken: null, pageSize: 20, signal }, { q: term });
  return page.items.map((a) => ({ id: a.id, label: a.name, detail: [a.city, a.state].filter(Boolean).join('/') || undefined }));
}
