import type { WithEtag } from '../api/client';
import { API_BASE_URL } from '../api/config';
import { fetchFile, saveFile } from '../api/fileTransfer';
import { getAll, getPage, seg, type PageArgs, type Stamped } from '../api/lists';
import type { Page } from '../app/usePagedList';
import { staffApi, staffSession } from '../auth/session';
import type { Role } from '../auth/roles';
import type { Contract } from '../contracts/contractsApi';
import type { ProductServiceType } from '../catalogue/catalogueApi';
import { listSites, type Site } from '../customers/customersApi';

/** docs/api/inventory.md: every staff role reads; admin, operations and sales write (finance reads only). */
export const INVENTORY_WRITERS: readonly Role[] = ['admin', 'operations', 'sales'];


export interface InventoryHistoryEntry {
  action: 'created' | 'updated' | 'moved' | 'deleted' | string;
  details: string;
  at: string;
  actorName: string;
}

export interface InventoryItem extends Stamped {
  id: string;
  serialNumber: string;
  serialNumberTyped?: string;
  customerId: string;
  customerName: string;
  contractId: string;
  contractNumber?: number | null;
  contractTitle: string;
  siteId: string;
  siteName: string;
  typeId: string;
  typeName: string;
  description?: string | null;
  notes?: string | null;
  orderId?: string | null;
  orderNumber?: number | null;
  serviceOrderId?: string | null;
  serviceOrderNumber?: number | null;
  warrantyUntil?: string | null;
  history?: InventoryHistoryEntry[];
}

export interface InventoryItemInput {
  serialNumber: string;
  customerId: string;
  contractId: string;
  siteId: string;
  typeId: string;
  description: string | null;
  notes: string | null;
  orderId?: string | null;
  serviceOrderId?: string | null;
  warrantyUntil: string | null;
}

export interface InventoryFilters {
  /** Serial-number prefix (one range scan on the server). */
  serial?: string;
  /** Keyword: serial, description, customer, site, type, contract, order number. */
  q?: string;
  customerId?: string;
  siteId?: string;
  contractId?: string;
  typeId?: string;
}

const base = '/api/inventory';

/**
 * One page of the inventory. The API filters by serial, keyword, customer and type; site and
 * contract are sent too and also applied here to the page, so the list is right whether or not the
 * server narrows by them (it pages by continuation, so a page may show fewer rows than its size).
 */
export async function listInventory(args: PageArgs, filters: InventoryFilters): Promise<Page<InventoryItem>> {
  const page = await getPage<InventoryItem>(base, args, { ...filters });
  return { ...page, items: applyLocalFilters(page.items, filters) };
}

export async function listCustomerInventory(customerId: string, args: PageArgs, filters: { q?: string; typeId?: string; siteId?: string; contractId?: string }): Promise<Page<InventoryItem>> {
  const page = await getPage<InventoryItem>(`/api/customers/${seg(customerId)}/inventory`, args, { ...filters });
  return { ...page, items: applyLocalFilters(page.items, filters) };
}

export function applyLocalFilters(items: InventoryItem[], filters: { siteId?: string; contractId?: string }): InventoryItem[] {
  return items.filter((i) => (!filters.siteId || i.siteId === filters.siteId) && (!filters.contractId || i.contractId === filters.contractId));
}

export function getInventoryItem(id: string, signal?: AbortSignal): Promise<WithEtag<InventoryItem>> {
  return staffApi.getWithEtag<InventoryItem>(`${base}/${seg(id)}`, signal ? { signal } : {});
}

export function createInventoryItem(input: InventoryItemInput): Promise<InventoryItem> {
  return staffApi.post<InventoryItem>(base, input);
}

export function updateInventoryItem(id: string, input: InventoryItemInput, etag: string | null): Promise<InventoryItem> {
  return staffApi.put<InventoryItem>(`${base}/${seg(id)}`, input, { ifMatch: etag });
}

export function moveInventoryItem(id: string, siteId: string, etag: string | null): Promise<InventoryItem> {
  return staffApi.post<InventoryItem>(`${base}/${seg(id)}/move`, { siteId }, { ifMatch: etag });
}

export function deleteInventoryItem(id: string, etag: string | null): Promise<void> {
  return staffApi.delete(`${base}/${seg(id)}`, { ifMatch: etag });
}

export function inventoryExportPath(customerId: string): string {
  return `/api/customers/${seg(customerId)}/inventory/export.csv`;
}

/** Downloads the customer's inventory as CSV (the server names the file inventario-<cliente>-<data>.csv). */
export async function downloadInventoryCsv(customerId: string): Promise<void> {
  const file = await fetchFile(
    API_BASE_URL + inventoryExportPath(customerId),
    {
      token: () => staffSession.get()?.accessToken ?? null,
      // A JSON call through the client renews the token (the refresh token is single-use: one place exchanges it).
      renew: () => staffApi.get(`/api/customers/${seg(customerId)}/inventory`, { query: { pageSize: 1 } }),
    },
    'inventario.csv',
  );
  saveFile(file);
}

// Choices for the item form and filters.

export function customerSites(customerId: string, signal?: AbortSignal): Promise<Site[]> {
  return listSites(customerId, signal);
}

export function customerContracts(customerId: string, signal?: AbortSignal): Promise<Contract[]> {
  return getAll<Contract>(`/api/customers/${seg(customerId)}/contracts`, {}, signal);
}

export function productServiceTypes(signal?: AbortSignal): Promise<ProductServiceType[]> {
  return getAll<ProductServiceType>('/api/catalogue/product-service-types', {}, signal);
}

export function contractLabel(c: { number?: number | null; title?: string | null }): string {
  return [c.number ? `nº ${c.number}` : '', c.title ?? ''].filter(Boolean).join(' · ') || 'Contrato';
}
