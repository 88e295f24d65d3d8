import { describe, expect, it } from 'vitest';
import { fillMonths, monthLabel, normalizeOverview, stylesFor, ORDER_STATUS, INVOICE_STATUS } from './customerOverviewApi';

describe('customer overview helpers', () => {
  it('names months in pt-BR', () => {
    expect(monthLabel('2026-03')).toBe('março de 2026');
    expect(monthLabel('2026-12')).toBe('dezembro de 2026');
    expect(monthLabel('x')).toBe('x');
  });

  it('fills twelve months up to the current one, across the year, with zero for quiet months', () => {
    const months = fillMonths([{ month: '2025-12', total: 500, invoices: 1 }, { month: '2026-02', total: 250.5, invoices: 2 }], '2026-03');
    expect(months).toHaveLength(12);
    expect(months[0]!.month).toBe('2025-04');
    expect(months.at(-1)!.month).toBe('2026-03');
    expect(months.find((m) => m.month === '2025-12')!.total).toBe(500);
    expect(months.find((m) => m.month === '2026-01')).toEqual({ month: '2026-01', total: 0, invoices: 0 });
    // Months outside the window are not shown.
    expect(fillMonths([{ month: '2024-01', total: 9, invoices: 1 }], '2026-03').every((m) => m.total === 0)).toBe(true);
  });

  it('fills the lists a smaller answer leaves out', () => {
    const o = normalizeOverview({ customerId: 'c1', orders: [{ id: 'o1', number: 1, status: 'Pedido', date: '2026-07-01', total: 10 }] });
    expect(o.quotes).toEqual([]);
    expect(o.orders).toHaveLength(1);
    expect(o.receivables).toEqual({ openTotal: 0, openCount: 0, overdueTotal: 0, overdueCount: 0, items: [] });
  });

  it('labels statuses as the API spells them and shows an unknown one as sent', () => {
    expect(stylesFor(ORDER_STATUS, 'FaturadoParcial')['faturadoParcial']!.label).toBe('Faturado parcialmente');
    expect(stylesFor(INVOICE_STATUS, 'Issued')['issued']!.label).toBe('Emitida');
    expect(stylesFor(INVOICE_STATUS, 'Rejected')['rejected']).toEqual({ label: 'Rejected', tone: 'neutral' });
  });
});
