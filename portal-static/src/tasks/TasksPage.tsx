import { useState } from 'preact/hooks';
import { useStore } from '../app/store';
import { useCanWrite } from '../auth/permissions';
import { usePagedList } from '../app/usePagedList';
import { staffSession } from '../auth/session';
import { searchOpportunities } from '../opportunities/opportunitiesApi';
import { personOptions, usePeople } from '../opportunities/people';
import { PageHeader } from '../layout/PageHeader';
import { Button } from '../ui/Button';
import { EmptyState } from '../ui/EmptyState';
import { ErrorBanner } from '../ui/ErrorBanner';
import { DateField, SelectField, TextField } from '../ui/Field';
import { LookupField } from '../ui/Lookup';
import { Pagination } from '../ui/Pagination';
import { SearchBox } from '../ui/SearchBox';
import { TaskDialog } from './TaskDialog';
import { TasksTable } from './TasksTable';
import { DEFAULT_TASK_FILTERS, buildTaskQuery, filtersFromUrl, type TaskFilterForm } from './taskFilters';
import { listTasks, type Task, type TaskQuery } from './tasksApi';

const STATUS_OPTIONS = [
  { value: 'open', label: 'Abertas' },
  { value: 'done', label: 'Concluídas' },
];

/**
 * Central de Tarefas (Centrium): every CRM task, filtered by status, assignee, opportunity, sales
 * order and due date, completed or reopened in place. Completing the tasks of an order's items is
 * what releases its billing.
 */
export function TasksPage({ query: urlQuery }: { query: URLSearchParams }) {
  const canWrite = useCanWrite('tasks');
  const session = useStore(staffSession);
  const { people } = usePeople();
  const [form, setForm] = useState<TaskFilterForm>(() => filtersFromUrl(urlQuery));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [query, setQuery] = useState<TaskQuery>(() => {
    const built = buildTaskQuery(filtersFromUrl(urlQuery));
    return built.ok ? built.query : {};
  });
  const [editing, setEditing] = useState<Task | 'new' | null>(null);
  const list = usePagedList<Task>((args) => listTasks(args, query), [JSON.stringify(query)]);

  const apply = (next: TaskFilterForm) => {
    setForm(next);
    const built = buildTaskQuery(next);
    if (!built.ok) {
      setErrors(built.errors);
      return;
    }
    setErrors({});
    setQuery(built.query);
  };
  const change = <K extends keyof TaskFilterForm>(key: K) => (value: TaskFilterForm[K]) => apply({ ...form, [key]: value });

  const filtered = JSON.stringify(query) !== JSON.stringify({ status: 'open' });
  return (
    <>
      <PageHeader title="Central de Tarefas" description="Tarefas do CRM, incluindo as geradas pelos pedidos de venda (uma por unidade de serviço)." actions={canWrite && <Button onClick={() => setEditing('new')}>Nova tarefa</Button>} />
      <form
        class="filter-bar"
        noValidate
        aria-label="Filtros das tarefas"
        onSubmit={(e) => {
          e.preventDefault();
          apply(form);
        }}
      >
        <SelectField label="Situação" value={form.status} onValue={change('status')} options={STATUS_OPTIONS} placeholder="Todas" />
        <SelectField label="Responsável" value={form.assigneeId} onValue={change('assigneeId')} options={personOptions(people, session?.user.id)} placeholder="Todos" />
        <LookupField label="Oportunidade" class="filter-wide" value={form.opportunity} onValue={change('opportunity')} search={searchOpportunities} placeholder="Todas" />
        <TextField label="Pedido" value={form.orderId} onValue={(v) => setForm({ ...form, orderId: v })} onBlur={() => apply(form)} placeholder="Código do pedido" />
        <DateField label="Vencimento de" value={form.dueFrom} onValue={change('dueFrom')} error={errors['dueFrom']} />
        <DateField label="Vencimento até" value={form.dueTo} onValue={change('dueTo')} error={errors['dueTo']} />
        <div class="field filter-wide">
          <span class="field-label" aria-hidden="true">
            Texto
          </span>
          <SearchBox label="Buscar tarefas pelo assunto" placeholder="Assunto" onSearch={(q) => apply({ ...form, q })} />
        </div>
        <div class="filter-bar-actions">
          <Button type="button" variant="ghost" onClick={() => apply(DEFAULT_TASK_FILTERS)} disabled={!filtered}>
            Limpar filtros
          </Button>
        </div>
      </form>
      <ErrorBanner error={list.error} onRetry={list.reload} />
      {!list.loading && !list.error && list.items.length === 0 && !filtered ? (
        <EmptyState title="Nenhuma tarefa aberta" action={canWrite && <Button onClick={() => setEditing('new')}>Criar tarefa</Button>}>
          Tarefas criadas aqui ou nas oportunidades, e as geradas pelos pedidos de venda, aparecem nesta central.
        </EmptyState>
      ) : (
        <>
          <TasksTable rows={list.items} loading={list.loading} empty="Nenhuma tarefa com estes filtros." canWrite={canWrite} onChanged={list.reload} onEdit={(t) => setEditing(t)} />
          <Pagination shown={list.items.length} hasMore={list.hasMore} loading={list.loadingMore} onLoadMore={list.loadMore} pageSize={list.pageSize} onPageSizeChange={list.setPageSize} />
        </>
      )}
      <TaskDialog
        open={editing !== null}
        task={editing && editing !== 'new' ? editing : null}
        opportunity={editing === 'new' ? form.opportunity : null}
        onClose={() => setEditing(null)}
        onReload={list.reload}
        onSaved={() => {
          setEditing(null);
          list.reload();
        }}
      />
    </>
  );
}
