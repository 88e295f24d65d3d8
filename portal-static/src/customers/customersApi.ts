import { getAll, getPage, seg, type PageArgs, type Stamped } from '../api/lists';
import type { WithEtag } from '../api/client';
import { staffApi } from '../auth/session';
import type { StatusStyle } from '../ui/Badge';
import { maskTaxId } from '../format/masks';

/** Cliente (ERP): who is billed. Tax id is stored normalised (no punctuation, upper case). */
export interface Customer extends Stamped {
  id: string;
  legalName: string;
  tradeName: string;
  taxId: string;
  taxIdKind: 'cnpj' | 'cpf' | string;
  email: string;
  phone: string;
  street: string;
  number: string;
  complement: string;
  district: string;
  city: string;
  state: string;
  postalCode: string;
  cityIbgeCode?: string | null;
  municipalRegistration?: string | null;
  stateRegistration?: string | null;
  notes?: string | null;
  /** The CNPJ/CPF with its punctuation, from the server. */
  taxIdFormatted?: string;
  status: 'active' | 'archived' | string;
}

export type CustomerInput = Pick<
  Customer,
  'legalName' | 'tradeName' | 'taxId' | 'email' | 'phone' | 'street' | 'number' | 'complement' | 'district' | 'city' | 'state' | 'postalCode'
> & { cityIbgeCode: string | null; municipalRegistration: string | null; stateRegistration: string | null; notes: string | null };

export interface CustomerContact extends Stamped {
  id: string;
  customerId: string;
  name: string;
  email: string;
  phone: string;
  role?: string | null;
  portalAccess?: boolean;
}

export type CustomerContactInput = Pick<CustomerContact, 'name' | 'email' | 'phone'> & { role: string | null };

export interface Site extends Stamped {
  id: string;
  customerId: string;
  name: string;
  city: string;
  state: string;
  address?: string | null;
  notes?: string | null;
}

export type SiteInput = Pick<Site, 'name' | 'city' | 'state'> & { address: string | null; notes: string | null };

export const CUSTOMER_STATUS: Record<string, StatusStyle> = {
  active: { label: 'Ativo', tone: 'success' },
  archived: { label: 'Arquivado', tone: 'neutral' },
};

/** The name people know a customer by: trade name when there is one. */
export function customerDisplayName(c: Pick<Customer, 'legalName' | 'tradeName'>): string {
  return c.tradeName?.trim() || c.legalName;
}

const base = '/api/customers';

export function listCustomers(args: PageArgs, filters: { q?: string; status?: string } = {}) {
  return getPage<Customer>(base, args, filters);
}

export function getCustomer(id: string, signal?: AbortSignal): Promise<WithEtag<Customer>> {
  return staffApi.getWithEtag<Customer>(`${base}/${seg(id)}`, signal ? { signal } : {});
}

export function createCustomer(input: CustomerInput): Promise<Customer> {
  return staffApi.post<Customer>(base, input);
}

export function updateCustomer(id: string, input: CustomerInput, etag: string | null): Promise<Customer> {
  return staffApi.put<Customer>(`${base}/${seg(id)}`, input, { ifMatch: etag });
}

export function archiveCustomer(id: string, etag: string | null): Promise<void> {
  return staffApi.post(`${base}/${seg(id)}/archive`, undefined, { ifMatch: etag });
}

export function unarchiveCustomer(id: string, etag: string | null): Promise<void> {
  return staffApi.post(`${base}/${seg(id)}/unarchive`, undefined, { ifMatch: etag });
}

export function deleteCustomer(id: string, etag: string | null): Promise<void> {
  return staffApi.delete(`${base}/${seg(id)}`, { ifMatch: etag });
}

export function listCustomerContacts(customerId: string, signal?: AbortSignal): Promise<CustomerContact[]> {
  return getAll<CustomerContact>(`${base}/${seg(customerId)}/contacts`, {}, signal);
}

export function createCustomerContact(customerId: string, input: CustomerContactInput): Promise<CustomerContact> {
  return staffApi.post<CustomerContact>(`${base}/${seg(customerId)}/contacts`, input);
}

export function updateCustomerContact(customerId: string, contactId: string, input: CustomerContactInput, etag: string | null): Promise<CustomerContact> {
  return staffApi.put<CustomerContact>(`${base}/${seg(customerId)}/contacts/${seg(contactId)}`, input, { ifMatch: etag });
}

export function deleteCustomerContact(customerId: string, contactId: string, etag: string | null): Promise<void> {
  return staffApi.delete(`${base}/${seg(customerId)}/contacts/${seg(contactId)}`, { ifMatch: etag });
}

/** A contact's access to the customer area (docs/api/identity.md, "Customer-area access"). */
export interface PortalAccess {
  contactId: string;
  name: string;
  email: string;
  status: PortalAccessStatus | string;
  invitedAt?: string | null;
  activatedAt?: string | null;
}

export type PortalAccessStatus = 'invited' | 'active' | 'revoked';

export const PORTAL_ACCESS_STATUS: Record<string, StatusStyle> = {
  invited: { label: 'Convite enviado', tone: 'warning' },
  active: { label: 'Acesso ativo', tone: 'success' },
  revoked: { label: 'Revogado', tone: 'neutral' },
};

/**
 * Gives a contact access to the customer area: the API e-mails the invitation to create a password. Granting a
 * pending invitation again re-sends it (the earlier link stops working); there is no separate re-send route.
 */
export function grantPortalAccess(customerId: string, contactId: string): Promise<PortalAccess> {
  return staffApi.post<PortalAccess>(`${base}/${seg(customerId)}/portal-access`, { contactId });
}

/** The customer's accesses (invited, active and revoked), one per contact; staff roles admin and sales only. */
export function listPortalAccess(customerId: string, signal?: AbortSignal): Promise<PortalAccess[]> {
  return getAll<PortalAccess>(`${base}/${seg(customerId)}/portal-access`, {}, signal);
}

/** Ends the contact's login (its sessions stop within 15 minutes); the access stays listed as revoked. */
export function revokePortalAccess(customerId: string, contactId: string): Promise<void> {
  return staffApi.delete(`${base}/${seg(customerId)}/portal-access/${seg(contactId)}`);
}

export function listSites(customerId: string, signal?: AbortSignal): Promise<Site[]> {
  return getAll<Site>(`${base}/${seg(customerId)}/sites`, {}, signal);
}

export function createSite(customerId: string, input: SiteInput): Promise<Site> {
  return staffApi.post<Site>(`${base}/${seg(customerId)}/sites`, input);
}

export function updateSite(customerId: string, siteId: string, input: SiteInput, etag: string | null): Promise<Site> {
  return staffApi.put<Site>(`${base}/${seg(customerId)}/sites/${seg(siteId)}`, input, { ifMatch: etag });
}

export function deleteSite(customerId: string, siteId: string, etag: string | null): Promise<void> {
  return staffApi.delete(`${base}/${seg(customerId)}/sites/${seg(siteId)}`, { ifMatch: etag });
}

/** Customers matching the text, for a LookupField (active customers first page). */
export async function searchCustomers(term: string, signal: AbortSignal): Promise<{ id: string; label: string; detail?: string }[]> {
  const page = await listCustomers({ continuationToken: null, pageSize: 20, signal }, { q: term, status: 'active' });
  return page.items.map((c) => ({ id: c.id, label: customerDisplayName(c), detail: formatTaxIdForList(c.taxId) }));
}

function formatTaxIdForList(taxId: string | undefined): string | undefined {
  return taxId ? maskTaxId(taxId) : undefined;
}
