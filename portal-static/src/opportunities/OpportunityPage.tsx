import { useState } from 'preact/hooks';
import { etagOf } from '../api/lists';
import { useAction, useFieldErrors, useResource } from '../app/hooks';
import { useCanWrite } from '../auth/permissions';
import { href, navigate, withQuery } from '../app/router';
import { usePagedList } from '../app/usePagedList';
import { formatDate } from '../format/date';
import { formatMoney } from '../format/money';
import { PageHeader } from '../layout/PageHeader';
import { getStages } from '../settings/settingsApi';
import { TaskDialog } from '../tasks/TaskDialog';
import { TasksTable } from '../tasks/TasksTable';
import { listOpportunityTasks, type Task } from '../tasks/tasksApi';
import { StatusBadge } from '../ui/Badge';
import { Button } from '../ui/Button';
import { EmptyState } from '../ui/EmptyState';
import { ErrorBanner } from '../ui/ErrorBanner';
import { SelectField, TextArea } from '../ui/Field';
import { ConfirmDialog, Modal } from '../ui/Modal';
import { Pagination } from '../ui/Pagination';
import { RecordStamps } from '../ui/RecordStamps';
import { LoadingBlock } from '../ui/Spinner';
import { Tabs } from '../ui/Tabs';
import { toast } from '../ui/Toast';
import { OpportunityDialog } from './OpportunityDialog';
import { TicketTab } from './TicketTab';
import { FaturamentoTab } from '../billing/FaturamentoTab';
import {
  OPPORTUNITY_STATUS,
  deleteOpportunity,
  getOpportunity,
  loseOpportunity,
  moveOpportunity,
  reopenOpportunity,
  ticketTotalsOf,
  winOpportunity,
  type Opportunity,
} from './opportunitiesApi';
import { lostReasonError } from './opportunityForm';

type Pending = 'won' | 'reopen' | 'delete' | null;

