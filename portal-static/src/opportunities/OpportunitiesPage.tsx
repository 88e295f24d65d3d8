import { useState } from 'preact/hooks';
import { useResource } from '../app/hooks';
import { useCanWrite } from '../auth/permissions';
import { href, navigate } from '../app/router';
import { useStore } from '../app/store';
import { usePagedList } from '../app/usePagedList';
import { staffSession } from '../auth/session';
import { formatDate } from '../format/date';
import { formatMoney } from '../format/money';
import { PageHeader } from '../layout/PageHeader';
import { getStages } from '../settings/settingsApi';
import { StatusBadge } from '../ui/Badge';
import { Button } from '../ui/Button';
import { EmptyState } from '../ui/EmptyState';
import { ErrorBanner } from '../ui/ErrorBanner';
import { SelectField } from '../ui/Field';
import { Pagination } from '../ui/Pagination';
import { SearchBox } from '../ui/SearchBox';
import { Table, type Column } from '../ui/Table';
import { OpportunityDialog } from './OpportunityDialog';
import { OPPORTUNITY_STATUS, listOpportunities, type OpportunityCard } from './opportunitiesApi';
import { personOptions, usePeople } from './people';

/** Every opportunity as a list (the pipeline shows the same by stage). */
export function OpportunitiesPage() {
  const canWrite = useCanWrite('opportunities');
  const session = useStore(staffSession);
  const { people } = usePeople();
  const stages = useResource((signal) => getStages(signal), []);
  const [q, setQ] = useState('');
  const [status, setStatus] = useState('open');
  const [stageId, setStageId] = useState('');
  const [ownerId, setOwnerId] = useState('');
  const [creating, setCreating] = useState(false);
  const list = usePagedList<OpportunityCard>((args) => listOpportunities(args, { q, status, stageId, ownerId }), [q, status, stageId, ownerId]);
  const stageName = (id: string) => stages.data?.find((s) => s.id === id)?.name ?? '';

  const columns: Column<OpportunityCard>[] = [
    {
      key: 'title',
      header: 'Oportunidade',
      render: (o) => (
        <>
          <a class="cell-primary" href={href(`/oportunidades/${encodeURIComponent(o.id)}`)}>
            {o.title}
          </a>
          <div class="cell-secondary">{o.accountName}</div>
        </>
      ),
    },
    { key: 'stage', header: 'Etapa', render: (o) => o.stageName ?? stageName(o.stageId ?? '') },
    { key: 'owner', header: 'Responsável', render: (o) => o.ownerName },
    { key: 'close', header: 'Previsão', render: (o) => <span class="nowrap">{formatDate(o.expectedCloseDate)}</span> },
    { key: 'total', header: 'Valor', align: 'end', render: (o) => <span class="nowrap">{formatMoney(o.ticketTotal ?? 0)}</span> },
    { key: 'status', header: 'Status', render: (o) => <StatusBadge status={o.status} styles={OPPORTUNITY_STATUS} /> },
  ];
  const filtered = q !== '' || status !== 'open' || stageId !== '' || ownerId !== '';

  return (
    <>
      <PageHeader
        title="Oportunidades"
        description="Negócios em andamento, ganhos e perdidos."
        actions={
          <>
            <Button variant="secondary" onClick={() => navigate('/pipeline')}>
              Ver pipeline
            </Button>
            {canWrite && <Button onClick={() => setCreating(true)}>Nova oportunidade</Button>}
          </>
        }
      />
      <div class="toolbar toolbar-filters">
        <SearchBox label="Buscar oportunidades pelo título ou conta" placeholder="Título ou conta" onSearch={setQ} />
        <SelectField
          label="Status"
          class="toolbar-field"
          value={status}
          onValue={setStatus}
          options={Object.entries(OPPORTUNITY_STATUS).map(([value, s]) => ({ value, label: s.label }))}
          placeholder="Todos"
        />
        <SelectField label="Etapa" class="toolbar-field" value={stageId} onValue={setStageId} options={(stages.data ?? []).map((s) => ({ value: s.id, label: s.name }))} placeholder="Todas" />
        <SelectField label="Responsável" class="toolbar-field" value={ownerId} onValue={setOwnerId} options={personOptions(people, session?.user.id)} placeholder="Todos" />
      </div>
      <ErrorBanner error={list.error} onRetry={list.reload} />
      {!list.loading && !list.error && list.items.length === 0 && !filtered ? (
        <EmptyState title="Nenhuma oportunidade em aberto" action={canWrite && <Button onClick={() => setCreating(true)}>Criar oportunidade</Button>}>
          Registre cada negócio com a conta, o responsável e o ticket (a proposta).
        </EmptyState>
      ) : (
        <>
          <Table caption="Oportunidades" columns={columns} rows={list.items} rowKey={(o) => o.id} loading={list.loading} empty="Nenhuma oportunidade com estes filtros." />
          <Pagination shown={list.items.length} hasMore={list.hasMore} loading={list.loadingMore} onLoadMore={list.loadMore} pageSize={list.pageSize} onPageSizeChange={list.setPageSize} />
        </>
      )}
      <OpportunityDialog
        open={creating}
        opportunity={null}
        stages={stages.data ?? []}
        onClose={() => setCreating(false)}
        onSaved={(created) => {
          setCreating(false);
          if (created?.id) navigate(`/oportunidades/${encodeURIComponent(created.id)}`);
          else list.reload();
        }}
      />
    </>
  );
}
