import { describe, expect, it } from 'vitest';
import { DEFAULT_TASK_FILTERS, buildTaskQuery, filtersFromUrl, isOverdue, taskInput, validateTask } from './taskFilters';

describe('Central de Tarefas filters', () => {
  it('asks for open tasks by default and leaves empty filters out of the query', () => {
    expect(buildTaskQuery(DEFAULT_TASK_FILTERS)).toEqual({ ok: true, query: { status: 'open' } });
    expect(buildTaskQuery({ ...DEFAULT_TASK_FILTERS, status: '' })).toEqual({ ok: true, query: {} });
  });

  it('sends every filled filter under the API names', () => {
    const result = buildTaskQuery({
      status: 'done',
      assigneeId: 'u3',
      opportunity: { id: 'o1', label: 'Manutenção' },
      orderId: ' 01JORDER ',
      dueFrom: '2026-07-01',
      dueTo: '2026-07-31',
      q: ' preventiva ',
    });
    expect(result).toEqual({ ok: true, query: { status: 'done', assigneeId: 'u3', opportunityId: 'o1', orderId: '01JORDER', dueFrom: '2026-07-01', dueTo: '2026-07-31', q: 'preventiva' } });
  });

  it('refuses a due-date range that ends before it starts', () => {
    expect(buildTaskQuery({ ...DEFAULT_TASK_FILTERS, dueFrom: '2026-08-01', dueTo: '2026-07-31' })).toEqual({ ok: false, errors: { dueTo: 'O vencimento final deve ser igual ou posterior ao inicial.' } });
  });

  it('reads filters from links (an opportunity, a sales order)', () => {
    const f = filtersFromUrl(new URLSearchParams('oportunidade=o1&oportunidadeTitulo=Manutenção&situacao=todas&pedido=01JORDER'));
    expect(f.status).toBe('');
    expect(f.opportunity).toEqual({ id: 'o1', label: 'Manutenção' });
    expect(f.orderId).toBe('01JORDER');
    expect(filtersFromUrl(new URLSearchParams('')).status).toBe('open');
    expect(filtersFromUrl(new URLSearchParams('situacao=concluidas')).status).toBe('done');
  });

  it('marks only open tasks past their due date as overdue', () => {
    expect(isOverdue({ status: 'open', dueDate: '2026-07-14' }, '2026-07-15')).toBe(true);
    expect(isOverdue({ status: 'open', dueDate: '2026-07-15' }, '2026-07-15')).toBe(false);
    expect(isOverdue({ status: 'done', dueDate: '2026-07-01' }, '2026-07-15')).toBe(false);
    expect(isOverdue({ status: 'open', dueDate: null }, '2026-07-15')).toBe(false);
    // The server's answer wins: it knows today in Brasília.
    expect(isOverdue({ status: 'open', dueDate: '2026-07-14', overdue: false }, '2026-07-15')).toBe(false);
  });
});

describe('task form', () => {
  it('requires the subject', () => {
    expect(validateTask({ subject: ' ', opportunity: null, assigneeId: '', dueDate: null, description: '' })).toEqual({ subject: 'Informe o assunto da tarefa.' });
  });

  it('sends empty choices as null', () => {
    expect(taskInput({ subject: ' Ligar ', opportunity: null, assigneeId: '', dueDate: null, description: '' })).toEqual({ subject: 'Ligar', opportunityId: null, assigneeId: null, dueDate: null, description: null });
  });
});
