import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/problem';
import { appendColumnPage, moveCardLocally, moveWithConcurrency, type Board } from './kanbanState';
import type { OpportunityCard } from './opportunitiesApi';

const card = (id: string, total: number, extra: Partial<OpportunityCard> = {}): OpportunityCard => ({ id, title: `Oportunidade ${id}`, ticketTotal: total, status: 'open', ...extra });

function board(): Board {
  return {
    stages: [
      { id: 'lead', name: 'Prospecção', count: 3, total: 1500.1, items: [card('o1', 1000.05), card('o2', 500.05)], continuation: 'next' },
      { id: 'deal', name: 'Negociação', count: 1, total: 200, items: [card('o3', 200)], continuation: null },
    ],
  };
}

const conflict = () => new ApiError({ status: 412, code: 'conflict', title: 'Conflito', detail: 'Este registro foi alterado por outra pessoa depois que você o abriu. Recarregue e tente novamente.' });

describe('moving a card on the board', () => {
  it('moves the card to the top of the target column and shifts count and total by its value', () => {
    const next = moveCardLocally(board(), 'o1', 'deal');
    const [lead, deal] = next.stages;
    expect(lead!.items.map((c) => c.id)).toEqual(['o2']);
    expect(deal!.items.map((c) => c.id)).toEqual(['o1', 'o3']);
    // Counts and totals are the whole column's (server stats), not just the loaded cards.
    expect(lead!.count).toBe(2);
    expect(lead!.total).toBe(500.05);
    expect(deal!.count).toBe(2);
    expect(deal!.total).toBe(1200.05);
  });

  it('changes nothing for a move to the same column or to an unknown one', () => {
    const b = board();
    expect(moveCardLocally(b, 'o1', 'lead')).toBe(b);
    expect(moveCardLocally(b, 'o1', 'nowhere')).toBe(b);
    expect(moveCardLocally(b, 'missing', 'deal')).toBe(b);
  });

  it('appends a further page without repeating cards already shown', () => {
    const next = appendColumnPage(board(), 'lead', { items: [card('o2', 500.05), card('o4', 10)], continuation: null });
    expect(next.stages[0]!.items.map((c) => c.id)).toEqual(['o1', 'o2', 'o4']);
    expect(next.stages[0]!.continuation).toBeNull();
    expect(next.stages[1]).toEqual(board().stages[1]);
  });
});

describe('moving with optimistic concurrency', () => {
  it('sends the card ETag as If-Match and keeps the new version for the next move', async () => {
    const b = board();
    b.stages[0]!.items[0] = card('o1', 1000.05, { eTag: '"v7"' });
    const load = vi.fn();
    const move = vi.fn().mockResolvedValue({ id: 'o1', stageId: 'deal', eTag: '"v8"' });

    const outcome = await moveWithConcurrency(b, 'o1', 'deal', { load, move });

    expect(load).not.toHaveBeenCalled();
    expect(move).toHaveBeenCalledWith('o1', 'deal', '"v7"');
    expect(outcome.kind).toBe('moved');
    const moved = outcome.board.stages[1]!.items[0]!;
    expect(moved.id).toBe('o1');
    expect(moved.eTag).toBe('"v8"');
  });

  it('reads the current ETag when the card has none and the server still has it where the board shows it', async () => {
    const load = vi.fn().mockResolvedValue({ data: { stageId: 'lead', status: 'open' }, etag: 'W/"3"' });
    const move = vi.fn().mockResolvedValue(undefined);

    const outcome = await moveWithConcurrency(board(), 'o2', 'deal', { load, move });

    expect(move).toHaveBeenCalledWith('o2', 'deal', 'W/"3"');
    expect(outcome.kind).toBe('moved');
    expect(outcome.board.stages[1]!.count).toBe(2);
  });

  it('refuses as a conflict when someone else already moved the opportunity, without writing', async () => {
    const load = vi.fn().mockResolvedValue({ data: { stageId: 'deal', status: 'open' }, etag: 'W/"9"' });
    const move = vi.fn();
    const before = board();

    const outcome = await moveWithConcurrency(before, 'o1', 'deal', { load, move });

    expect(move).not.toHaveBeenCalled();
    expect(outcome.kind).toBe('conflict');
    expect(outcome.board).toBe(before);
    if (outcome.kind === 'conflict') {
      expect(outcome.error.isConflict).toBe(true);
      expect(outcome.error.detail).toMatch(/alterada por outra pessoa/);
    }
  });

  it('turns a 412 from the server into a conflict and gives the board back unchanged', async () => {
    const b = board();
    b.stages[0]!.items[0] = card('o1', 1000.05, { etag: 'W/"stale"' });
    const move = vi.fn().mockRejectedValue(conflict());

    const outcome = await moveWithConcurrency(b, 'o1', 'deal', { load: vi.fn(), move });

    expect(outcome.kind).toBe('conflict');
    expect(outcome.board).toBe(b);
    expect(outcome.board.stages[0]!.count).toBe(3);
  });

  it('reports other failures (not conflicts) with the board unchanged', async () => {
    const b = board();
    b.stages[0]!.items[0] = card('o1', 1000.05, { etag: 'W/"1"' });
    const move = vi.fn().mockRejectedValue(new ApiError({ status: 500, code: 'internal', title: 'Erro', detail: 'Erro inesperado.' }));

    const outcome = await moveWithConcurrency(b, 'o1', 'deal', { load: vi.fn(), move });

    expect(outcome.kind).toBe('failed');
    expect(outcome.board).toBe(b);
  });

  it('does nothing when the card is dropped on its own column', async () => {
    const move = vi.fn();
    const outcome = await moveWithConcurrency(board(), 'o1', 'lead', { load: vi.fn(), move });
    expect(outcome.kind).toBe('unchanged');
    expect(move).not.toHaveBeenCalled();
  });
});
