import { useEffect, useRef, useState } from 'preact/hooks';
import { getAccount, searchAccounts } from '../accounts/accountsApi';
import type { ApiError } from '../api/problem';
import { toApiError } from '../api/problem';
import { useResource } from '../app/hooks';
import { useCanWrite } from '../auth/permissions';
import { href, navigate } from '../app/router';
import { useStore } from '../app/store';
import { staffSession } from '../auth/session';
import { formatDate, todayIso } from '../format/date';
import { formatMoney } from '../format/money';
import { PageHeader } from '../layout/PageHeader';
import { StatusBadge } from '../ui/Badge';
import { Button } from '../ui/Button';
import { EmptyState } from '../ui/EmptyState';
import { ErrorBanner } from '../ui/ErrorBanner';
import { SelectField } from '../ui/Field';
import { KanbanBoard, type KanbanCard, type KanbanColumn } from '../ui/Kanban';
import { LookupField, type LookupOption } from '../ui/Lookup';
import { SearchBox } from '../ui/SearchBox';
import { LoadingBlock } from '../ui/Spinner';
import { toast } from '../ui/Toast';
import { appendColumnPage, moveCardLocally, moveWithConcurrency, type Board } from './kanbanState';
import { OpportunityDialog } from './OpportunityDialog';
import { OPPORTUNITY_STATUS, getKanban, getKanbanColumn, getOpportunity, moveOpportunity, type KanbanFilters, type OpportunityCard } from './opportunitiesApi';
import { personOptions, usePeople } from './people';

const PAGE_SIZE = 20;

interface Card extends KanbanCard {
  data: OpportunityCard;
}

/**
 * The pipeline kanban: a column per stage with its count and ticket total, cards moved by drag
 * and drop or with "Mover para…", each move guarded by the opportunity's ETag.
 */
