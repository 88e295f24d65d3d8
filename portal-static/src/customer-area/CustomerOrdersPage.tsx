import { useRef, useState } from 'preact/hooks';
import { href } from '../app/router';
import { usePagedList } from '../app/usePagedList';
import { formatDate, formatMoney } from '../format';
import { PageHeader } from '../layout/PageHeader';
import { StatusBadge } from '../ui/Badge';
import { DateField, SelectField } from '../ui/Field';
import { SearchBox } from '../ui/SearchBox';
import { ErrorBanner } from '../ui/ErrorBanner';
import { Pagination } from '../ui/Pagination';
import { Table } from '../ui/Table';
import { listOrders, type OrderFilters, type OrderSummary } from './customerAreaApi';
import { STATUS_FILTER_OPTIONS, periodError, statusCode, statusStyles } from './orderRules';
import { customerAreaPath } from './session';

/** "Pedidos": every order of the signed-in customer, newest first, with filters and "Carregar mais". */
export function CustomerOrdersPage({ slug, status: initialStatus = null }: { slug: string; status?: string | null }) {
  const [status, setStatus] = useState(STATUS_FILTER_OPTIONS.some((o) => o.value === initialStatus) ? initialStatus! : '');
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [number, setNumber] = useState('');
  const rangeError = periodError(from, to);
  const cleanNumber = number.replace(/\D/g, '');
  // A reversed period is not sent: the list keeps the last valid filters while the message shows.
  const applied = useRef<OrderFilters>({});
  if (!rangeError) applied.current = { status, from, to, number: cleanNumber };
  const filters = applied.current;
  const list = usePagedList<OrderSummary>((args) => listOrders(slug, args, filters), [slug, JSON.stringify(filters)]);
  const filtered = Boolean(filters.status || filters.from || filters.to || filters.number);

  return (
    <>
      <PageHeader title="Pedidos" description="Todas as propostas e pedidos feitos para você." />
      <div class="toolbar toolbar-filters" role="group" aria-label="Filtros de pedidos">
        <SearchBox label="Número" placeholder="Número do pedido" onSearch={setNumber} />
        <SelectField label="Situação" class="toolbar-field" value={status} onValue={setStatus} options={STATUS_FILTER_OPTIONS} placeholder="Todas" />
        <DateField label="De" name="from" class="toolbar-field" value={from} onValue={setFrom} />
        <DateField label="Até" name="to" class="toolbar-field" value={to} onValue={setTo} error={rangeError} />
      </div>
      <ErrorBanner error={list.error} onRetry={list.reload} />
      <Table<OrderSummary>
        caption="Pedidos"
        loading={list.loading}
        rows={list.items}
        rowKey={(o) => o.id}
        empty={filtered ? 'Nenhum pedido com estes filtros.' : 'Você ainda não tem pedidos.'}
        columns={[
          { key: 'number', header: 'Número', render: (o) => <span class="cell-primary">{o.number}</span> },
          { key: 'date', header: 'Data', render: (o) => formatDate(o.date) },
          { key: 'status', header: 'Situação', render: (o) => <StatusBadge status={statusCode(o)} styles={statusStyles(o)} /> },
          { key: 'total', header: 'Total', align: 'end', render: (o) => formatMoney(o.total) },
          {
            key: 'open',
            header: 'Ações',
            headerHidden: true,
            align: 'end',
            render: (o) => (
              <a class="btn btn-primary btn-sm" href={href(customerAreaPath(slug, `pedidos/${encodeURIComponent(o.id)}`))} aria-label={`Visualizar o pedido ${o.number}`}>
                Visualizar
              </a>
            ),
          },
        ]}
      />
      <Pagination shown={list.items.length} hasMore={list.hasMore} loading={list.loadingMore} onLoadMore={list.loadMore} pageSize={list.pageSize} onPageSizeChange={list.setPageSize} />
    </>
  );
}
