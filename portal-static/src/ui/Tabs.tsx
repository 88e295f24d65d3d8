import type { ComponentChildren } from 'preact';
import { useId, useRef } from 'preact/hooks';

export interface TabItem {
  id: string;
  label: ComponentChildren;
  panel: () => ComponentChildren;
  disabled?: boolean;
}

export interface TabsProps {
  /** Names the tab list for screen readers. */
  label: string;
  tabs: readonly TabItem[];
  selected: string;
  onSelect: (id: string) => void;
}

/**
 * WAI-ARIA tabs with automatic activation: arrow keys move between tabs and select them,
 * Home/End go to the first/last; only the selected tab is in the Tab order.
 */
export function Tabs({ label, tabs, selected, onSelect }: TabsProps) {
  const base = `t-${useId()}`;
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  const enabled = tabs.filter((t) => !t.disabled);
  const current = tabs.find((t) => t.id === selected) ?? enabled[0];

  const focusTab = (id: string) => {
    onSelect(id);
    refs.current[id]?.focus();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    const index = enabled.findIndex((t) => t.id === current?.id);
    let next: TabItem | undefined;
    if (e.key === 'ArrowRight') next = enabled[(index + 1) % enabled.length];
    else if (e.key === 'ArrowLeft') next = enabled[(index - 1 + enabled.length) % enabled.length];
    else if (e.key === 'Home') next = enabled[0];
    else if (e.key === 'End') next = enabled[enabled.length - 1];
    if (!next) return;
    e.preventDefault();
    focusTab(next.id);
  };

  return (
    <div class="tabs">
      <div role="tablist" aria-label={label} class="tab-list" onKeyDown={onKeyDown}>
        {tabs.map((t) => {
          const isSelected = t.id === current?.id;
          return (
            <button
              key={t.id}
              ref={(el) => {
                refs.current[t.id] = el;
              }}
              type="button"
              role="tab"
              id={`${base}-tab-${t.id}`}
              aria-selected={isSelected}
              aria-controls={`${base}-panel-${t.id}`}
              tabIndex={isSelected ? 0 : -1}
              disabled={t.disabled}
              class="tab"
              onClick={() => onSelect(t.id)}
            >
              {t.label}
            </button>
          );
        })}
      </div>
      {current && (
        <div role="tabpanel" id={`${base}-panel-${current.id}`} aria-labelledby={`${base}-tab-${current.id}`} tabIndex={0} class="tab-panel">
          {current.panel()}
        </div>
      )}
    </div>
  );
}
