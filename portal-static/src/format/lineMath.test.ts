import { describe, expect, it } from 'vitest';
import { documentTotals, formatDecimalBR, lineAmounts, lineError, parseDecimalBR, roundMoney, type LineInput } from './lineMath';

const line = (quantity: number, unitPrice: number, discountKind: LineInput['discountKind'] = 'none', discount = 0): LineInput => ({ quantity, unitPrice, discountKind, discount });

describe('line amounts (same rules as the server)', () => {
  it('multiplies quantity by unit price without floating-point noise', () => {
    // 3 × 0,1 is 0.30000000000000004 in floating point.
    expect(lineAmounts(line(3, 0.1))).toEqual({ gross: 0.3, discount: 0, total: 0.3 });
    expect(lineAmounts(line(3, 19.99))).toEqual({ gross: 59.97, discount: 0, total: 59.97 });
  });

  it('rounds the gross half away from zero to centavos', () => {
    // 1,5 × 0,01 = 0,015 → 0,02; 2,5 × 1,001 = 2,5025 → 2,50.
    expect(lineAmounts(line(1.5, 0.01)).gross).toBe(0.02);
    expect(lineAmounts(line(2.5, 1.001)).gross).toBe(2.5);
    expect(lineAmounts(line(0.5, 2.675)).gross).toBe(1.34);
  });

  it('takes a percentage of the rounded gross and rounds the discount half away from zero', () => {
    // 10,05 × 10 % = 1,005 → 1,01 (floating point would give 1,00).
    expect(lineAmounts(line(1, 10.05, 'percent', 10))).toEqual({ gross: 10.05, discount: 1.01, total: 9.04 });
    // gross 3 × 33,33 = 99,99; 15 % = 14,9985 → 15,00.
    expect(lineAmounts(line(3, 33.33, 'percent', 15))).toEqual({ gross: 99.99, discount: 15, total: 84.99 });
  });

  it('subtracts an amount discount rounded to centavos', () => {
    expect(lineAmounts(line(2, 150, 'amount', 20.005))).toEqual({ gross: 300, discount: 20.01, total: 279.99 });
  });

  it('stays exact for large values where float rounding drifts', () => {
    expect(lineAmounts(line(1000, 12345.675, 'percent', 12.5))).toEqual({ gross: 12345675, discount: 1543209.38, total: 10802465.62 });
  });

  it('counts an invalid line as zero instead of NaN', () => {
    expect(lineAmounts(line(0, 10))).toEqual({ gross: 0, discount: 0, total: 0 });
    expect(lineAmounts(line(1, Number.NaN))).toEqual({ gross: 0, discount: 0, total: 0 });
  });
});

describe('line validation messages', () => {
  it.each([
    [line(0, 10), 'A quantidade deve ser maior que zero.'],
    [line(1, -1), 'O valor unitário não pode ser negativo.'],
    [line(1, 10, 'percent', -5), 'O desconto não pode ser negativo.'],
    [line(1, 10, 'percent', 100.01), 'O desconto percentual não pode ser maior que 100%.'],
    [line(2, 10, 'amount', 20.01), 'O desconto não pode ser maior que o valor bruto do item.'],
  ])('explains what is wrong with %j', (input, message) => {
    expect(lineError(input)).toBe(message);
  });

  it('accepts a discount equal to the gross and ignores the discount value when there is none', () => {
    expect(lineError(line(2, 10, 'amount', 20))).toBeNull();
    expect(lineError(line(2, 10, 'percent', 100))).toBeNull();
    expect(lineError(line(2, 10, 'none', -99))).toBeNull();
  });
});

describe('document totals', () => {
  it('sums the rounded lines, not the unrounded products', () => {
    // Each line is 0,015 → 0,02; three of them are 0,06 (rounding the sum 0,045 would give 0,05).
    const lines = [line(1.5, 0.01), line(1.5, 0.01), line(1.5, 0.01)];
    expect(documentTotals(lines)).toEqual({ gross: 0.06, discount: 0, total: 0.06 });
  });

  it('adds gross, discount and total over valid lines only', () => {
    const lines = [line(2, 100, 'percent', 10), line(1, 50, 'amount', 5), line(0, 999)];
    expect(documentTotals(lines)).toEqual({ gross: 250, discount: 25, total: 225 });
  });

  it('is zero for an empty ticket', () => {
    expect(documentTotals([])).toEqual({ gross: 0, discount: 0, total: 0 });
  });
});

describe('decimal helpers', () => {
  it('rounds money exactly', () => {
    expect(roundMoney(1.005)).toBe(1.01);
    expect(roundMoney(-2.675)).toBe(-2.68);
    expect(roundMoney(8.9955)).toBe(9);
  });

  it.each([
    ['1,5', 1.5],
    ['10', 10],
    ['1.000', 1000],
    ['2.5', 2.5],
    ['12,5%', 12.5],
    ['0,125', 0.125],
  ])('reads %s as %d', (text, value) => {
    expect(parseDecimalBR(text)).toBe(value);
  });

  it.each(['', 'abc', '1,2,3', '1.2.3'])('rejects %j', (text) => {
    expect(parseDecimalBR(text)).toBeNull();
  });

  it('formats quantities the Brazilian way', () => {
    expect(formatDecimalBR(1.5)).toBe('1,5');
    expect(formatDecimalBR(1000)).toBe('1.000');
  });
});
