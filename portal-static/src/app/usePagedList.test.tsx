import { afterEach, describe, expect, it } from 'vitest';
import { usePagedList, type FetchPage } from './usePagedList';
import { Pagination } from '../ui/Pagination';
import { byText, click, mount, settle } from '../test/render';

interface Row {
  id: number;
}

/** 45 rows served in pages; the token is the next offset. */
const serve: FetchPage<Row> = async ({ continuationToken, pageSize }) => {
  const start = continuationToken ? Number(continuationToken) : 0;
  const end = Math.min(start + pageSize, 45);
  const items = Array.from({ length: end - start }, (_, i) => ({ id: start + i }));
  return { items, continuation: end < 45 ? String(end) : null };
};

function List({ term }: { term: string }) {
  const list = usePagedList<Row>(serve, [term]);
  return (
    <>
      <ul>{list.loading ? <li>carregando</li> : list.items.map((r) => <li key={r.id}>{r.id}</li>)}</ul>
      <Pagination shown={list.items.length} hasMore={list.hasMore} loading={list.loadingMore} onLoadMore={list.loadMore} pageSize={list.pageSize} onPageSizeChange={list.setPageSize} />
    </>
  );
}

describe('usePagedList', () => {
  let cleanup: (() => void) | undefined;
  afterEach(() => cleanup?.());

  it('appends pages with the continuation token until there are no more', async () => {
    const view = mount(<List term="" />);
    cleanup = view.unmount;
    await settle();
    expect(view.container.querySelectorAll('li')).toHaveLength(20);
    click(byText(view.container, 'button', 'Carregar mais'));
    await settle();
    expect(view.container.querySelectorAll('li')).toHaveLength(40);
    click(byText(view.container, 'button', 'Carregar mais'));
    await settle();
    expect(view.container.querySelectorAll('li')).toHaveLength(45);
    expect(view.container.querySelector('.pagination button')).toBeNull();
    expect(view.container.textContent).toContain('45 registros exibidos (todos)');
  });

  it('starts over when the key changes', async () => {
    const view = mount(<List term="" />);
    cleanup = view.unmount;
    await settle();
    click(byText(view.container, 'button', 'Carregar mais'));
    await settle();
    view.rerender(<List term="flores" />);
    await settle();
    expect(view.container.querySelectorAll('li')).toHaveLength(20);
    expect(view.container.querySelector('li')!.textContent).toBe('0');
  });
});
