import { useId } from 'preact/hooks';
import { Button } from './Button';

export interface PaginationProps {
  /** Number of records on screen. */
  shown: number;
  /** The server returned a continuation token: more records exist. */
  hasMore: boolean;
  loading?: boolean;
  onLoadMore: () => void;
  pageSize: number;
  onPageSizeChange?: (size: number) => void;
  pageSizes?: readonly number[];
}

/**
 * Table Storage pages with continuation tokens, so lists grow with "Carregar mais" instead of
 * jumping to page N (a page number cannot be addressed without reading every page before it).
 */
export function Pagination({ shown, hasMore, loading = false, onLoadMore, pageSize, onPageSizeChange, pageSizes = [20, 50, 100] }: PaginationProps) {
  const id = `ps-${useId()}`;
  return (
    <div class="pagination">
      <p class="pagination-count" aria-live="polite">
        {shown === 1 ? '1 registro exibido' : `${shown} registros exibidos`}
        {hasMore ? '' : shown > 0 ? ' (todos)' : ''}
      </p>
      <div class="pagination-actions">
        {onPageSizeChange && (
          <div class="pagination-size">
            <label for={id}>Itens por página</label>
            <select id={id} class="input select input-sm" value={String(pageSize)} onChange={(e) => onPageSizeChange(Number(e.currentTarget.value))}>
              {pageSizes.map((n) => (
                <option key={n} value={String(n)}>
                  {n}
                </option>
              ))}
            </select>
          </div>
        )}
        {hasMore && (
          <Button variant="secondary" busy={loading} onClick={onLoadMore}>
            Carregar mais
          </Button>
        )}
      </div>
    </div>
  );
}
