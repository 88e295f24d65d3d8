import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { formatMoney } from '../format/money';

export interface KanbanCard {
  id: string;
  title: string;
  subtitle?: string;
  /** Counted in the column total (e.g. the opportunity's value). */
  amount?: number | null;
}

export interface KanbanColumn<C extends KanbanCard = KanbanCard> {
  id: string;
  title: string;
  cards: readonly C[];
}

export interface KanbanBoardProps<C extends KanbanCard> {
  /** Names the board for screen readers, e.g. "Pipeline de oportunidades". */
  label: string;
  columns: readonly KanbanColumn<C>[];
  /** The user moved a card; the parent updates `columns` (optimistically or after the server answers). */
  onMove: (cardId: string, toColumnId: string) => void;
  /** Card body; defaults to title, subtitle and amount. */
  renderCard?: (card: C) => ComponentChildren;
  /** Opens the card (click on its title or Enter on the focused card). */
  onOpen?: (card: C) => void;
  /** Set false to hide money totals (e.g. a task board). */
  showTotals?: boolean;
}

const DRAG_TYPE = 'application/x-crmsaas-card';

/**
 * Columns of cards moved by drag and drop, with a "Mover para…" select on every card as the
 * keyboard and touch alternative (HTML5 drag and drop works with neither).
 */
export function KanbanBoard<C extends KanbanCard>({ label, columns, onMove, renderCard, onOpen, showTotals = true }: KanbanBoardProps<C>) {
  const base = `k-${useId()}`;
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const focusAfterMove = useRef<string | null>(null);
  const boardRef = useRef<HTMLDivElement>(null);

  // After a keyboard move the card re-renders in another column: put focus back on it.
  useEffect(() => {
    const id = focusAfterMove.current;
    if (!id || !boardRef.current) return;
    const card = [...boardRef.current.querySelectorAll<HTMLElement>('[data-card-id]')].find((el) => el.dataset['cardId'] === id);
    if (card) {
      card.focus();
      focusAfterMove.current = null;
    }
  }, [columns]);

  const columnOf = (cardId: string) => columns.find((col) => col.cards.some((c) => c.id === cardId));

  const move = (cardId: string, toColumnId: string, viaKeyboard: boolean) => {
    const from = columnOf(cardId);
    const to = columns.find((c) => c.id === toColumnId);
    if (!from || !to || from.id === to.id) return;
    const card = from.cards.find((c) => c.id === cardId)!;
    if (viaKeyboard) focusAfterMove.current = cardId;
    setAnnouncement(`“${card.title}” movido de ${from.title} para ${to.title}.`);
    onMove(cardId, toColumnId);
  };

  return (
    <div class="kanban" ref={boardRef} role="group" aria-label={label}>
      {columns.map((col) => {
        const total = col.cards.reduce((sum, c) => sum + (c.amount ?? 0), 0);
        const headingId = `${base}-col-${col.id}`;
        return (
          <section
            key={col.id}
            class={`kanban-column${dropTarget === col.id ? ' kanban-column-over' : ''}`}
            aria-labelledby={headingId}
            data-column-id={col.id}
            onDragOver={(e) => {
              if (!e.dataTransfer?.types.includes(DRAG_TYPE)) return;
              e.preventDefault();
              e.dataTransfer.dropEffect = 'move';
              if (dropTarget !== col.id) setDropTarget(col.id);
            }}
            onDragLeave={(e) => {
              if (!(e.currentTarget as HTMLElement).contains(e.relatedTarget as Node | null)) setDropTarget(null);
            }}
            onDrop={(e) => {
              e.preventDefault();
              setDropTarget(null);
              const cardId = e.dataTransfer?.getData(DRAG_TYPE);
              if (cardId) move(cardId, col.id, false);
            }}
          >
            <header class="kanban-column-header">
              <h3 id={headingId} class="kanban-column-title">
                {col.title}
              </h3>
              <span class="kanban-count" aria-label={`${col.cards.length} ${col.cards.length === 1 ? 'cartão' : 'cartões'}`}>
                {col.cards.length}
              </span>
              {showTotals && <span class="kanban-total">{formatMoney(total)}</span>}
            </header>
            <ul class="kanban-cards">
              {col.cards.length === 0 && <li class="kanban-empty">Nenhum item</li>}
              {col.cards.map((card) => (
                <li key={card.id}>
                  <article
                    class="kanban-card"
                    tabIndex={0}
                    draggable
                    data-card-id={card.id}
                    aria-label={card.title}
                    onDragStart={(e) => {
                      e.dataTransfer?.setData(DRAG_TYPE, card.id);
                      e.dataTransfer?.setData('text/plain', card.title);
                      if (e.dataTransfer) e.dataTransfer.effectAllowed = 'move';
                    }}
                    onDragEnd={() => setDropTarget(null)}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter' && e.target === e.currentTarget && onOpen) onOpen(card);
                    }}
                  >
                    <div class="kanban-card-body">
                      {renderCard ? (
                        renderCard(card)
                      ) : (
                        <>
                          {onOpen ? (
                            <button type="button" class="kanban-card-title link-button" onClick={() => onOpen(card)}>
                              {card.title}
                            </button>
                          ) : (
                            <p class="kanban-card-title">{card.title}</p>
                          )}
                          {card.subtitle && <p class="kanban-card-subtitle">{card.subtitle}</p>}
                          {card.amount != null && <p class="kanban-card-amount">{formatMoney(card.amount)}</p>}
                        </>
                      )}
                    </div>
                    <MoveSelect card={card} current={col} columns={columns} onMove={(to) => move(card.id, to, true)} />
                  </article>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      <div class="visually-hidden" aria-live="polite">
        {announcement}
      </div>
    </div>
  );
}

function MoveSelect<C extends KanbanCard>({ card, current, columns, onMove }: { card: C; current: KanbanColumn<C>; columns: readonly KanbanColumn<C>[]; onMove: (toColumnId: string) => void }) {
  const id = `mv-${useId()}`;
  return (
    <div class="kanban-move">
      <label for={id} class="visually-hidden">
        Mover “{card.title}” para
      </label>
      <select
        id={id}
        class="input select input-sm"
        value=""
        onChange={(e) => {
          const to = e.currentTarget.value;
          e.currentTarget.value = '';
          if (to) onMove(to);
        }}
      >
        <option value="">Mover para…</option>
        {columns
          .filter((c) => c.id !== current.id)
          .map((c) => (
            <option key={c.id} value={c.id}>
              {c.title}
            </option>
          ))}
      </select>
    </div>
  );
}
