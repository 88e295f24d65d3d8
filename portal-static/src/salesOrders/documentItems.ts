import type { DiscountKind } from '../format/lineMath';

export type ItemKind = 'service' | 'product';

/**
 * A stored line of a quote, sales order or service order, as the API sends it. Amounts are already rounded by the
 * server; `billedQuantity` is kept by billing and `tasksGenerated` by the order → CRM step.
 */
export interface DocumentItem {
  id: string;
  kind: ItemKind | string;
  serviceId?: string | null;
  productId?: string | null;
  code?: string;
  description: string;
  quantity: number;
  unitPrice: number;
  discountKind: DiscountKind;
  discount: number;
  gross?: number;
  discountAmount?: number;
  total?: number;
  /** Information for the customer about this line. */
  note?: string;
  billedQuantity?: number;
  tasksGenerated?: number;
}

/** A line as sent on create/update: `id` keeps an existing line (and what billing and the CRM step did with it). */
export interface DocumentItemInput {
  id: string | null;
  kind: ItemKind;
  serviceId: string | null;
  productId: string | null;
  description: string;
  quantity: number;
  unitPrice: number;
  discountKind: DiscountKind;
  discount: number;
  note: string | null;
}

export interface DocumentTotals {
  gross: number;
  discount: number;
  total: number;
}

export const ITEM_KIND_LABELS: Record<string, string> = { service: 'Serviço', product: 'Produto' };
