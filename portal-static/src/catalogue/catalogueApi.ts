import { getAll, getPage, seg, type PageArgs, type Stamped } from '../api/lists';
import { staffApi } from '../auth/session';

export interface Service extends Stamped {
  id: string;
  code: string;
  description: string;
  unitPrice: number;
  categoryId?: string | null;
  categoryName?: string | null;
  /** Código de serviço municipal (item da lista de serviços) for the NFS-e. */
  municipalServiceCode: string;
  /** cTribNac: código de tributação nacional. */
  nationalTaxCode?: string | null;
  /** ISS rate in percent, 2 to 5. */
  issRate: number;
  active: boolean;
}

export type ServiceInput = Omit<Service, 'id' | 'categoryName' | keyof Stamped>;

export interface Product extends Stamped {
  id: string;
  code: string;
  description: string;
  price: number;
  stock: number;
  unit: string;
  active: boolean;
}

export type ProductInput = Omit<Product, 'id' | keyof Stamped>;

export interface Category extends Stamped {
  id: string;
  name: string;
}

export type ProductServiceKind = 'product' | 'service';

/** Tipo de produto/serviço (used to classify inventory items). */
export interface ProductServiceType extends Stamped {
  id: string;
  name: string;
  kind: ProductServiceKind | string;
}

export const KIND_LABELS: Record<string, string> = { product: 'Produto', service: 'Serviço' };

const base = '/api/catalogue';

export const listServices = (args: PageArgs, filters: { q?: string; active?: boolean } = {}) => getPage<Service>(`${base}/services`, args, filters);
export const createService = (input: ServiceInput) => staffApi.post<Service>(`${base}/services`, input);
export const updateService = (id: string, input: ServiceInput, etag: string | null) => staffApi.put<Service>(`${base}/services/${seg(id)}`, input, { ifMatch: etag });
export const deleteService = (id: string, etag: string | null) => staffApi.delete(`${base}/services/${seg(id)}`, { ifMatch: etag });

export const listProducts = (args: PageArgs, filters: { q?: string; active?: boolean } = {}) => getPage<Product>(`${base}/products`, args, filters);
export const createProduct = (input: ProductInput) => staffApi.post<Product>(`${base}/products`, input);
export const updateProduct = (id: string, input: ProductInput, etag: string | null) => staffApi.put<Product>(`${base}/products/${seg(id)}`, input, { ifMatch: etag });
export const deleteProduct = (id: string, etag: string | null) => staffApi.delete(`${base}/products/${seg(id)}`, { ifMatch: etag });

export const listCategories = (args: PageArgs, filters: { q?: string } = {}) => getPage<Category>(`${base}/categories`, args, filters);
export const allCategories = (signal?: AbortSignal) => getAll<Category>(`${base}/categories`, {}, signal);
export const createCategory = (input: { name: string }) => staffApi.post<Category>(`${base}/categories`, input);
export const updateCategory = (id: string, input: { name: string }, etag: string | null) => staffApi.put<Category>(`${base}/categories/${seg(id)}`, input, { ifMatch: etag });
export const deleteCategory = (id: string, etag: string | null) => staffApi.delete(`${base}/categories/${seg(id)}`, { ifMatch: etag });

export const listTypes = (args: PageArgs, filters: { q?: string } = {}) => getPage<ProductServiceType>(`${base}/product-service-types`, args, filters);
export const createType = (input: { name: string; kind: ProductServiceKind }) => staffApi.post<ProductServiceType>(`${base}/product-service-types`, input);
export const updateType = (id: string, input: { name: string; kind: ProductServiceKind }, etag: string | null) =>
  staffApi.put<ProductServiceType>(`${base}/product-service-types/${seg(id)}`, input, { ifMatch: etag });
export const deleteType = (id: string, etag: string | null) => staffApi.delete(`${base}/product-service-types/${seg(id)}`, { ifMatch: etag });

/** Services matching the text, for a LookupField; the detail shows code and price. */
export async function searchServices(term: string, signal: AbortSignal): Promise<(Service & { label: string; detail: string })[]> {
  const page = await listServices({ continuationToken: null, pageSize: 20, signal }, { q: term, active: true });
  return page.items.filter((s) => s.active !== false).map((s) => ({ ...s, label: s.description, detail: s.code }));
}

export async function searchProducts(term: string, signal: AbortSignal): Promise<(Product & { label: string; detail: string })[]> {
  const page = await listProducts({ continuationToken: null, pageSize: 20, signal }, { q: term, active: true });
  return page.items.filter((p) => p.active !== false).map((p) => ({ ...p, label: p.description, detail: p.code }));
}
