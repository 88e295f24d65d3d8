import { describe, expect, it } from 'vitest';
import { orderCrmInput, orderCrmToForm, previewTitle, unknownPlaceholders, validateOrderCrm } from './orderCrmForm';
import { addStage, moveStage, removeStage, removedStages, renameStage, stagesInput, stagesToDrafts, validateStages } from './stagesEditor';

const saved = [
  { id: 'st2', name: 'Qualificação', order: 2 },
  { id: 'st1', name: 'Prospecção', order: 1 },
  { id: 'st3', name: 'Proposta', order: 3 },
];

describe('pipeline stages editor', () => {
  it('lists stages in pipeline order', () => {
    expect(stagesToDrafts(saved).map((d) => d.name)).toEqual(['Prospecção', 'Qualificação', 'Proposta']);
  });

  it('adds, renames, reorders and removes, then sends the new order with new stages without id', () => {
    let drafts = stagesToDrafts(saved);
    drafts = addStage(drafts, 'Negociação');
    drafts = moveStage(drafts, drafts[3]!.key, -1);
    drafts = renameStage(drafts, 'st1', 'Primeiro contato');
    drafts = removeStage(drafts, 'st2');
    expect(stagesInput(drafts)).toEqual([
      { id: 'st1', name: 'Primeiro contato', order: 1 },
      { id: null, name: 'Negociação', order: 2 },
      { id: 'st3', name: 'Proposta', order: 3 },
    ]);
    expect(removedStages(saved, drafts).map((s) => s.name)).toEqual(['Qualificação']);
  });

  it('keeps the first and last stage in place when moved beyond the ends', () => {
    const drafts = stagesToDrafts(saved);
    expect(moveStage(drafts, 'st1', -1).map((d) => d.id)).toEqual(['st1', 'st2', 'st3']);
    expect(moveStage(drafts, 'st3', 1).map((d) => d.id)).toEqual(['st1', 'st2', 'st3']);
  });

  it('requires names, refuses duplicates ignoring case and accents, and at least one stage', () => {
    const drafts = addStage(addStage(stagesToDrafts(saved), 'PROSPECCAO'), ' ');
    expect(validateStages(drafts)).toEqual({
      'stages[3].name': 'Já existe a etapa “Prospecção”.',
      'stages[4].name': 'Informe o nome da etapa.',
    });
    expect(validateStages([])).toEqual({ stages: 'O pipeline precisa de pelo menos uma etapa.' });
  });
});

describe('order → CRM settings form', () => {
  const form = orderCrmToForm({ enabled: true, stageId: 'st3', titlePattern: 'Pedido {numero} - {cliente}', taskDueDays: 7 });

  it('needs nothing else while the integration is off', () => {
    expect(validateOrderCrm({ ...form, enabled: false, stageId: '', titlePattern: '', taskDueDays: 'x' })).toEqual({});
  });

  it('requires the stage, a title with known placeholders and the task due days', () => {
    expect(validateOrderCrm(form)).toEqual({});
    expect(validateOrderCrm({ ...form, stageId: '', titlePattern: 'Pedido {pedido}', taskDueDays: '400' })).toEqual({
      stageId: 'Escolha a etapa das oportunidades geradas.',
      titlePattern: 'Marcador desconhecido: {pedido}. Use {numero}, {cliente} e {projeto}.',
      taskDueDays: 'Informe o prazo das tarefas em dias, de 0 a 365.',
    });
    expect(unknownPlaceholders('{numero} {cliente} {projeto}')).toEqual([]);
  });

  it('falls back to the default title and sends empty people as null', () => {
    expect(orderCrmToForm({}).titlePattern).toBe('Pedido {numero} - {cliente}');
    expect(orderCrmInput({ ...form, ownerId: '', taskAssigneeId: 'u3', taskDueDays: '10' })).toMatchObject({ ownerId: null, taskAssigneeId: 'u3', taskDueDays: 10, stageId: 'st3' });
  });

  it('previews the title with an example order', () => {
    expect(previewTitle('Pedido {numero} - {cliente} ({projeto})', { numero: '1024', cliente: 'Acme', projeto: 'Expansão' })).toBe('Pedido 1024 - Acme (Expansão)');
  });
});
