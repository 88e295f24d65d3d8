import { describe, expect, it } from 'vitest';
import { displayStatus, readReceivable, validatePayment } from './receivablesApi';

describe('receivables', () => {
  it('trusts the server’s overdue flag and falls back to the due date without it', () => {
    const today = '2026-07-20';
    expect(displayStatus(readReceivable({ status: 'open', dueDate: '2026-07-01', overdue: false }), today)).toBe('open');
    expect(displayStatus(readReceivable({ status: 'open', dueDate: '2026-07-30', overdue: true }), today)).toBe('overdue');
    expect(displayStatus(readReceivable({ status: 'open', dueDate: '2026-07-19' }), today)).toBe('overdue');
    expect(displayStatus(readReceivable({ status: 'paid', dueDate: '2026-07-01', overdue: false }), today)).toBe('paid');
  });

  it('reads the installment numbers and payment', () => {
    expect(readReceivable({ id: 'r1', installment: 2, installmentCount: 3, paidOn: '2026-07-20', paidAmount: 99.5, status: 'paid' })).toMatchObject({
      installmentNumber: 2,
      installmentCount: 3,
      paidOn: '2026-07-20',
      paidAmount: 99.5,
    });
  });

  it('refuses a payment in the future or without an amount', () => {
    expect(validatePayment({ date: '2026-07-21', amount: null }, '2026-07-20')).toEqual({ date: 'A data do pagamento não pode estar no futuro.', amount: 'Informe o valor pago.' });
    expect(validatePayment({ date: '2026-07-20', amount: 10 }, '2026-07-20')).toEqual({});
  });
});
