import type { ComponentChildren } from 'preact';

export type BadgeTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

export interface BadgeProps {
  tone?: BadgeTone;
  children: ComponentChildren;
  title?: string;
}

/** Status label; colour is never the only cue, the text says the status. */
export function Badge({ tone = 'neutral', children, title }: BadgeProps) {
  return (
    <span class={`badge badge-${tone}`} title={title}>
      {children}
    </span>
  );
}

/** A status value with its label and tone, for mapping API status codes to badges. */
export interface StatusStyle {
  label: string;
  tone: BadgeTone;
}

export function StatusBadge({ status, styles }: { status: string; styles: Record<string, StatusStyle> }) {
  const style = styles[status];
  return <Badge tone={style?.tone ?? 'neutral'}>{style?.label ?? status}</Badge>;
}
