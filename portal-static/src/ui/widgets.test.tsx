import { afterEach, describe, expect, it, vi } from 'vitest';
import { SearchBox } from './SearchBox';
import { Pagination } from './Pagination';
import { Table } from './Table';
import { ToastRegion, toast, toasts } from './Toast';
import { act, byText, choose, click, mount, submit, type } from '../test/render';

const wait = (ms: number) =>
  act(async () => {
    await new Promise((resolve) => setTimeout(resolve, ms));
  });

describe('SearchBox', () => {
  let cleanup: (() => void) | undefined;
  afterEach(() => cleanup?.());

  it('searches once typing pauses, not on every key', async () => {
    const onSearch = vi.fn();
    const view = mount(<SearchBox label="Buscar clientes" onSearch={onSearch} delay={40} />);
    cleanup = view.unmount;
    const input = view.container.querySelector('input')!;
    expect(view.container.querySelector('label')!.textContent).toBe('Buscar clientes');
    type(input, 'a');
    type(input, 'ac');
    type(input, 'acm');
    expect(onSearch).not.toHaveBeenCalled();
    await wait(60);
    expect(onSearch.mock.calls).toEqual([['acm']]);
  });

  it('searches at once on Enter and does not repeat the same term', async () => {
    const onSearch = vi.fn();
    const view = mount(<SearchBox label="Buscar" onSearch={onSearch} delay={40} />);
    cleanup = view.unmount;
    type(view.container.querySelector('input')!, ' flores ');
    submit(view.container.querySelector('form')!);
    expect(onSearch.mock.calls).toEqual([['flores']]);
    await wait(60);
    expect(onSearch).toHaveBeenCalledTimes(1);
  });
});

describe('Pagination', () => {
  let cleanup: (() => void) | undefined;
  afterEach(() => cleanup?.());

  it('offers "Carregar mais" only while the server has more, and a page size', () => {
    const onLoadMore = vi.fn();
    const onPageSizeChange = vi.fn();
    const view = mount(<Pagination shown={20} hasMore pageSize={20} onLoadMore={onLoadMore} onPageSizeChange={onPageSizeChange} />);
    cleanup = view.unmount;
    click(byText(view.container, 'button', 'Carregar mais'));
    expect(onLoadMore).toHaveBeenCalled();
    choose(view.container.querySelector('select')!, '50');
    expect(onPageSizeChange).toHaveBeenCalledWith(50);
    expect(view.container.textContent).toContain('20 registros exibidos');
    view.rerender(<Pagination shown={27} hasMore={false} pageSize={20} onLoadMore={onLoadMore} />);
    expect(view.container.querySelector('button')).toBeNull();
    expect(view.container.textContent).toContain('27 registros exibidos (todos)');
  });
});

describe('Table', () => {
  let cleanup: (() => void) | undefined;
  afterEach(() => cleanup?.());

  it('shows the empty state in place of rows', () => {
    const view = mount(<Table caption="Ocorrências" columns={[{ key: 'date', header: 'Data' }]} rows={[]} rowKey={() => ''} empty="Nenhuma ocorrência no período." />);
    cleanup = view.unmount;
    expect(view.container.querySelector('caption')!.textContent).toBe('Ocorrências');
    expect(view.container.querySelector('td')!.textContent).toBe('Nenhuma ocorrência no período.');
    expect(view.container.querySelector('td')!.getAttribute('colspan')).toBe('1');
  });
});

describe('toasts', () => {
  let cleanup: (() => void) | undefined;
  afterEach(() => {
    cleanup?.();
    toasts.set([]);
  });

  it('shows a message in a live region and closes it on request', () => {
    const view = mount(<ToastRegion />);
    cleanup = view.unmount;
    act(() => {
      toast.success('Convite enviado.');
      toast.error('Falha ao salvar.');
    });
    const region = view.container.querySelector('[aria-live="polite"]')!;
    expect(region.textContent).toContain('Convite enviado.');
    expect(region.querySelector('[role="alert"]')!.textContent).toContain('Falha ao salvar.');
    click(region.querySelector('button[aria-label="Fechar notificação"]')!);
    expect(region.textContent).not.toContain('Convite enviado.');
  });
});
