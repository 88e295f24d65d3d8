import { describe, expect, it } from 'vitest';
import { parsePaymentTerms, planInstallments } from './installments';

describe('payment terms', () => {
  it('reads 30/60/90 and treats empty as a single payment on the order date', () => {
    expect(parsePaymentTerms('30/60/90')).toEqual({ days: [30, 60, 90], error: null });
    expect(parsePaymentTerms(' 0 / 30 ')).toEqual({ days: [0, 30], error: null });
    expect(parsePaymentTerms('')).toEqual({ days: [0], error: null });
  });

  it('refuses what the server refuses, with its messages', () => {
    expect(parsePaymentTerms('30/abc').error).toBe('Condição de pagamento inválida: "abc" não é um número de dias. Use o formato 30/60/90.');
    expect(parsePaymentTerms('60/30').error).toBe('Condição de pagamento inválida: os prazos devem ser crescentes, por exemplo 30/60/90.');
    expect(parsePaymentTerms('30/30').error).toContain('crescentes');
    expect(parsePaymentTerms('3651').error).toBe('Condição de pagamento inválida: o prazo máximo é de 3650 dias.');
  });
});

describe('installments preview', () => {
  it('puts the rounding centavo on the last installment so they add up to the total', () => {
    const plan = planInstallments(100, '2026-01-31', [30, 60, 90]);
    expect(plan.map((p) => p.amount)).toEqual([33.33, 33.33, 33.34]);
    expect(plan.map((p) => p.dueDate)).toEqual(['2026-03-02', '2026-04-01', '2026-05-01']);
    expect(plan.map((p) => p.number)).toEqual([1, 2, 3]);
  });

  it('rounds half away from zero like the server', () => {
    // 0,05 / 2 = 0,025 → 0,03 each would exceed the total; the last takes the difference.
    expect(planInstallments(0.05, '2026-07-01', [0, 30]).map((p) => p.amount)).toEqual([0.03, 0.02]);
  });

  it('has nothing to show without a total or when the total is too small for the count', () => {
    expect(planInstallments(0, '2026-07-01', [30])).toEqual([]);
    expect(planInstallments(0.02, '2026-07-01', [0, 30, 60])).toEqual([]);
  });
});
