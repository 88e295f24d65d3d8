export interface SpinnerProps {
  /** Announced to screen readers; '' hides the text (e.g. inside a busy button). */
  label?: string;
  size?: 'sm' | 'md' | 'lg';
  /** Show the label next to the spinner instead of only to screen readers. */
  showLabel?: boolean;
}

export function Spinner({ label = 'Carregando…', size = 'md', showLabel = false }: SpinnerProps) {
  if (label === '') return <span class={`spinner spinner-${size}`} aria-hidden="true" />;
  return (
    <span class="spinner-wrap" role="status">
      <span class={`spinner spinner-${size}`} aria-hidden="true" />
      <span class={showLabel ? 'spinner-label' : 'visually-hidden'}>{label}</span>
    </span>
  );
}

export interface ProgressBarProps {
  label: string;
  /** Omit for an indeterminate bar. */
  value?: number;
  max?: number;
}

export function ProgressBar({ label, value, max = 100 }: ProgressBarProps) {
  const percent = value === undefined ? undefined : Math.round((value / max) * 100);
  return (
    <div class="progress">
      <div class="progress-label">
        <span>{label}</span>
        {percent !== undefined && <span>{percent}%</span>}
      </div>
      <progress max={max} value={value} aria-label={label} />
    </div>
  );
}

/** Centered spinner for a page or panel that is loading. */
export function LoadingBlock({ label = 'Carregando…' }: { label?: string }) {
  return (
    <div class="loading-block">
      <Spinner label={label} showLabel />
    </div>
  );
}
