import { describe, expect, it, vi, afterEach } from 'vitest';
import { useState } from 'preact/hooks';
import { KanbanBoard, type KanbanColumn } from './Kanban';
import { act, choose, mount } from '../test/render';

const initial: KanbanColumn[] = [
  { id: 'lead', title: 'Prospecção', cards: [{ id: 'o1', title: 'Manutenção predial', amount: 1500 }, { id: 'o2', title: 'Limpeza', amount: 250.5 }] },
  { id: 'proposal', title: 'Proposta', cards: [{ id: 'o3', title: 'Consultoria', amount: 1000 }] },
  { id: 'won', title: 'Ganha', cards: [] },
];

function Board({ onMove }: { onMove: (cardId: string, to: string) => void }) {
  const [columns, setColumns] = useState(initial);
  return (
    <KanbanBoard
      label="Pipeline"
      columns={columns}
      onMove={(cardId, to) => {
        onMove(cardId, to);
        setColumns((cols) => {
          const card = cols.flatMap((c) => c.cards).find((c) => c.id === cardId)!;
          return cols.map((c) => ({ ...c, cards: c.id === to ? [...c.cards, card] : c.cards.filter((x) => x.id !== cardId) }));
        });
      }}
    />
  );
}

function column(container: HTMLElement, id: string): HTMLElement {
  return container.querySelector<HTMLElement>(`[data-column-id="${id}"]`)!;
}

describe('KanbanBoard', () => {
  let cleanup: (() => void) | undefined;
  afterEach(() => cleanup?.());

  it('shows each column with its card count and money total', () => {
    const view = mount(<Board onMove={() => {}} />);
    cleanup = view.unmount;
    const lead = column(view.container, 'lead');
    expect(lead.querySelector('.kanban-count')!.textContent).toBe('2');
    expect(lead.querySelector('.kanban-total')!.textContent).toBe('R$\u00a01.750,50');
    expect(column(view.container, 'won').textContent).toContain('Nenhum item');
  });

  it('moves a card with the keyboard through the "Mover para…" select and keeps focus on it', () => {
    const onMove = vi.fn();
    const view = mount(<Board onMove={onMove} />);
    cleanup = view.unmount;
    const card = view.container.querySelector<HTMLElement>('[data-card-id="o1"]')!;
    card.focus();
    const select = card.querySelector('select')!;
    expect([...select.options].map((o) => o.textContent)).toEqual(['Mover para…', 'Proposta', 'Ganha']);
    expect(view.container.querySelector(`label[for="${select.id}"]`)!.textContent).toBe('Mover “Manutenção predial” para');

    choose(select, 'won');

    expect(onMove).toHaveBeenCalledWith('o1', 'won');
    const won = column(view.container, 'won');
    expect(won.querySelector('[data-card-id="o1"]')).not.toBeNull();
    expect(won.querySelector('.kanban-total')!.textContent).toBe('R$\u00a01.500,00');
    expect(document.activeElement).toBe(won.querySelector('[data-card-id="o1"]'));
    expect(view.container.querySelector('[aria-live="polite"]')!.textContent).toBe('“Manutenção predial” movido de Prospecção para Ganha.');
  });

  it('moves a card dropped on another column', () => {
    const onMove = vi.fn();
    const view = mount(<Board onMove={onMove} />);
    cleanup = view.unmount;
    const data = new Map<string, string>();
    const dataTransfer = {
      get types() {
        return [...data.keys()];
      },
      setData: (k: string, v: string) => data.set(k, v),
      getData: (k: string) => data.get(k) ?? '',
      dropEffect: 'none',
      effectAllowed: 'all',
    };
    const fire = (target: Element, type: string) => {
      const event = new Event(type, { bubbles: true, cancelable: true });
      Object.defineProperty(event, 'dataTransfer', { value: dataTransfer });
      act(() => {
        target.dispatchEvent(event);
      });
      return event;
    };
    fire(view.container.querySelector('[data-card-id="o3"]')!, 'dragstart');
    const over = fire(column(view.container, 'lead'), 'dragover');
    expect(over.defaultPrevented).toBe(true);
    expect(column(view.container, 'lead').classList.contains('kanban-column-over')).toBe(true);
    fire(column(view.container, 'lead'), 'drop');
    expect(onMove).toHaveBeenCalledWith('o3', 'lead');
    expect(column(view.container, 'lead').querySelector('.kanban-count')!.textContent).toBe('3');
  });

  it('ignores a drop on the column the card is already in', () => {
    const onMove = vi.fn();
    const view = mount(<Board onMove={onMove} />);
    cleanup = view.unmount;
    const event = new Event('drop', { bubbles: true, cancelable: true });
    Object.defineProperty(event, 'dataTransfer', { value: { types: ['application/x-crmsaas-card'], getData: () => 'o3' } });
    act(() => {
      column(view.container, 'proposal').dispatchEvent(event);
    });
    expect(onMove).not.toHaveBeenCalled();
  });
});
