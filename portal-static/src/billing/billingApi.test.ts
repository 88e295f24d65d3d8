import { describe, expect, it } from 'vitest';
import { parseProblem } from '../api/problem';
import { formatDecimalBR, parseDecimalBR } from '../format/lineMath';
import { blockedItemsOf, blockedReason, readBillingQuantities, readBillingView } from './billingApi';

const view = readBillingView({
  orderId: 'o1',
  orderNumber: 12,
  status: 'Pedido',
  items: [
    { itemId: 'A1', description: 'Visita técnica', kind: 'service', quantity: 15, tasksGenerated: 15, completedTasks: 10, billedQuantity: 0, billableNow: 10 },
    { itemId: 'B2', description: 'Filtro', kind: 'product', quantity: 2, billedQuantity: 1, billableNow: 1 },
  ],
});

describe('billing view', () => {
  it('reads per item quantity, completed tasks, billed and billable now', () => {
    expect(view.items[0]).toEqual({ itemId: 'A1', description: 'Visita técnica', kind: 'service', quantity: 15, tasksGenerated: 15, completedTasks: 10, billedQuantity: 0, billableNow: 10 });
    expect(view.orderNumber).toBe(12);
  });

  it('reads the short field names too, and defaults billable to what remains', () => {
    const v = readBillingView({ id: 'o1', items: [{ id: 'A1', description: 'X', quantity: 4, completed: 3, billed: 1 }] });
    expect(v.items[0]).toMatchObject({ itemId: 'A1', completedTasks: 3, billedQuantity: 1, billableNow: 3 });
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
