import type { ComponentChildren } from 'preact';

export interface EmptyStateProps {
  title: string;
  children?: ComponentChildren;
  /** The action that fills the empty place, e.g. a "Novo cliente" button. */
  action?: ComponentChildren;
}

/** What an empty list or panel shows instead of nothing: what it is for and how to start. */
export function EmptyState({ title, children, action }: EmptyStateProps) {
  return (
    <div class="empty-state">
      <p class="empty-state-title">{title}</p>
      {children && <div class="empty-state-text">{children}</div>}
      {action && <div class="empty-state-action">{action}</div>}
    </div>
  );
}
