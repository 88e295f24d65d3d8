import { addDays, formatDate, todayIso } from '../format/date';

export { addDays, todayIso };

/** An inclusive range of calendar days, as ISO dates ("2026-07-15"). */
export interface DateRange {
  from: string;
  to: string;
}

/** The server's default too: the last 90 days up to today. */
export function defaultRange(today: string = todayIso()): DateRange {
  return { from: addDays(today, -90), to: today };
}

export interface RangePreset {
  id: string;
  label: string;
  range: (today: string) => DateRange;
}

export const RANGE_PRESETS: readonly RangePreset[] = [
  { id: '30', label: 'Últimos 30 dias', range: (t) => ({ from: addDays(t, -30), to: t }) },
  { id: '90', label: 'Últimos 90 dias', range: (t) => defaultRange(t) },
  { id: 'ano', label: 'Este ano', range: (t) => ({ from: `${t.slice(0, 4)}-01-01`, to: t }) },
  { id: '12m', label: 'Últimos 12 meses', range: (t) => ({ from: addDays(t, -365), to: t }) },
];

export type RangeResult = { ok: true; range: DateRange } | { ok: false; errors: { from?: string; to?: string } };

/**
 * Checks the two dates typed in the filter (ISO, or null when the text is not a date) and builds
 * the range to query.
 */
export function buildRange(from: string | null, to: string | null): RangeResult {
  const errors: { from?: string; to?: string } = {};
  if (!from) errors.from = 'Informe a data inicial (dd/mm/aaaa).';
  if (!to) errors.to = 'Informe a data final (dd/mm/aaaa).';
  if (from && to) {
    if (from > to) errors.to = 'A data final deve ser igual ou posterior à data inicial.';
  }
  if (errors.from || errors.to) return { ok: false, errors };
  return { ok: true, range: { from: from!, to: to! } };
}

/** "de 01/04/2026 a 30/06/2026" */
export function describeRange(range: DateRange): string {
  return range.from === range.to ? `em ${formatDate(range.from)}` : `de ${formatDate(range.from)} a ${formatDate(range.to)}`;
}
