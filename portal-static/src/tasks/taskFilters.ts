import { collectErrors, requiredError } from '../auth/validation';
import { maxLengthError, textOrNull } from '../format/validation';
import type { LookupOption } from '../ui/Lookup';
import type { Task, TaskInput, TaskQuery } from './tasksApi';

/** What the Central de Tarefas filter form holds. */
export interface TaskFilterForm {
  /** 'open' | 'done' | '' (todas) */
  status: string;
  assigneeId: string;
  opportunity: LookupOption | null;
  orderId: string;
  dueFrom: string | null;
  dueTo: string | null;
  q: string;
}

export const DEFAULT_TASK_FILTERS: TaskFilterForm = { status: 'open', assigneeId: '', opportunity: null, orderId: '', dueFrom: null, dueTo: null, q: '' };

export type TaskQueryResult = { ok: true; query: TaskQuery } | { ok: false; errors: Record<string, string> };

/** The API query for the filters (empty filters left out), or the reason it cannot be sent. */
export function buildTaskQuery(f: TaskFilterForm): TaskQueryResult {
  if (f.dueFrom && f.dueTo && f.dueFrom > f.dueTo) return { ok: false, errors: { dueTo: 'O vencimento final deve ser igual ou posterior ao inicial.' } };
  const query: TaskQuery = {};
  if (f.status === 'open' || f.status === 'done') query.status = f.status;
  if (f.assigneeId) query.assigneeId = f.assigneeId;
  if (f.opportunity) query.opportunityId = f.opportunity.id;
  if (f.orderId.trim()) query.orderId = f.orderId.trim();
  if (f.dueFrom) query.dueFrom = f.dueFrom;
  if (f.dueTo) query.dueTo = f.dueTo;
  if (f.q.trim()) query.q = f.q.trim();
  return { ok: true, query };
}

/** Filters read from the page URL (links from an opportunity or a sales order open the list filtered). */
export function filtersFromUrl(query: URLSearchParams): TaskFilterForm {
  const status = query.get('situacao');
  return {
    ...DEFAULT_TASK_FILTERS,
    status: status === 'todas' ? '' : status === 'concluidas' ? 'done' : 'open',
    assigneeId: query.get('responsavel') ?? '',
    orderId: query.get('pedido') ?? '',
    opportunity: query.get('oportunidade') ? { id: query.get('oportunidade')!, label: query.get('oportunidadeTitulo') ?? 'Oportunidade' } : null,
  };
}

/** An open task whose due date has passed (shown in red in the list). */
export function isOverdue(task: Pick<Task, 'status' | 'dueDate' | 'overdue'>, today: string): boolean {
  if (typeof task.overdue === 'boolean') return task.overdue;
  return task.status === 'open' && Boolean(task.dueDate) && task.dueDate! < today;
}

export interface TaskForm {
  subject: string;
  opportunity: LookupOption | null;
  assigneeId: string;
  dueDate: string | null;
  description: string;
}

export function taskToForm(t: Task): TaskForm {
  return {
    subject: t.subject ?? '',
    opportunity: t.opportunityId ? { id: t.opportunityId, label: t.opportunityTitle ?? 'Oportunidade' } : null,
    assigneeId: t.assigneeId ?? '',
    dueDate: t.dueDate ?? null,
    description: t.description ?? '',
  };
}

export function validateTask(form: TaskForm): Record<string, string> {
  return collectErrors({
    subject: requiredError(form.subject, 'Informe o assunto da tarefa.') ?? maxLengthError(form.subject.trim(), 200, 'O assunto'),
    description: maxLengthError(form.description, 4000, 'A descrição'),
  });
}

export function taskInput(form: TaskForm): TaskInput {
  return { subject: form.subject.trim(), opportunityId: form.opportunity?.id ?? null, assigneeId: form.assigneeId || null, dueDate: form.dueDate, description: textOrNull(form.description) };
}
