import type { ComponentChildren } from 'preact';
import { Spinner } from './Spinner';

export interface Column<T> {
  key: string;
  header: ComponentChildren;
  /** Cell content; defaults to String(row[key]). */
  render?: (row: T) => ComponentChildren;
  align?: 'start' | 'end' | 'center';
  /** Header shown only to screen readers (e.g. an actions column). */
  headerHidden?: boolean;
}

export interface TableProps<T> {
  /** Names the table for screen readers and labels its scroll region. */
  caption: string;
  captionVisible?: boolean;
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  /** Shown in place of rows when there are none. */
  empty?: ComponentChildren;
  /** First load: rows are not known yet. */
  loading?: boolean;
}

export function Table<T>({ caption, captionVisible = false, columns, rows, rowKey, empty = 'Nenhum registro encontrado.', loading = false }: TableProps<T>) {
  return (
    // The region scrolls sideways on narrow screens and is focusable so keyboard users can scroll it.
    <div class="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table class="table">
        <caption class={captionVisible ? 'table-caption' : 'visually-hidden'}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" class={alignClass(c.align)}>
                {c.headerHidden ? <span class="visually-hidden">{c.header}</span> : c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length} class="table-empty">
                {loading ? <Spinner showLabel /> : empty}
              </td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={rowKey(row)}>
                {columns.map((c) => (
                  <td key={c.key} class={alignClass(c.align)} data-label={typeof c.header === 'string' ? c.header : undefined}>
                    {c.render ? c.render(row) : String((row as Record<string, unknown>)[c.key] ?? '')}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

function alignClass(align: Column<unknown>['align']): string | undefined {
  return align === 'end' ? 'align-end' : align === 'center' ? 'align-center' : undefined;
}
