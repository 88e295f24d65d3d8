import { afterEach, describe, expect, it, vi } from 'vitest';
import { callsTo, fakeApi, openApp, queryOf, withEtag } from '../test/fakeApi';
import { byText, choose, click, field, jsonResponse, settle, type } from '../test/render';

const generated = {
  id: 't1',
  subject: 'Manutenção preventiva mensal',
  opportunityId: 'o1',
  opportunityTitle: 'Manutenção compressores',
  orderId: 'ord1',
  orderNumber: 1024,
  unitIndex: 2,
  assigneeId: 'u3',
  assigneeName: 'Beatriz Rocha',
  dueDate: '2020-01-10',
  status: 'open',
  etag: 'W/"2"',
};

describe('Central de Tarefas', () => {
  let cleanup: (() => void) | undefined;
  afterEach(() => {
    cleanup?.();
    vi.unstubAllGlobals();
  });

  it('lists open tasks with their order unit, overdue due dates, and completes one with its ETag', async () => {
    let status = 'open';
    const calls = fakeApi({
      'GET /api/users': () => jsonResponse(200, { items: [{ id: 'u3', name: 'Beatriz Rocha', email: 'b@acme.com.br', role: 'operations', status: 'active' }] }),
      'GET /api/tasks': () => jsonResponse(200, { items: [{ ...generated, status }], continuation: null }),
      'POST /api/tasks/t1/complete': () => {
        status = 'done';
        return withEtag({ ...generated, status: 'done' }, 'W/"3"');
      },
    });
    const view = await openApp('/tarefas');
    cleanup = view.unmount;
    const page = view.container;

    expect(queryOf(callsTo(calls, 'GET', '/api/tasks')[0]!).get('status')).toBe('open');
    const row = page.querySelector('tbody tr')!;
    expect(row.textContent).toContain('Pedido 1024 · unidade 2');
    expect(row.querySelector('.text-danger')!.textContent).toBe('10/01/2020 (vencida)');

    click(byText(row, 'button', 'Concluir'));
    await settle();
    expect(callsTo(calls, 'POST', '/api/tasks/t1/complete')[0]!.headers.get('if-match')).toBe('W/"2"');
    expect(page.querySelector('tbody tr')!.textContent).toContain('Concluída');
    expect(byText(page.querySelector('tbody tr')!, 'button', 'Reabrir')).toBeTruthy();
  });

  it('sends the filters under the API names and refuses a reversed due-date range', async () => {
    const calls = fakeApi({
      'GET /api/users': () => jsonResponse(200, { items: [{ id: 'u3', name: 'Beatriz Rocha', email: 'b@acme.com.br', role: 'operations', status: 'active' }] }),
      'GET /api/tasks': () => jsonResponse(200, { items: [], continuation: null }),
    });
    const view = await openApp('/tarefas?pedido=ord1&situacao=todas');
    cleanup = view.unmount;
    const page = view.container;
    expect(Object.fromEntries(queryOf(callsTo(calls, 'GET', '/api/tasks')[0]!))).toMatchObject({ orderId: 'ord1' });
    expect(queryOf(callsTo(calls, 'GET', '/api/tasks')[0]!).get('status')).toBeNull();

    choose(field<HTMLSelectElement>(page, 'Responsável'), 'u3');
    await settle();
    type(field(page, 'Vencimento de'), '31/07/2026');
    await settle();
    type(field(page, 'Vencimento até'), '01/07/2026');
    await settle();
    expect(page.textContent).toContain('O vencimento final deve ser igual ou posterior ao inicial.');

    type(field(page, 'Vencimento até'), '31/08/2026');
    await settle();
    const last = queryOf(callsTo(calls, 'GET', '/api/tasks').at(-1)!);
    expect(last.get('assigneeId')).toBe('u3');
    expect(last.get('dueFrom')).toBe('2026-07-31');
    expect(last.get('dueTo')).toBe('2026-08-31');
    expect(last.get('orderId')).toBe('ord1');
    expect(page.textContent).toContain('Nenhuma tarefa com estes filtros.');
  });
});
