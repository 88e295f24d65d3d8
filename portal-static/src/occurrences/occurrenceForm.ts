import { collectErrors, requiredError } from '../auth/validation';
import { maxLengthError, textOrNull } from '../format/validation';
import { isOccurrenceType, type CompetitorInput, type Occurrence, type OccurrenceInput } from './occurrencesApi';

export interface OccurrenceForm {
  date: string | null;
  type: string;
  contactId: string;
  description: string;
}

export const DESCRIPTION_MAX = 4000;

export function occurrenceToForm(o: Occurrence): OccurrenceForm {
  return { date: o.date, type: o.type, contactId: o.contactId ?? '', description: o.description ?? '' };
}

export function newOccurrenceForm(today: string): OccurrenceForm {
  return { date: today, type: 'visita', contactId: '', description: '' };
}

export function validateOccurrence(form: OccurrenceForm): Record<string, string> {
  return collectErrors({
    date: form.date ? null : 'Informe a data da ocorrência (dd/mm/aaaa).',
    type: isOccurrenceType(form.type) ? null : 'Escolha o tipo da ocorrência.',
    description: requiredError(form.description, 'Descreva o que aconteceu.') ?? maxLengthError(form.description, DESCRIPTION_MAX, 'A descrição'),
  });
}

export function occurrenceInput(form: OccurrenceForm): OccurrenceInput {
  if (!form.date || !isOccurrenceType(form.type)) throw new Error('Formulário de ocorrência inválido.');
  return { date: form.date, type: form.type, contactId: textOrNull(form.contactId), description: form.description.trim() };
}

export const EMPTY_COMPETITOR: CompetitorInput = { name: '', prices: '', notes: '' };

export function validateCompetitor(form: CompetitorInput): Record<string, string> {
  return collectErrors({
    name: requiredError(form.name, 'Informe o nome do concorrente.') ?? maxLengthError(form.name.trim(), 200, 'O nome'),
    notes: maxLengthError(form.notes, 2000, 'As observações'),
  });
}
