import { describe, expect, it } from 'vitest';
import { parseProblem } from '../api/problem';
import { formatDecimalBR, parseDecimalBR } from '../format/lineMath';
import { blockedItemsOf, blockedReason, readBillingQuantities, readBillingView, readInvoice } from './billingApi';

const view = readBillingView({
  orderId: 'o1',
  orderNumber: 12,
  status: 'Pedido',
  statusLabel: 'Pedido',
  canBill: true,
  items: [
    { itemId: 'A1', description: 'Visita técnica', kind: 'service', quantity: 15, taskGated: true, tasksTotal: 15, tasksCompleted: 10, billed: 0, billableNow: 10 },
    { itemId: 'B2', description: 'Filtro', kind: 'product', quantity: 2, taskGated: false, tasksTotal: 0, tasksCompleted: 0, billed: 1, billableNow: 1 },
  ],
  invoices: [{ id: 'n1', number: 57, status: 'issued', orderId: 'o1', orderNumber: 12, customerName: 'Padaria', issueDate: '2026-07-20', total: 200, nfseStatus: 'queued' }],
});

describe('billing view', () => {
  it('reads per item quantity, completed tasks, billed and billable now', () => {
    expect(view.items[0]).toEqual({ itemId: 'A1', description: 'Visita técnica', kind: 'service', quantity: 15, tasksGenerated: 15, completedTasks: 10, billedQuantity: 0, billableNow: 10 });
    expect(view.orderNumber).toBe(12);
    expect(view.canBill).toBe(true);
    expect(view.invoices.map((n) => [n.number, n.issuedAt, n.total])).toEqual([[57, '2026-07-20', 200]]);
  });

  it('lets a confirmed order bill even when nothing is billable yet, which the API\'s canBill leaves out', () => {
    const item = { itemId: 'A1', description: 'Visita técnica', kind: 'service', quantity: 15, tasksTotal: 15, tasksCompleted: 10, billed: 10, billableNow: 0 };
    expect(readBillingView({ status: 'FaturadoParcial', canBill: false, items: [item] }).canBill).toBe(true);
    expect(readBillingView({ status: 'Pedido', canBill: false, items: [{ ...item, tasksCompleted: 0, billed: 0 }] }).canBill).toBe(true);
    expect(readBillingView({ status: 'Proposta', canBill: false, items: [item] }).canBill).toBe(false);
    expect(readBillingView({ status: 'Faturado', canBill: false, items: [item] }).canBill).toBe(false);
  });

  it('reads an invoice answer with its lines, ISS and receivables', () => {
    const invoice = readInvoice({
      invoice: {
        id: 'n1',
        number: 57,
        status: 'issued',
        orderId: 'o1',
        orderNumber: 12,
        issueDate: '2026-07-20',
        total: 2000,
        issWithheld: true,
        lines: [{ itemId: 'A1', description: 'Visita técnica', quantity: 10, unitPrice: 200, total: 2000, issRate: 5, issAmount: 100 }],
        etag: 'W/"1"',
      },
      receivables: [{ id: 'r1', installment: 1, installmentCount: 2, dueDate: '2026-08-19', amount: 950, status: 'open', overdue: false }],
    });
    expect(invoice).toMatchObject({ number: 57, issuedAt: '2026-07-20', issAmount: 100, issWithheld: true, etag: 'W/"1"' });
    expect(invoice.items).toEqual([{ itemId: 'A1', description: 'Visita técnica', quantity: 10, unitPrice: 200, total: 2000 }]);
    expect(invoice.receivables.map((r) => [r.installmentNumber, r.installmentCount, r.amount])).toEqual([[1, 2, 950]]);
  });
});

describe('partial billing form', () => {
  it('sends only the lines with a quantity', () => {
    expect(readBillingQuantities(view, { A1: '10', B2: '' }, parseDecimalBR)).toEqual({ items: [{ itemId: 'A1', quantity: 10 }], errors: {} });
  });

  it('leaves the task gate to the server but refuses more than what remains to bill', () => {
    expect(readBillingQuantities(view, { A1: '11' }, parseDecimalBR).items).toEqual([{ itemId: 'A1', quantity: 11 }]);
    expect(readBillingQuantities(view, { B2: '2' }, parseDecimalBR).errors).toEqual({ B2: 'No máximo 1 (restante a faturar).' });
    expect(readBillingQuantities(view, {}, parseDecimalBR).errors['_form']).toBe('Informe a quantidade a faturar de ao menos um item.');
  });
});

describe('billing_blocked', () => {
  it('lists each blocked item from the problem extension with a reason', () => {
    const error = parseProblem(409, {
      code: 'billing_blocked',
      detail: 'Há itens com tarefas não concluídas.',
      blockedItems: [{ itemId: 'A1', description: 'Visita técnica', completed: 10, billed: 0, requested: 11 }],
    });
    const blocked = blockedItemsOf(error);
    expect(blocked).toHaveLength(1);
    expect(blockedReason(blocked[0]!, formatDecimalBR)).toBe(
      'Visita técnica: 10 tarefa(s) concluída(s), 0 já faturada(s); pedido de 11, mas só 10 pode(m) ser faturada(s) agora.',
    );
  });

  it('prefers the reason the server wrote and ignores other errors', () => {
    const error = parseProblem(409, { code: 'billing_blocked', items: [{ itemId: 'A1', description: 'Visita', reason: 'faltam 5 tarefas concluídas.' }] });
    expect(blockedReason(blockedItemsOf(error)[0]!, formatDecimalBR)).toBe('Visita: faltam 5 tarefas concluídas.');
    expect(blockedItemsOf(parseProblem(409, { code: 'conflict', items: [{}] }))).toEqual([]);
  });
});
