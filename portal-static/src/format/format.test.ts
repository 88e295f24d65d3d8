import { describe, expect, it } from 'vitest';
import { formatMoney, formatMoneyPlain, parseMoney, roundCents } from './money';
import { formatDate, formatDateTime, parseDateBR } from './date';

const NBSP = '\u00a0';

describe('formatMoney', () => {
  it('formats reais with thousands dot and decimal comma', () => {
    expect(formatMoney(1234.56)).toBe(`R$${NBSP}1.234,56`);
    expect(formatMoney(0)).toBe(`R$${NBSP}0,00`);
    expect(formatMoney(1000000)).toBe(`R$${NBSP}1.000.000,00`);
  });

  it('shows negative amounts with a minus sign', () => {
    expect(formatMoney(-10.5)).toBe(`-R$${NBSP}10,50`);
  });

  it('rounds half away from zero to centavos', () => {
    expect(formatMoney(1.005)).toBe(`R$${NBSP}1,01`);
    expect(roundCents(2.675)).toBe(2.68);
    expect(roundCents(-2.675)).toBe(-2.68);
    expect(formatMoneyPlain(1234.5)).toBe('1.234,50');
  });
});

describe('parseMoney', () => {
  it.each([
    ['1.234,56', 1234.56],
    ['1234,56', 1234.56],
    ['R$ 1.234,56', 1234.56],
    [`R$${NBSP}10,00`, 10],
    ['10', 10],
    ['10,5', 10.5],
    ['1.000', 1000],
    ['1.000.000', 1000000],
    ['1234.56', 1234.56],
    ['-5,25', -5.25],
    ['0,01', 0.01],
    ['12,', 12],
  ])('reads %s as %d', (text, expected) => {
    expect(parseMoney(text)).toBe(expected);
  });

  it.each(['', '   ', 'abc', '1,234', '1.23.4', '12,34,56', '1.2345', '--1'])('rejects %j', (text) => {
    expect(parseMoney(text)).toBeNull();
  });

  it('round-trips what formatMoney shows', () => {
    for (const value of [0.1, 7, 99.99, 1234.56, 987654.32]) {
      expect(parseMoney(formatMoney(value))).toBe(value);
    }
  });
});

describe('formatDate', () => {
  it('formats an ISO date as dd/MM/aaaa without shifting the day', () => {
    expect(formatDate('2026-07-15')).toBe('15/07/2026');
    expect(formatDate('2026-01-01')).toBe('01/01/2026');
  });

  it('shows a timestamp as the day in Brasília', () => {
    // 02:00 UTC is still the previous evening in Brasília (UTC-3).
    expect(formatDate('2026-07-16T02:00:00Z')).toBe('15/07/2026');
    expect(formatDateTime('2026-07-15T13:05:00Z')).toBe('15/07/2026 10:05');
  });

  it('returns empty text for missing or invalid input', () => {
    expect(formatDate(null)).toBe('');
    expect(formatDate('')).toBe('');
    expect(formatDate('2026-02-30')).toBe('');
    expect(formatDate('not a date')).toBe('');
  });
});

describe('parseDateBR', () => {
  it('reads dd/MM/aaaa into an ISO date', () => {
    expect(parseDateBR('15/07/2026')).toBe('2026-07-15');
    expect(parseDateBR(' 29/02/2028 ')).toBe('2028-02-29');
  });

  it.each(['31/02/2026', '29/02/2026', '00/01/2026', '15/13/2026', '5/7/2026', '2026-07-15', ''])(
    'rejects %j',
    (text) => {
      expect(parseDateBR(text)).toBeNull();
    },
  );

  it('round-trips with formatDate', () => {
    expect(formatDate(parseDateBR('03/11/2026'))).toBe('03/11/2026');
  });
});
