import { collectErrors, requiredError } from '../auth/validation';
import { maxLengthError } from '../format/validation';
import type { LookupOption } from '../ui/Lookup';
import type { Opportunity, OpportunityInput } from './opportunitiesApi';

export interface OpportunityForm {
  title: string;
  account: LookupOption | null;
  contactId: string;
  ownerId: string;
  stageId: string;
  expectedCloseDate: string | null;
  solution: LookupOption | null;
  project: string;
  notes: string;
}

export function newOpportunityForm(defaults: { ownerId: string; stageId: string; account?: LookupOption | null }): OpportunityForm {
  return { title: '', account: defaults.account ?? null, contactId: '', ownerId: defaults.ownerId, stageId: defaults.stageId, expectedCloseDate: null, solution: null, project: '', notes: '' };
}

export function opportunityToForm(o: Opportunity): OpportunityForm {
  return {
    title: o.title ?? '',
    account: { id: o.accountId, label: o.accountName },
    contactId: o.contactId ?? '',
    ownerId: o.ownerId ?? '',
    stageId: o.stageId ?? '',
    expectedCloseDate: o.expectedCloseDate ?? null,
    solution: o.solutionId ? { id: o.solutionId, label: o.solutionName ?? 'Solução' } : null,
    project: o.project ?? '',
    notes: o.notes ?? '',
  };
}

export function validateOpportunity(form: OpportunityForm): Record<string, string> {
  return collectErrors({
    title: requiredError(form.title, 'Informe o título da oportunidade.') ?? maxLengthError(form.title.trim(), 200, 'O título'),
    accountId: form.account ? null : 'Escolha a conta.',
    ownerId: form.ownerId ? null : 'Escolha o responsável.',
    stageId: form.stageId ? null : 'Escolha a etapa do pipeline.',
    project: maxLengthError(form.project.trim(), 120, 'O projeto'),
    notes: maxLengthError(form.notes, 2000, 'As observações'),
  });
}

export function opportunityInput(form: OpportunityForm): OpportunityInput {
  return {
    title: form.title.trim(),
    accountId: form.account?.id ?? '',
    contactId: form.contactId || null,
    ownerId: form.ownerId,
    stageId: form.stageId,
    expectedCloseDate: form.expectedCloseDate,
    solutionId: form.solution?.id ?? null,
    // PUT replaces the header: project and notes go back as they are, or they would be cleared.
    project: form.project.trim() || null,
    notes: form.notes.trim() || null,
  };
}

/** The reason is required to lose an opportunity: it feeds the loss analysis. */
export function lostReasonError(reason: string): string | null {
  return requiredError(reason, 'Informe o motivo da perda.') ?? maxLengthError(reason.trim(), 500, 'O motivo');
}
