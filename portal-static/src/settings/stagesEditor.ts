import type { PipelineStage, PipelineStageInput } from './settingsApi';
import { sortedStages } from './settingsApi';

/** A stage in the editor; `id` is null until the server has saved it. */
export interface StageDraft {
  key: string;
  id: string | null;
  name: string;
  /** Open opportunities in a saved stage. */
  openCount?: number;
}

export const MAX_STAGES = 20;
export const STAGE_NAME_MAX = 60;

let counter = 0;
function key(): string {
  counter += 1;
  return `s${counter}`;
}

export function stagesToDrafts(stages: readonly PipelineStage[]): StageDraft[] {
  return sortedStages(stages).map((s) => ({ key: s.id, id: s.id, name: s.name, ...(s.openCount !== undefined ? { openCount: s.openCount } : {}) }));
}

export function addStage(drafts: readonly StageDraft[], name = ''): StageDraft[] {
  return [...drafts, { key: key(), id: null, name }];
}

export function renameStage(drafts: readonly StageDraft[], stageKey: string, name: string): StageDraft[] {
  return drafts.map((d) => (d.key === stageKey ? { ...d, name } : d));
}

/** Moves a stage up (-1) or down (+1); the ends stay put. */
export function moveStage(drafts: readonly StageDraft[], stageKey: string, delta: -1 | 1): StageDraft[] {
  const from = drafts.findIndex((d) => d.key === stageKey);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= drafts.length) return [...drafts];
  const next = [...drafts];
  [next[from], next[to]] = [next[to]!, next[from]!];
  return next;
}

export function removeStage(drafts: readonly StageDraft[], stageKey: string): StageDraft[] {
  return drafts.filter((d) => d.key !== stageKey);
}

function comparable(name: string): string {
  return name
    .trim()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('pt-BR');
}

/** Errors keyed like the server's (`stages[1].name`, `stages`); empty when the pipeline can be saved. */
export function validateStages(drafts: readonly StageDraft[]): Record<string, string> {
  const errors: Record<string, string> = {};
  if (drafts.length === 0) errors['stages'] = 'O pipeline precisa de pelo menos uma etapa.';
  if (drafts.length > MAX_STAGES) errors['stages'] = `Use no máximo ${MAX_STAGES} etapas.`;
  const seen = new Map<string, number>();
  drafts.forEach((d, i) => {
    const field = `stages[${i}].name`;
    const name = d.name.trim();
    if (name === '') errors[field] = 'Informe o nome da etapa.';
    else if (name.length > STAGE_NAME_MAX) errors[field] = `O nome deve ter no máximo ${STAGE_NAME_MAX} caracteres.`;
    else if (seen.has(comparable(name))) errors[field] = `Já existe a etapa “${drafts[seen.get(comparable(name))!]!.name.trim()}”.`;
    else seen.set(comparable(name), i);
  });
  return errors;
}

/** The PUT body: stages in their new order (1, 2, 3…), new ones without id. */
export function stagesInput(drafts: readonly StageDraft[]): PipelineStageInput[] {
  return drafts.map((d, i) => ({ id: d.id, name: d.name.trim(), order: i + 1 }));
}

/** Saved stages the user removed in the editor (they are only gone once saved). */
export function removedStages(saved: readonly PipelineStage[], drafts: readonly StageDraft[]): PipelineStage[] {
  const kept = new Set(drafts.map((d) => d.id).filter(Boolean));
  return saved.filter((s) => !kept.has(s.id));
}
