import type { WithEtag } from '../api/client';
import { getPage, seg, type PageArgs, type Stamped } from '../api/lists';
import { staffApi } from '../auth/session';
import type { StatusStyle } from '../ui/Badge';

export type TaskStatus = 'open' | 'done';

/** CRM task. Generated tasks carry the sales order item and unit they stand for (one task per unit). */
export interface Task extends Stamped {
  id: string;
  subject: string;
  opportunityId?: string | null;
  opportunityTitle?: string | null;
  orderId?: string | null;
  orderNumber?: number | string | null;
  orderItemId?: string | null;
  unitIndex?: number | null;
  assigneeId?: string | null;
  assigneeName?: string | null;
  dueDate?: string | null;
  status: TaskStatus | string;
  completedAt?: string | null;
  completedBy?: string | null;
  /** Computed by the server against today in Brasília. */
  overdue?: boolean;
  /** `manual`, or `sales-order` for a task generated per unit of an order item. */
  origin?: string;
  description?: string | null;
}

export interface TaskInput {
  subject: string;
  opportunityId: string | null;
  assigneeId: string | null;
  dueDate: string | null;
  description: string | null;
}

/** Central de Tarefas filters, as the API names them. */
export interface TaskQuery {
  status?: string;
  assigneeId?: string;
  opportunityId?: string;
  orderId?: string;
  dueFrom?: string;
  dueTo?: string;
  q?: string;
}

export const TASK_STATUS: Record<string, StatusStyle> = {
  open: { label: 'Aberta', tone: 'info' },
  done: { label: 'Concluída', tone: 'success' },
};

const base = '/api/tasks';

export const listTasks = (args: PageArgs, query: TaskQuery) => getPage<Task>(base, args, { ...query });
export const listOpportunityTasks = (opportunityId: string, args: PageArgs) => getPage<Task>(`/api/opportunities/${seg(opportunityId)}/tasks`, args);

export function getTask(id: string): Promise<WithEtag<Task>> {
  return staffApi.getWithEtag<Task>(`${base}/${seg(id)}`);
}

export const createTask = (input: TaskInput) => staffApi.post<Task>(base, input);
export const updateTask = (id: string, input: TaskInput, etag: string | null) => staffApi.put<Task>(`${base}/${seg(id)}`, input, { ifMatch: etag });
export const deleteTask = (id: string, etag: string | null) => staffApi.delete(`${base}/${seg(id)}`, { ifMatch: etag });
export const completeTask = (id: string, etag: string | null) => staffApi.post<Task | undefined>(`${base}/${seg(id)}/complete`, {}, { ifMatch: etag });
export const reopenTask = (id: string, etag: string | null) => staffApi.post<Task | undefined>(`${base}/${seg(id)}/reopen`, {}, { ifMatch: etag });