/** Opportunity: header with status actions, the ticket and the tasks. */
export function OpportunityPage({ id, tab }: { id: string; tab: string | null }) {
  const canWrite = useCanWrite('opportunities');
  const opp = useResource((signal) => getOpportunity(id, signal), [id]);
  const stages = useResource((signal) => getStages(signal), []);
  const [editing, setEditing] = useState(false);
  const [pending, setPending] = useState<Pending>(null);
  const [losing, setLosing] = useState(false);

  const etag = opp.data?.etag ?? etagOf(opp.data?.data);

  /** Keeps the answer of a change when it is the updated opportunity (with its new ETag); reloads otherwise. */
  const changed = (updated: Opportunity | undefined) => {
    const version = updated && typeof updated === 'object' && updated.id ? etagOf(updated) : null;
    if (updated && version) opp.setData(() => ({ data: updated, etag: version }));
    else opp.reload();
  };

  const move = useAction(async (stageId: string) => {
    const updated = await moveOpportunity(id, stageId, etag);
    toast.success('Etapa alterada.');
    changed(updated);
  });

  const act = useAction(async () => {
    if (pending === 'won') {
      changed(await winOpportunity(id, etag));
      toast.success('Oportunidade ganha!');
    } else if (pending === 'reopen') {
      changed(await reopenOpportunity(id, etag));
      toast.success('Oportunidade reaberta.');
    } else if (pending === 'delete') {
      await deleteOpportunity(id, etag);
      toast.success('Oportunidade excluída.');
      navigate('/pipeline', { replace: true });
    }
    setPending(null);
  });

  if (opp.loading && !opp.data) return <LoadingBlock />;
  if (!opp.data) {
    return (
      <>
        <PageHeader title="Oportunidade" />
        <ErrorBanner error={opp.error} onRetry={opp.reload} />
        <p>
          <a href={href('/pipeline')}>← Voltar para o pipeline</a>
        </p>
      </>
    );
  }

  const o = opp.data.data;
  const stageList = stages.data ?? [];
  const stageOptions = stageList.map((s) => ({ value: s.id, label: s.name }));
  if (o.stageId && !stageOptions.some((s) => s.value === o.stageId)) stageOptions.push({ value: o.stageId, label: o.stageName ?? 'Etapa atual' });
  const open = o.status === 'open';
  const selected = tab === 'tarefas' || tab === 'faturamento' ? tab : 'ticket';
  const openPending = (p: Pending) => {
    act.setError(null);
    setPending(p);
  };

  return (
    <>
      <PageHeader
        title={o.title}
        description={
          <span class="header-meta">
            <StatusBadge status={o.status} styles={OPPORTUNITY_STATUS} />
            <span>{formatMoney(ticketTotalsOf(o).total)}</span>
          </span>
        }
        actions={
          !canWrite ? null : open ? (
            <>
              <Button onClick={() => openPending('won')}>Ganhar</Button>
              <Button variant="secondary" onClick={() => setLosing(true)}>
                Perder
              </Button>
            </>
          ) : (
            <Button variant="secondary" onClick={() => openPending('reopen')}>
              Reabrir
            </Button>
          )
        }
      />
      <p class="breadcrumb">
        <a href={href('/pipeline')}>← Pipeline</a>
      </p>
      <ErrorBanner error={move.error} onReload={opp.reload} onDismiss={() => move.setError(null)} />
      <section class="card opportunity-header" aria-label="Dados da oportunidade">
        <dl class="details details-grid">
          <div>
            <dt>Conta</dt>
            <dd>
              <a href={href(`/contas/${encodeURIComponent(o.accountId)}`)}>{o.accountName}</a>
            </dd>
          </div>
          <div>
            <dt>Contato</dt>
            <dd>{o.contactName || '—'}</dd>
          </div>
          <div>
            <dt>Responsável</dt>
            <dd>{o.ownerName || '—'}</dd>
          </div>
          <div>
            <dt>Previsão de fechamento</dt>
            <dd>{o.expectedCloseDate ? formatDate(o.expectedCloseDate) : '—'}</dd>
          </div>
          <div>
            <dt>Status</dt>
            <dd>
              <StatusBadge status={o.status} styles={OPPORTUNITY_STATUS} />
              {o.status === 'lost' && o.lostReason && <div class="cell-secondary">Motivo: {o.lostReason}</div>}
            </dd>
          </div>
          <div>
            <dt>Origem</dt>
            <dd>
              {o.origin === 'sales-order' ? `Pedido de venda nº ${o.originOrderNumber ?? o.originOrderId ?? ''}` : 'Manual'}
              {o.project && <div class="cell-secondary">Projeto: {o.project}</div>}
            </dd>
          </div>
          {o.solutionName && (
            <div>
              <dt>Solução</dt>
              <dd>{o.solutionName}</dd>
            </div>
          )}
          {o.notes && (
            <div class="details-wide">
              <dt>Observações</dt>
              <dd class="pre-wrap">{o.notes}</dd>
            </div>
          )}
        </dl>
        <div class="opportunity-stage">
          <SelectField
            label="Etapa"
            name="stageId"
            value={o.stageId}
            onValue={(stageId) => {
              if (stageId && stageId !== o.stageId) void move.run(stageId);
            }}
            options={stageOptions}
            disabled={!open || !canWrite || move.busy}
            hint={open ? 'Mudar a etapa move o cartão no pipeline.' : undefined}
          />
        </div>
        <RecordStamps createdAt={o.createdAt} createdBy={o.createdBy} updatedAt={o.updatedAt} updatedBy={o.updatedBy} />
        {canWrite && (
          <div class="form-actions form-actions-start">
            <Button variant="secondary" onClick={() => setEditing(true)}>
              Editar
            </Button>
            <Button variant="ghost" class="text-danger" onClick={() => openPending('delete')}>
              Excluir
            </Button>
          </div>
        )}
      </section>
      <Tabs
        label="Seções da oportunidade"
        selected={selected}
        onSelect={(next) => navigate(withQuery(`/oportunidades/${encodeURIComponent(id)}`, { aba: next === 'ticket' ? null : next }), { replace: true })}
        tabs={[
          { id: 'ticket', label: 'Ticket', panel: () => <TicketTab opportunity={o} etag={etag} canWrite={canWrite} onChanged={changed} onReload={opp.reload} /> },
          { id: 'tarefas', label: 'Tarefas', panel: () => <OpportunityTasks opportunity={o} /> },
          { id: 'faturamento', label: 'Faturamento', panel: () => <FaturamentoTab opportunityId={o.id} opportunityTitle={o.title} /> },
        ]}
      />
      <OpportunityDialog
        open={editing}
        opportunity={o}
        etag={etag}
        stages={stageList}
        onClose={() => setEditing(false)}
        onReload={opp.reload}
        onSaved={(updated) => {
          setEditing(false);
          changed(updated);
        }}
      />
      <LostDialog
        open={losing}
        title={o.title}
        onClose={() => setLosing(false)}
        onReload={() => {
          setLosing(false);
          opp.reload();
        }}
        onLose={async (reason) => {
          changed(await loseOpportunity(id, reason, etag));
          toast.success('Oportunidade marcada como perdida.');
          setLosing(false);
        }}
      />
      <ConfirmDialog
        open={pending !== null}
        title={pending === 'won' ? 'Marcar como ganha?' : pending === 'reopen' ? 'Reabrir oportunidade?' : 'Excluir oportunidade?'}
        message={
          pending === 'won' ? (
            <p>
              <strong>{o.title}</strong> será marcada como ganha, com o ticket de {formatMoney(ticketTotalsOf(o).total)}.
            </p>
          ) : pending === 'reopen' ? (
            <p>
              <strong>{o.title}</strong> volta a ficar em aberto na etapa atual.
            </p>
          ) : (
            <p>
              <strong>{o.title}</strong> será excluída com o ticket. Oportunidades com documentos ou tarefas geradas não podem ser excluídas: marque-as como perdidas.
            </p>
          )
        }
        confirmLabel={pending === 'won' ? 'Marcar como ganha' : pending === 'reopen' ? 'Reabrir' : 'Excluir'}
        destructive={pending === 'delete'}
        busy={act.busy}
        error={act.error}
        onConfirm={() => void act.run()}
        onCancel={() => setPending(null)}
      />
    </>
  );
}

