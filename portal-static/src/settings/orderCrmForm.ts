import { collectErrors, requiredError } from '../auth/validation';
import { maxLengthError } from '../format/validation';
import { DEFAULT_TITLE_PATTERN, type OrderCrmSettings } from './settingsApi';

export const TITLE_PLACEHOLDERS = ['{numero}', '{cliente}', '{projeto}'] as const;

export interface OrderCrmForm {
  enabled: boolean;
  defaultGenerate: boolean;
  stageId: string;
  ownerId: string;
  titlePattern: string;
  taskAssigneeId: string;
  taskDueDays: string;
  showProjectAndContract: boolean;
}

export function orderCrmToForm(s: Partial<OrderCrmSettings>): OrderCrmForm {
  return {
    enabled: s.enabled ?? false,
    defaultGenerate: s.defaultGenerate ?? true,
    stageId: s.stageId ?? '',
    ownerId: s.ownerId ?? '',
    titlePattern: s.titlePattern || DEFAULT_TITLE_PATTERN,
    taskAssigneeId: s.taskAssigneeId ?? '',
    taskDueDays: String(s.taskDueDays ?? 7),
    showProjectAndContract: s.showProjectAndContract ?? false,
  };
}

/** Placeholders in the pattern that the server does not know ("{pedido}" instead of "{numero}"). */
export function unknownPlaceholders(pattern: string): string[] {
  const found = pattern.match(/\{[^}]*\}/g) ?? [];
  return found.filter((p) => !(TITLE_PLACEHOLDERS as readonly string[]).includes(p));
}

export function validateOrderCrm(form: OrderCrmForm): Record<string, string> {
  if (!form.enabled) return {};
  const days = form.taskDueDays.trim();
  const unknown = unknownPlaceholders(form.titlePattern);
  return collectErrors({
    stageId: form.stageId ? null : 'Escolha a etapa das oportunidades geradas.',
    titlePattern:
      requiredError(form.titlePattern, 'Informe o título das oportunidades geradas.') ??
      maxLengthError(form.titlePattern.trim(), 150, 'O título') ??
      (unknown.length ? `Marcador desconhecido: ${unknown.join(', ')}. Use {numero}, {cliente} e {projeto}.` : null),
    taskDueDays: !/^\d{1,3}$/.test(days) || Number(days) > 365 ? 'Informe o prazo das tarefas em dias, de 0 a 365.' : null,
  });
}

export function orderCrmInput(form: OrderCrmForm): Omit<OrderCrmSettings, 'etag' | 'ownerName' | 'taskAssigneeName'> {
  return {
    enabled: form.enabled,
    defaultGenerate: form.defaultGenerate,
    stageId: form.stageId,
    ownerId: form.ownerId || null,
    titlePattern: form.titlePattern.trim(),
    taskAssigneeId: form.taskAssigneeId || null,
    taskDueDays: Number(form.taskDueDays.trim() || '0'),
    showProjectAndContract: form.showProjectAndContract,
  };
}

/** How a generated opportunity's title will look, with the placeholders filled from an example order. */
export function previewTitle(pattern: string, example: { numero: string; cliente: string; projeto: string }): string {
  return pattern.replace(/\{numero\}/g, example.numero).replace(/\{cliente\}/g, example.cliente).replace(/\{projeto\}/g, example.projeto).trim();
}
