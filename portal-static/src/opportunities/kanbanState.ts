import { etagOf } from '../api/lists';
import { ApiError, toApiError } from '../api/problem';
import type { Page } from '../app/usePagedList';
import { roundMoney } from '../format/lineMath';
import type { KanbanStage, Opportunity, OpportunityCard } from './opportunitiesApi';

/** The pipeline board: stages in order, each with the server's count and total and the cards loaded so far. */
export interface Board {
  stages: KanbanStage[];
}

export function findCard(board: Board, cardId: string): { stage: KanbanStage; card: OpportunityCard } | null {
  for (const stage of board.stages) {
    const card = stage.items.find((c) => c.id === cardId);
    if (card) return { stage, card };
  }
  return null;
}

/**
 * The board after moving a card, before the server answers: the card goes to the top of the
 * target column and both columns' count and total change by the card (the server's per-stage
 * stats change the same way in the same batch).
 */
export function moveCardLocally(board: Board, cardId: string, toStageId: string): Board {
  const found = findCard(board, cardId);
  if (!found || found.stage.id === toStageId || !board.stages.some((s) => s.id === toStageId)) return board;
  const { stage: from, card } = found;
  const amount = card.ticketTotal ?? 0;
  return {
    stages: board.stages.map((s) => {
      if (s.id === from.id) return { ...s, items: s.items.filter((c) => c.id !== cardId), count: Math.max(0, s.count - 1), total: roundMoney(s.total - amount) };
      if (s.id === toStageId) return { ...s, items: [card, ...s.items], count: s.count + 1, total: roundMoney(s.total + amount) };
      return s;
    }),
  };
}

/** Replaces one card's fields (e.g. the new ETag after a move). */
export function patchCard(board: Board, cardId: string, patch: Partial<OpportunityCard>): Board {
  return { stages: board.stages.map((s) => (s.items.some((c) => c.id === cardId) ? { ...s, items: s.items.map((c) => (c.id === cardId ? { ...c, ...patch } : c)) } : s)) };
}

/** Adds a further page ("Carregar mais") to a column; cards already shown are not repeated. */
export function appendColumnPage(board: Board, stageId: string, page: Page<OpportunityCard>): Board {
  return {
    stages: board.stages.map((s) => {
      if (s.id !== stageId) return s;
      const known = new Set(s.items.map((c) => c.id));
      return { ...s, items: [...s.items, ...page.items.filter((c) => !known.has(c.id))], continuation: page.continuation ?? null };
    }),
  };
}

export interface MoveDeps {
  /** Reads the opportunity now: its ETag and where the server has it. */
  load: (id: string) => Promise<{ data: Pick<Opportunity, 'stageId' | 'status'>; etag: string | null }>;
  move: (id: string, stageId: string, etag: string | null) => Promise<Opportunity | undefined>;
}

export type MoveOutcome =
  | { kind: 'moved'; board: Board }
  | { kind: 'unchanged'; board: Board }
  /** Someone else changed the opportunity: the board is back as it was and the user should reload. */
  | { kind: 'conflict'; board: Board; error: ApiError }
  | { kind: 'failed'; board: Board; error: ApiError };

export const STALE_CARD_DETAIL = 'Esta oportunidade foi alterada por outra pessoa depois que o quadro foi carregado. Recarregue para ver a posição atual.';

/**
 * Moves a card with optimistic concurrency. The If-Match is the card's ETag when the board has
 * one; otherwise the opportunity is read first, and if the server already has it in another stage
 * than the card shows (someone moved it meanwhile) the move is refused as a conflict instead of
 * silently overwriting that change. A 412 from the server is a conflict as well.
 */
export async function moveWithConcurrency(board: Board, cardId: string, toStageId: string, deps: MoveDeps): Promise<MoveOutcome> {
  const found = findCard(board, cardId);
  if (!found || found.stage.id === toStageId) return { kind: 'unchanged', board };
  try {
    let etag = etagOf(found.card);
    if (!etag) {
      const current = await deps.load(cardId);
      if (current.data.stageId !== found.stage.id || current.data.status !== found.card.status) {
        return { kind: 'conflict', board, error: new ApiError({ status: 412, code: 'conflict', title: STALE_CARD_DETAIL, detail: STALE_CARD_DETAIL }) };
      }
      etag = current.etag ?? null;
    }
    const saved = await deps.move(cardId, toStageId, etag);
    const moved = moveCardLocally(board, cardId, toStageId);
    // The next move of this card must send the new version, not the one the board was loaded with.
    const nextEtag = saved && typeof saved === 'object' ? etagOf(saved) : null;
    return { kind: 'moved', board: patchCard(moved, cardId, { etag: nextEtag, eTag: nextEtag, stageId: toStageId }) };
  } catch (e) {
    const error = toApiError(e);
    return error.isConflict ? { kind: 'conflict', board, error } : { kind: 'failed', board, error };
  }
}