function LostDialog({ open, title, onClose, onReload, onLose }: { open: boolean; title: string; onClose: () => void; onReload: () => void; onLose: (reason: string) => Promise<void> }) {
  const [reason, setReason] = useState('');
  const lose = useAction(async () => onLose(reason.trim()));
  const fields = useFieldErrors(lose.error);
  const submit = (e: Event) => {
    e.preventDefault();
    const error = lostReasonError(reason);
    fields.setClientErrors(error ? { reason: error } : {});
    if (!error) void lose.run();
  };
  return (
    <Modal
      open={open}
      title="Marcar como perdida"
      onClose={onClose}
      busy={lose.busy}
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={lose.busy}>
            Cancelar
          </Button>
          <Button type="submit" form="lost-form" variant="danger" busy={lose.busy}>
            Marcar como perdida
          </Button>
        </>
      }
    >
      <ErrorBanner error={lose.error} fieldNames={['reason']} onReload={onReload} />
      <form id="lost-form" class="form" noValidate onSubmit={submit}>
        <p>
          Por que <strong>{title}</strong> foi perdida?
        </p>
        <TextArea
          label="Motivo da perda"
          name="reason"
          rows={3}
          maxLength={500}
          value={reason}
          onValue={(v) => {
            setReason(v);
            fields.clear('reason');
          }}
          error={fields.errors['reason']}
          hint="Ex.: preço acima do concorrente, projeto adiado."
          required
        />
      </form>
    </Modal>
  );
}

function OpportunityTasks({ opportunity }: { opportunity: Opportunity }) {
  const canWrite = useCanWrite('tasks');
  const list = usePagedList<Task>((args) => listOpportunityTasks(opportunity.id, args), [opportunity.id]);
  const [editing, setEditing] = useState<Task | 'new' | null>(null);
  return (
    <section aria-label="Tarefas da oportunidade">
      <div class="panel-header">
        <h2 class="panel-title">Tarefas</h2>
        <div class="panel-actions">
          <a class="btn btn-ghost btn-sm" href={href('/tarefas', { oportunidade: opportunity.id, oportunidadeTitulo: opportunity.title, situacao: 'todas' })}>
            Ver na Central de Tarefas
          </a>
          {canWrite && (
            <Button size="sm" onClick={() => setEditing('new')}>
              Nova tarefa
            </Button>
          )}
        </div>
      </div>
      <ErrorBanner error={list.error} onRetry={list.reload} />
      {!list.loading && !list.error && list.items.length === 0 ? (
        <EmptyState title="Nenhuma tarefa">Crie tarefas para os próximos passos desta oportunidade: visitas, propostas, retornos.</EmptyState>
      ) : (
        <>
          <TasksTable rows={list.items} loading={list.loading} empty="Nenhuma tarefa." showOpportunity={false} canWrite={canWrite} onChanged={list.reload} onEdit={(t) => setEditing(t)} />
          <Pagination shown={list.items.length} hasMore={list.hasMore} loading={list.loadingMore} onLoadMore={list.loadMore} pageSize={list.pageSize} />
        </>
      )}
      <TaskDialog
        open={editing !== null}
        task={editing && editing !== 'new' ? editing : null}
        opportunity={{ id: opportunity.id, label: opportunity.title }}
        lockOpportunity
        onClose={() => setEditing(null)}
        onReload={list.reload}
        onSaved={() => {
          setEditing(null);
          list.reload();
        }}
      />
    </section>
  );
}
