import type { ComponentChildren } from 'preact';
import { ApiError, problemHeading, toApiError } from '../api/problem';
import { Button } from './Button';

export interface ErrorBannerProps {
  error: unknown;
  /** Shown as "Recarregar" when the error is an edit conflict (412). */
  onReload?: () => void;
  /** Shown as "Tentar novamente" for any other error, e.g. a list that failed to load. */
  onRetry?: () => void;
  onDismiss?: () => void;
  /**
   * Fields the form shows errors next to; server errors for any other key are listed here so
   * that no message is lost.
   */
  fieldNames?: readonly string[];
}

/** Shows an API error (ProblemDetails) in pt-BR; renders nothing when there is no error. */
export function ErrorBanner({ error, onReload, onRetry, onDismiss, fieldNames }: ErrorBannerProps) {
  if (error === null || error === undefined) return null;
  const problem = error instanceof ApiError ? error : toApiError(error);
  const otherFieldErrors = Object.entries(problem.errors ?? {}).filter(([key]) => !fieldNames?.includes(key));
  const showReload = problem.isConflict && onReload !== undefined;
  const showRetry = !showReload && onRetry !== undefined;
  return (
    <div class={`alert ${problem.isConflict ? 'alert-warning' : 'alert-danger'}`} role="alert">
      <div class="alert-body">
        <p class="alert-title">{problemHeading(problem)}</p>
        <p>{problem.detail}</p>
        {otherFieldErrors.length > 0 && (
          <ul class="alert-list">
            {otherFieldErrors.map(([key, messages]) => (
              <li key={key}>{messages.join(' ')}</li>
            ))}
          </ul>
        )}
      </div>
      {showReload || showRetry || onDismiss ? (
        <div class="alert-actions">
          {showReload && (
            <Button variant="secondary" size="sm" onClick={onReload}>
              Recarregar
            </Button>
          )}
          {showRetry && (
            <Button variant="secondary" size="sm" onClick={onRetry}>
              Tentar novamente
            </Button>
          )}
          {onDismiss && (
            <Button variant="ghost" size="sm" onClick={onDismiss} aria-label="Fechar aviso">
              Fechar
            </Button>
          )}
        </div>
      ) : null}
    </div>
  );
}

/** A non-error notice (info, success) with the same look as ErrorBanner. */
export function Notice({ tone = 'info', children }: { tone?: 'info' | 'success' | 'warning'; children: ComponentChildren }) {
  return (
    <div class={`alert alert-${tone}`} role="status">
      <div class="alert-body">{children}</div>
    </div>
  );
}
