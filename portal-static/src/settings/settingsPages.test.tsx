import { afterEach, describe, expect, it, vi } from 'vitest';
import { callsTo, fakeApi, openApp, problem, withEtag } from '../test/fakeApi';
import { byText, click, field, jsonResponse, settle, submit, type } from '../test/render';

const pipeline = { stages: [{ id: 'st1', name: 'Prospecção', order: 1 }, { id: 'st2', name: 'Proposta', order: 2 }, { id: 'st3', name: 'Fechamento', order: 3 }] };

describe('settings', () => {
  let cleanup: (() => void) | undefined;
  afterEach(() => {
    cleanup?.();
    vi.unstubAllGlobals();
  });

  it('removes a stage only after confirmation, reorders and saves with the ETag', async () => {
    const calls = fakeApi({
      'GET /api/settings/pipeline': () => withEtag(pipeline, 'W/"1"'),
      'PUT /api/settings/pipeline': () => withEtag(pipeline, 'W/"2"'),
    });
    const view = await openApp('/configuracoes/pipeline');
    cleanup = view.unmount;
    const page = view.container;
    expect([...page.querySelectorAll<HTMLInputElement>('.stage-list input')].map((i) => i.value)).toEqual(['Prospecção', 'Proposta', 'Fechamento']);

    click(page.querySelector<HTMLElement>('[aria-label="Remover Proposta"]')!);
    const dialog = document.querySelector('[role="alertdialog"]')!;
    expect(dialog.textContent).toContain('Remover etapa?');
    click(byText(dialog, 'button', 'Remover'));
    expect(page.textContent).toContain('Ao salvar, a etapa Proposta será removida.');

    click(page.querySelector<HTMLElement>('[aria-label="Mover Fechamento para cima"]')!);
    click(byText(page, 'button', 'Adicionar etapa'));
    type(page.querySelectorAll<HTMLInputElement>('.stage-list input')[2]!, 'Negociação');
    submit(page.querySelector('form')!);
    await settle();

    const put = callsTo(calls, 'PUT', '/api/settings/pipeline')[0]!;
    expect(put.headers.get('if-match')).toBe('W/"1"');
    expect(put.body).toEqual({
      stages: [
        { id: 'st3', name: 'Fechamento', order: 1 },
        { id: 'st1', name: 'Prospecção', order: 2 },
        { id: null, name: 'Negociação', order: 3 },
      ],
    });
  });

  it('shows the refusal to remove a stage that still has open opportunities', async () => {
    fakeApi({
      'GET /api/settings/pipeline': () => withEtag(pipeline, 'W/"1"'),
      'PUT /api/settings/pipeline': () => problem(409, 'in_use', 'A etapa Proposta tem oportunidades em aberto: mova-as antes de remover a etapa.'),
    });
    const view = await openApp('/configuracoes/pipeline');
    cleanup = view.unmount;
    const page = view.container;
    click(page.querySelector<HTMLElement>('[aria-label="Remover Proposta"]')!);
    click(byText(document.querySelector('[role="alertdialog"]')!, 'button', 'Remover'));
    submit(page.querySelector('form')!);
    await settle();
    expect(page.querySelector('[role="alert"]')!.textContent).toContain('A etapa Proposta tem oportunidades em aberto');
  });

  it('saves the order → CRM integration with the pipeline stages to choose from', async () => {
    const calls = fakeApi({
      'GET /api/settings/pipeline': () => withEtag(pipeline, 'W/"1"'),
      'GET /api/settings/order-crm': () => withEtag({ enabled: true, defaultGenerate: true, stageId: '', ownerId: null, titlePattern: 'Pedido {numero} - {cliente}', taskAssigneeId: null, taskDueDays: 7, showProjectAndContract: false }, 'W/"4"'),
      'PUT /api/settings/order-crm': () => withEtag({}, 'W/"5"'),
      'GET /api/users': () => jsonResponse(200, { items: [] }),
    });
    const view = await openApp('/configuracoes/integracao-pedidos');
    cleanup = view.unmount;
    const page = view.container;
    expect(page.textContent).toContain('Exemplo: Pedido 1024 - Acme Serviços');

    submit(page.querySelector('form')!);
    expect(page.textContent).toContain('Escolha a etapa das oportunidades geradas.');
    expect(callsTo(calls, 'PUT', '/api/settings/order-crm')).toHaveLength(0);

    const stage = field<HTMLSelectElement>(page, 'Etapa');
    expect([...stage.options].map((o) => o.textContent)).toEqual(['Selecione…', 'Prospecção', 'Proposta', 'Fechamento']);
    stage.value = 'st2';
    stage.dispatchEvent(new Event('change', { bubbles: true }));
    type(field(page, 'Título'), 'Pedido {numero} - {cliente} - {projeto}');
    submit(page.querySelector('form')!);
    await settle();
    const put = callsTo(calls, 'PUT', '/api/settings/order-crm')[0]!;
    expect(put.headers.get('if-match')).toBe('W/"4"');
    expect(put.body).toMatchObject({ enabled: true, stageId: 'st2', titlePattern: 'Pedido {numero} - {cliente} - {projeto}', taskDueDays: 7, ownerId: null });
  });

  it('links the settings pages to each other', async () => {
    fakeApi({ 'GET /api/settings/pipeline': () => withEtag(pipeline, 'W/"1"'), 'GET /api/users': () => jsonResponse(200, { items: [] }) });
    const view = await openApp('/configuracoes/pipeline');
    cleanup = view.unmount;
    const links = [...view.container.querySelectorAll('.subnav a')].map((a) => [a.textContent, a.getAttribute('aria-current')]);
    expect(links).toEqual([
      ['Usuários', null],
      ['Etapas do pipeline', 'page'],
      ['Integração pedido → CRM', null],
    ]);
  });
});
