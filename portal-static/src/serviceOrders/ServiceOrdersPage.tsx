import { useState } from 'preact/hooks';
import { href, navigate } from '../app/router';
import { usePagedList } from '../app/usePagedList';
import { useCanWrite } from '../auth/permissions';
import { formatDate } from '../format/date';
import { formatMoney } from '../format/money';
import { PageHeader } from '../layout/PageHeader';
import { StatusBadge } from '../ui/Badge';
import { Button } from '../ui/Button';
import { EmptyState } from '../ui/EmptyState';
import { ErrorBanner } from '../ui/ErrorBanner';
import { SelectField } from '../ui/Field';
import { Pagination } from '../ui/Pagination';
import { SearchBox } from '../ui/SearchBox';
import { Table, type Column } from '../ui/Table';
import { SERVICE_ORDER_STATUS, SERVICE_ORDER_STATUS_OPTIONS, listServiceOrders, type ServiceOrderListItem } from './serviceOrdersApi';

export function ServiceOrdersPage() {
  const canWrite = useCanWrite('serviceOrders');
  const [q, setQ] = useState('');
  const [status, setStatus] = useState('');
  const list = usePagedList<ServiceOrderListItem>((args) => listServiceOrders(args, { ...(q ? { q } : {}), ...(status ? { status } : {}) }), [q, status]);
  const columns: Column<ServiceOrderListItem>[] = [
    {
      key: 'number',
      header: 'Número',
      render: (x) => (
        <>
          <a class="cell-primary" href={href(`/ordens-servico/${encodeURIComponent(x.id)}`)}>
            OS nº {x.number}
          </a>
          {x.description && <div class="cell-secondary">{x.description.length > 80 ? `${x.description.slice(0, 80)}…` : x.description}</div>}
        </>
      ),
    },
    { key: 'date', header: 'Data', render: (x) => <span class="nowrap">{formatDate(x.date)}</span> },
    { key: 'customer', header: 'Cliente', render: (x) => x.customerName },
    { key: 'expected', header: 'Previsão', render: (x) => <span class="nowrap">{x.expectedDate ? formatDate(x.expectedDate) : '—'}</span> },
    { key: 'status', header: 'Status', render: (x) => <StatusBadge status={x.status} styles={SERVICE_ORDER_STATUS} /> },
    { key: 'total', header: 'Total', align: 'end', render: (x) => <span class="nowrap">{formatMoney(x.total)}</span> },
  ];
  return (
    <>
      <PageHeader title="Ordens de serviço" description="Serviços a executar: aberta, em execução, concluída, faturada." actions={canWrite && <Button onClick={() => navigate('/ordens-servico/nova')}>Nova ordem de serviço</Button>} />
      <div class="toolbar">
        <SearchBox label="Buscar ordens de serviço por número ou cliente" placeholder="Buscar por número ou cliente" onSearch={setQ} />
        <SelectField label="Status" class="toolbar-field" value={status} placeholder="Todos" options={SERVICE_ORDER_STATUS_OPTIONS} onValue={setStatus} />
      </div>
      <ErrorBanner error={list.error} onRetry={list.reload} />
      {!list.loading && !list.error && list.items.length === 0 && !q && !status ? (
        <EmptyState title="Nenhuma ordem de serviço" action={canWrite && <Button onClick={() => navigate('/ordens-servico/nova')}>Criar ordem de serviço</Button>}>
          Registre os serviços a executar para um cliente; oportunidades ganhas também geram ordens de serviço.
        </EmptyState>
      ) : (
        <>
          <Table caption="Ordens de serviço" columns={columns} rows={list.items} rowKey={(x) => x.id} loading={list.loading} empty="Nenhuma ordem de serviço com estes filtros." />
          <Pagination shown={list.items.length} hasMore={list.hasMore} loading={list.loadingMore} onLoadMore={list.loadMore} pageSize={list.pageSize} onPageSizeChange={list.setPageSize} />
        </>
      )}
    </>
  );
}
