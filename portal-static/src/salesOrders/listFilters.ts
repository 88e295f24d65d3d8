import type { SalesOrderListItem } from './salesOrdersApi';

/** Filters of the orders central, as kept in the URL (pt-BR names) and as sent to the API. */
export interface OrderListFilters {
  status: string;
  customerId: string;
  customerName: string;
  from: string | null;
  to: string | null;
  number: string;
}

export function filtersFromQuery(query: URLSearchParams): OrderListFilters {
  return {
    status: query.get('status') ?? '',
    customerId: query.get('cliente') ?? '',
    customerName: query.get('clienteNome') ?? '',
    from: query.get('de'),
    to: query.get('ate'),
    number: query.get('numero') ?? '',
  };
}

export function filtersToQuery(f: OrderListFilters): Record<string, string | null> {
  return { status: f.status || null, cliente: f.customerId || null, clienteNome: f.customerName || null, de: f.from, ate: f.to, numero: f.number || null };
}

export function periodError(f: Pick<OrderListFilters, 'from' | 'to'>): string | null {
  return f.from && f.to && f.to < f.from ? 'A data final deve ser igual ou posterior à inicial.' : null;
}

/**
 * The API filters by status and customer and searches the number through `q`; the period and the exact number are
 * applied to the rows received (the newest-first index has no date range), so "Carregar mais" brings older ones.
 */
export function apiFilters(f: OrderListFilters): { status?: string; customerId?: string; q?: string } {
  const out: { status?: string; customerId?: string; q?: string } = {};
  if (f.status) out.status = f.status;
  if (f.customerId) out.customerId = f.customerId;
  const digits = f.number.replace(/\D/g, '');
  if (digits) out.q = digits;
  return out;
}

export function matchesLocally(row: SalesOrderListItem, f: OrderListFilters): boolean {
  const digits = f.number.replace(/\D/g, '');
  if (digits && String(row.number) !== String(Number(digits))) return false;
  if (f.from && row.date < f.from) return false;
  if (f.to && row.date > f.to) return false;
  return true;
}
