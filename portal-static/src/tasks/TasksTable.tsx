import { useState } from 'preact/hooks';
import { etagOf } from '../api/lists';
import { useAction } from '../app/hooks';
import { href } from '../app/router';
import { formatDate, formatDateTime, todayIso } from '../format/date';
import { StatusBadge } from '../ui/Badge';
import { Button } from '../ui/Button';
import { ErrorBanner } from '../ui/ErrorBanner';
import { ConfirmDialog } from '../ui/Modal';
import { Table, type Column } from '../ui/Table';
import { toast } from '../ui/Toast';
import { isOverdue } from './taskFilters';
import { TASK_STATUS, completeTask, deleteTask, getTask, reopenTask, type Task } from './tasksApi';

export interface TasksTableProps {
  rows: Task[];
  loading: boolean;
  empty: string;
  showOpportunity?: boolean;
  /** False for people who may only look (no complete, edit or delete). */
  canWrite?: boolean;
  onChanged: () => void;
  onEdit: (task: Task) => void;
}

/** Tasks with complete / reopen / edit / delete; used by the Central de Tarefas and the opportunity page. */
export function TasksTable({ rows, loading, empty, showOpportunity = true, canWrite = true, onChanged, onEdit }: TasksTableProps) {
  const [removing, setRemoving] = useState<Task | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const toggle = useAction(async (task: Task) => {
    setBusyId(task.id);
    try {
      const etag = etagOf(task) ?? (await getTask(task.id)).etag;
      if (task.status === 'done') {
        await reopenTask(task.id, etag);
        toast.success(`Tarefa “${task.subject}” reaberta.`);
      } else {
        await completeTask(task.id, etag);
        toast.success(`Tarefa “${task.subject}” concluída.`);
      }
      onChanged();
    } finally {
      setBusyId(null);
    }
  });
  const remove = useAction(async () => {
    if (!removing) return;
    await deleteTask(removing.id, etagOf(removing) ?? (await getTask(removing.id)).etag);
    toast.success('Tarefa excluída.');
    setRemoving(null);
    onChanged();
  });

  const today = todayIso();
  const columns: Column<Task>[] = [
    {
      key: 'subject',
      header: 'Assunto',
      render: (t) => (
        <>
          <span class={`cell-primary${t.status === 'done' ? ' text-done' : ''}`}>{t.subject}</span>
          {t.orderId && (
            <div class="cell-secondary">
              Pedido {t.orderNumber ?? t.orderId}
              {t.unitIndex != null ? ` · unidade ${t.unitIndex}` : ''}
            </div>
          )}
        </>
      ),
    },
    ...(showOpportunity
      ? [
          {
            key: 'opportunity',
            header: 'Oportunidade',
            render: (t: Task) => (t.opportunityId ? <a href={href(`/oportunidades/${encodeURIComponent(t.opportunityId)}`)}>{t.opportunityTitle ?? 'Abrir'}</a> : <span class="muted">—</span>),
          },
        ]
      : []),
    { key: 'assignee', header: 'Responsável', render: (t) => t.assigneeName ?? <span class="muted">—</span> },
    {
      key: 'due',
      header: 'Vencimento',
      render: (t) =>
        t.dueDate ? (
          <span class={`nowrap${isOverdue(t, today) ? ' text-danger' : ''}`}>
            {formatDate(t.dueDate)}
            {isOverdue(t, today) && <span class="visually-hidden"> (vencida)</span>}
          </span>
        ) : (
          <span class="muted">—</span>
        ),
    },
    {
      key: 'status',
      header: 'Situação',
      render: (t) => (
        <>
          <StatusBadge status={t.status} styles={TASK_STATUS} />
          {t.status === 'done' && t.completedAt && (
            <div class="cell-secondary">
              {formatDateTime(t.completedAt)}
              {t.completedBy ? ` · ${t.completedBy}` : ''}
            </div>
          )}
        </>
      ),
    },
  ];
  if (canWrite) {
    columns.push({
      key: 'actions',
      header: 'Ações',
      headerHidden: true,
      align: 'end',
      render: (t) => (
        <div class="row-actions">
          <Button variant={t.status === 'done' ? 'secondary' : 'primary'} size="sm" busy={busyId === t.id} onClick={() => void toggle.run(t)} aria-label={`${t.status === 'done' ? 'Reabrir' : 'Concluir'} “${t.subject}”`}>
            {t.status === 'done' ? 'Reabrir' : 'Concluir'}
          </Button>
          <Button variant="ghost" size="sm" onClick={() => onEdit(t)} aria-label={`Editar “${t.subject}”`}>
            Editar
          </Button>
          <Button
            variant="ghost"
            size="sm"
            class="text-danger"
            onClick={() => {
              remove.setError(null);
              setRemoving(t);
            }}
            aria-label={`Excluir “${t.subject}”`}
          >
            Excluir
          </Button>
        </div>
      ),
    });
  }

  return (
    <>
      <ErrorBanner error={toggle.error} onReload={onChanged} onDismiss={() => toggle.setError(null)} />
      <Table caption="Tarefas" columns={columns} rows={rows} rowKey={(t) => t.id} loading={loading} empty={empty} />
      <ConfirmDialog
        open={removing !== null}
        title="Excluir tarefa?"
        message={removing && <p>A tarefa <strong>{removing.subject}</strong> será excluída.</p>}
        confirmLabel="Excluir"
        busy={remove.busy}
        error={remove.error}
        onConfirm={() => void remove.run()}
        onCancel={() => setRemoving(null)}
      />
    </>
  );
}