export function PipelinePage({ accountId }: { accountId?: string | null }) {
  const canWrite = useCanWrite('opportunities');
  const session = useStore(staffSession);
  const { people } = usePeople();
  const [ownerId, setOwnerId] = useState('');
  const [account, setAccount] = useState<LookupOption | null>(null);
  const [q, setQ] = useState('');
  const [board, setBoard] = useState<Board | null>(null);
  const [moveError, setMoveError] = useState<ApiError | null>(null);
  const [loadingMore, setLoadingMore] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const moving = useRef(false);

  // "Ver oportunidades" on an account opens the board filtered by it.
  const preset = useResource((signal) => (accountId ? getAccount(accountId, signal) : Promise.resolve(null)), [accountId]);
  useEffect(() => {
    if (preset.data) setAccount({ id: preset.data.data.id, label: preset.data.data.name });
  }, [preset.data]);

  const filters: KanbanFilters = { ownerId, accountId: account?.id ?? (preset.loading ? accountId ?? '' : ''), q };
  const kanban = useResource((signal) => getKanban(filters, PAGE_SIZE, signal), [filters.ownerId, filters.accountId, filters.q]);
  useEffect(() => {
    if (kanban.data) setBoard({ stages: kanban.data.stages });
  }, [kanban.data]);

  const reload = () => {
    setMoveError(null);
    kanban.reload();
  };

  const onMove = async (cardId: string, toStageId: string) => {
    if (!board) return;
    if (moving.current) {
      toast.info('Aguarde a movimentação anterior terminar.');
      return;
    }
    moving.current = true;
    setMoveError(null);
    const before = board;
    setBoard(moveCardLocally(before, cardId, toStageId));
    const outcome = await moveWithConcurrency(before, cardId, toStageId, { load: (id) => getOpportunity(id), move: moveOpportunity });
    moving.current = false;
    setBoard(outcome.board);
    if (outcome.kind === 'conflict' || outcome.kind === 'failed') setMoveError(outcome.error);
  };

  const loadMore = async (stageId: string) => {
    const stage = board?.stages.find((s) => s.id === stageId);
    if (!stage?.continuation) return;
    setLoadingMore(stageId);
    try {
      const page = await getKanbanColumn(stageId, filters, stage.continuation, PAGE_SIZE);
      setBoard((b) => (b ? appendColumnPage(b, stageId, page) : b));
    } catch (e) {
      setMoveError(toApiError(e));
    } finally {
      setLoadingMore(null);
    }
  };

  const columns: KanbanColumn<Card>[] = (board?.stages ?? []).map((s) => ({
    id: s.id,
    title: s.name,
    count: s.count,
    total: s.total,
    cards: s.items.map((c) => ({ id: c.id, title: c.title, amount: c.ticketTotal, data: c })),
    footer: s.continuation ? (
      <Button variant="secondary" size="sm" block busy={loadingMore === s.id} onClick={() => void loadMore(s.id)}>
        Carregar mais ({Math.max(0, s.count - s.items.length)} restantes)
      </Button>
    ) : undefined,
  }));

  const stages = (board?.stages ?? []).map((s) => ({ id: s.id, name: s.name }));
  const totalCards = (board?.stages ?? []).reduce((n, s) => n + s.count, 0);
  const filtered = ownerId !== '' || account !== null || q !== '';

  return (
    <>
      <PageHeader title="Pipeline" description="Oportunidades por etapa, com a quantidade e o valor de cada etapa." actions={canWrite && <Button onClick={() => setCreating(true)}>Nova oportunidade</Button>} />
      <div class="toolbar toolbar-filters" role="search" aria-label="Filtros do pipeline">
        <SelectField
          label="Responsável"
          class="toolbar-field"
          value={ownerId}
          onValue={setOwnerId}
          options={personOptions(people, session?.user.id)}
          placeholder="Todos"
        />
        <LookupField label="Conta" class="toolbar-field toolbar-field-wide" value={account} onValue={setAccount} search={searchAccounts} placeholder="Todas as contas" />
        <div class="field toolbar-field toolbar-field-wide">
          <span class="field-label" aria-hidden="true">
            Texto
          </span>
          <SearchBox label="Buscar oportunidades pelo título ou conta" placeholder="Título ou conta" onSearch={setQ} />
        </div>
      </div>
      <ErrorBanner error={kanban.error} onRetry={kanban.reload} />
      <ErrorBanner error={moveError} onReload={reload} onDismiss={() => setMoveError(null)} />
      {!board && kanban.loading ? (
        <LoadingBlock label="Carregando o pipeline…" />
      ) : board && totalCards === 0 && !filtered ? (
        <>
          <EmptyState title="Nenhuma oportunidade ainda" action={canWrite && <Button onClick={() => setCreating(true)}>Criar a primeira oportunidade</Button>}>
            Cada oportunidade percorre as etapas do pipeline até ser ganha ou perdida.
          </EmptyState>
          <KanbanBoard label="Pipeline de oportunidades" columns={columns} onMove={(id, to) => void onMove(id, to)} movable={canWrite} />
        </>
      ) : (
        board && (
          <>
            {filtered && totalCards === 0 && <p class="muted">Nenhuma oportunidade com estes filtros.</p>}
            <KanbanBoard
              label="Pipeline de oportunidades"
              columns={columns}
              onMove={(id, to) => void onMove(id, to)}
              movable={canWrite}
              onOpen={(card) => navigate(`/oportunidades/${encodeURIComponent(card.id)}`)}
              renderCard={(card) => <OpportunityCardBody card={card.data} />}
            />
          </>
        )
      )}
      <OpportunityDialog
        open={creating}
        opportunity={null}
        stages={stages}
        defaultAccount={account}
        onClose={() => setCreating(false)}
        onSaved={(created) => {
          setCreating(false);
          if (created?.id) navigate(`/oportunidades/${encodeURIComponent(created.id)}`);
          else kanban.reload();
        }}
      />
    </>
  );
}

function OpportunityCardBody({ card }: { card: OpportunityCard }) {
  const overdue = card.status === 'open' && card.expectedCloseDate && card.expectedCloseDate < todayIso();
  return (
    <>
      <a class="kanban-card-title" href={href(`/oportunidades/${encodeURIComponent(card.id)}`)}>
        {card.title}
      </a>
      {card.accountName && <p class="kanban-card-subtitle">{card.accountName}</p>}
      <p class="kanban-card-amount">{formatMoney(card.ticketTotal ?? 0)}</p>
      <p class="kanban-card-meta">
        {card.ownerName && <span>{card.ownerName}</span>}
        {card.expectedCloseDate && <span class={overdue ? 'text-danger' : undefined}>Previsão {formatDate(card.expectedCloseDate)}</span>}
        {card.status !== 'open' && <StatusBadge status={card.status} styles={OPPORTUNITY_STATUS} />}
      </p>
    </>
  );
}
