import { afterEach, describe, expect, it, vi } from 'vitest';
import { callsTo, fakeApi, openApp, problem, queryOf, withEtag } from '../test/fakeApi';
import { byText, choose, click, jsonResponse, settle } from '../test/render';

const NBSP = '\u00a0';

function kanban() {
  return {
    stages: [
      {
        id: 'st1',
        name: 'Prospecção',
        count: 3,
        total: 1750.5,
        items: [
          { id: 'o1', title: 'Manutenção predial', accountName: 'Acme', ownerName: 'Carlos Lima', ticketTotal: 1500, status: 'open', expectedCloseDate: '2026-08-15', eTag: '"v4"' },
          { id: 'o2', title: 'Limpeza', accountName: 'Beta', ownerName: 'Carlos Lima', ticketTotal: 250.5, status: 'open' },
        ],
        continuation: 'more-st1',
      },
      { id: 'st2', name: 'Proposta', count: 0, total: 0, items: [], continuation: null },
    ],
  };
}

function column(page: HTMLElement, id: string): HTMLElement {
  return page.querySelector<HTMLElement>(`[data-column-id="${id}"]`)!;
}

describe('pipeline kanban', () => {
  let cleanup: (() => void) | undefined;
  afterEach(() => {
    cleanup?.();
    vi.unstubAllGlobals();
  });

  it('shows each stage with the server count and total, even with only some cards loaded', async () => {
    fakeApi({ 'GET /api/opportunities/kanban': () => jsonResponse(200, kanban()), 'GET /api/users': () => jsonResponse(200, { items: [] }) });
    const view = await openApp('/pipeline');
    cleanup = view.unmount;
    const lead = column(view.container, 'st1');
    expect(lead.querySelector('.kanban-count')!.textContent).toBe('3');
    expect(lead.querySelector('.kanban-total')!.textContent).toBe(`R$${NBSP}1.750,50`);
    expect(lead.textContent).toContain('Previsão 15/08/2026');
    expect(byText(lead, 'button', 'Carregar mais (1 restantes)')).toBeTruthy();
  });

  it('moves a card with "Mover para…" sending the card version as If-Match, and updates counts and totals', async () => {
    const calls = fakeApi({
      'GET /api/opportunities/kanban': () => jsonResponse(200, kanban()),
      'GET /api/users': () => jsonResponse(200, { items: [] }),
      'POST /api/opportunities/o1/move': () => withEtag({ id: 'o1', stageId: 'st2', status: 'open' }, '"v5"', 200, 'eTag'),
    });
    const view = await openApp('/pipeline');
    cleanup = view.unmount;
    const page = view.container;

    choose(page.querySelector<HTMLSelectElement>('[data-card-id="o1"] select')!, 'st2');
    await settle();

    const move = callsTo(calls, 'POST', '/api/opportunities/o1/move')[0]!;
    expect(move.headers.get('if-match')).toBe('"v4"');
    expect(callsTo(calls, 'GET', '/api/opportunities/o1')).toHaveLength(0);
    expect(move.body).toEqual({ stageId: 'st2' });
    expect(column(page, 'st2').querySelector('[data-card-id="o1"]')).not.toBeNull();
    expect(column(page, 'st2').querySelector('.kanban-count')!.textContent).toBe('1');
    expect(column(page, 'st2').querySelector('.kanban-total')!.textContent).toBe(`R$${NBSP}1.500,00`);
    expect(column(page, 'st1').querySelector('.kanban-count')!.textContent).toBe('2');
    expect(page.querySelector('[role="alert"]')).toBeNull();
  });

  it('puts the card back and shows the conflict banner with "Recarregar" on a 412', async () => {
    const calls = fakeApi({
      'GET /api/opportunities/kanban': () => jsonResponse(200, kanban()),
      'GET /api/users': () => jsonResponse(200, { items: [] }),
      'POST /api/opportunities/o1/move': () => problem(412, 'conflict', 'Este registro foi alterado por outra pessoa depois que você o abriu. Recarregue e tente novamente.'),
    });
    const view = await openApp('/pipeline');
    cleanup = view.unmount;
    const page = view.container;

    choose(page.querySelector<HTMLSelectElement>('[data-card-id="o1"] select')!, 'st2');
    await settle();

    expect(column(page, 'st1').querySelector('[data-card-id="o1"]')).not.toBeNull();
    expect(column(page, 'st2').querySelector('[data-card-id="o1"]')).toBeNull();
    expect(column(page, 'st1').querySelector('.kanban-count')!.textContent).toBe('3');
    const banner = page.querySelector('[role="alert"]')!;
    expect(banner.textContent).toContain('Registro alterado por outra pessoa');
    expect(banner.textContent).toContain('Recarregue e tente novamente.');

    click(byText(banner, 'button', 'Recarregar'));
    await settle();
    expect(callsTo(calls, 'GET', '/api/opportunities/kanban')).toHaveLength(2);
    expect(page.querySelector('[role="alert"]')).toBeNull();
  });

  it('refuses to move a card without a version that someone else already moved, without writing', async () => {
    const calls = fakeApi({
      'GET /api/opportunities/kanban': () => jsonResponse(200, kanban()),
      'GET /api/users': () => jsonResponse(200, { items: [] }),
      'GET /api/opportunities/o2': () => withEtag({ id: 'o2', stageId: 'st9', status: 'open' }, 'W/"8"'),
    });
    const view = await openApp('/pipeline');
    cleanup = view.unmount;
    choose(view.container.querySelector<HTMLSelectElement>('[data-card-id="o2"] select')!, 'st2');
    await settle();
    expect(callsTo(calls, 'POST', '/api/opportunities/o2/move')).toHaveLength(0);
    expect(view.container.querySelector('[role="alert"]')!.textContent).toContain('alterada por outra pessoa');
  });

  it('loads more cards of one column and filters by owner', async () => {
    const calls = fakeApi({
      'GET /api/opportunities/kanban': () => jsonResponse(200, kanban()),
      'GET /api/opportunities/kanban/st1': () => jsonResponse(200, { id: 'st1', name: 'Prospecção', order: 1, count: 3, total: 1750.5, items: [{ id: 'o9', title: 'Jardinagem', ticketTotal: 0, status: 'open', eTag: '"v1"' }], continuation: null }),
      'GET /api/users': () => jsonResponse(200, { items: [{ id: 'u2', name: 'Carlos Lima', email: 'c@acme.com.br', role: 'sales', status: 'active' }] }),
    });
    const view = await openApp('/pipeline');
    cleanup = view.unmount;
    const page = view.container;

    click(byText(column(page, 'st1'), 'button', 'Carregar mais (1 restantes)'));
    await settle();
    expect(queryOf(callsTo(calls, 'GET', '/api/opportunities/kanban/st1')[0]!).get('continuation')).toBe('more-st1');
    expect(column(page, 'st1').querySelectorAll('[data-card-id]')).toHaveLength(3);
    expect(column(page, 'st1').querySelector('.kanban-column-footer')).toBeNull();

    const owner = [...page.querySelectorAll('select')].find((s) => s.closest('.field')?.textContent?.startsWith('Responsável'))!;
    choose(owner as HTMLSelectElement, 'u2');
    await settle();
    expect(queryOf(callsTo(calls, 'GET', '/api/opportunities/kanban').at(-1)!).get('ownerId')).toBe('u2');
  });
});

describe('new opportunity dialog', () => {
  let cleanup: (() => void) | undefined;
  afterEach(() => {
    cleanup?.();
    vi.unstubAllGlobals();
  });

  it('starts in the first stage even when opened before the stages arrive', async () => {
    let release: () => void = () => {};
    const stagesArrive = new Promise<void>((resolve) => (release = resolve));
    fakeApi({
      'GET /api/opportunities/kanban': async () => {
        await stagesArrive;
        return jsonResponse(200, kanban());
      },
      'GET /api/users': () => jsonResponse(200, { items: [] }),
    });
    const view = await openApp('/pipeline');
    cleanup = view.unmount;

    click(byText(view.container, 'button', 'Nova oportunidade'));
    await settle();
    release();
    await settle();

    const stage = document.querySelector<HTMLSelectElement>('[role="dialog"] select[name="stageId"]')!;
    expect(stage.value).toBe('st1');
  });
});
