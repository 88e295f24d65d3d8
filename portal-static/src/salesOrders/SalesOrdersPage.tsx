import { useState } from 'preact/hooks';
import { href, navigate, withQuery } from '../app/router';
import { OrderStatusDialog } from '../billing/OrderStatusDialog';
import { usePagedList } from '../app/usePagedList';
import { useCanWrite } from '../auth/permissions';
import { searchCustomers } from '../customers/customersApi';
import { formatDate } from '../format/date';
import { formatMoney } from '../format/money';
import { PageHeader } from '../layout/PageHeader';
import { StatusBadge } from '../ui/Badge';
import { Button } from '../ui/Button';
import { EmptyState } from '../ui/EmptyState';
import { ErrorBanner } from '../ui/ErrorBanner';
import { DateField, SelectField, TextField } from '../ui/Field';
import { LookupField } from '../ui/Lookup';
import { Pagination } from '../ui/Pagination';
import { Table, type Column } from '../ui/Table';
import { apiFilters, filtersFromQuery, filtersToQuery, matchesLocally, periodError, type OrderListFilters } from './listFilters';
import { SALES_ORDER_STATUS, SALES_ORDER_STATUS_OPTIONS, listSalesOrders, type SalesOrderListItem } from './salesOrdersApi';
import './salesOrders.css';

/** Central de pedidos de venda: filters in the URL, newest first, status badges. */
export function SalesOrdersPage({ query }: { query: URLSearchParams }) {
  const canWrite = useCanWrite('salesOrders');
  const canBill = useCanWrite('billing');
  const [statusOf, setStatusOf] = useState<SalesOrderListItem | null>(null);
  const filters = filtersFromQuery(query);
  const invalidPeriod = periodError(filters);
  const api = apiFilters(filters);
  const list = usePagedList<SalesOrderListItem>((args) => listSalesOrders(args, api), [api.status, api.customerId, api.q]);
  const set = (patch: Partial<OrderListFilters>) => navigate(withQuery('/pedidos', filtersToQuery({ ...filters, ...patch })), { replace: true });
  const rows = invalidPeriod ? list.items : list.items.filter((r) => matchesLocally(r, filters));
  const filtered = Boolean(filters.status || filters.customerId || filters.from || filters.to || filters.number);

  const columns: Column<SalesOrderListItem>[] = [
    {
      key: 'number',
      header: 'Número',
      render: (o) => (
        <a class="cell-primary" href={href(`/pedidos/${encodeURIComponent(o.id)}`)}>
          Pedido nº {o.number}
        </a>
      ),
    },
    { key: 'date', header: 'Data', render: (o) => <span class="nowrap">{formatDate(o.date)}</span> },
    {
      key: 'customer',
      header: 'Cliente',
      render: (o) => (
        <>
          {o.customerName}
          {o.salespersonName && <div class="cell-secondary">Vendedor: {o.salespersonName}</div>}
        </>
      ),
    },
    {
      key: 'status',
      header: 'Status',
      render: (o) => (
        <button type="button" class="status-button" onClick={() => setStatusOf(o)} aria-label={`Status do pedido nº ${o.number}: ${SALES_ORDER_STATUS[o.status]?.label ?? o.statusLabel}. Ver itens, tarefas e faturamento`}>
          <StatusBadge status={o.status} styles={SALES_ORDER_STATUS} />
        </button>
      ),
    },
    { key: 'total', header: 'Total', align: 'end', render: (o) => <span class="nowrap">{formatMoney(o.total)}</span> },
  ];

  return (
    <>
      <PageHeader
        title="Pedidos de venda"
        description="Propostas, pedidos aprovados e confirmados, faturamento."
        actions={canWrite && <Button onClick={() => navigate('/pedidos/novo')}>Novo pedido</Button>}
      />
      <div class="toolbar" role="search" aria-label="Filtros dos pedidos">
        <SelectField label="Status" class="toolbar-field" value={filters.status} placeholder="Todos" options={SALES_ORDER_STATUS_OPTIONS} onValue={(status) => set({ status })} />
        <LookupField
          label="Cliente"
          class="toolbar-field"
          value={filters.customerId ? { id: filters.customerId, label: filters.customerName || 'Cliente' } : null}
          onValue={(c) => set({ customerId: c?.id ?? '', customerName: c?.label ?? '' })}
          search={searchCustomers}
          placeholder="Todos os clientes"
        />
        <DateField label="De" class="toolbar-field" value={filters.from} onValue={(from) => set({ from })} />
        <DateField label="Até" class="toolbar-field" value={filters.to} onValue={(to) => set({ to })} error={invalidPeriod} />
        <TextField label="Número" class="toolbar-field" inputMode="numeric" value={filters.number} onValue={(number) => set({ number })} />
      </div>
      <ErrorBanner error={list.error} onRetry={list.reload} />
      {!list.loading && !list.error && list.items.length === 0 && !filtered ? (
        <EmptyState title="Nenhum pedido de venda" action={canWrite && <Button onClick={() => navigate('/pedidos/novo')}>Criar o primeiro pedido</Button>}>
          Registre propostas e pedidos: com a integração ligada, cada pedido confirmado gera a oportunidade e as tarefas no CRM.
        </EmptyState>
      ) : (
        <>
          <Table caption="Pedidos de venda" columns={columns} rows={rows} rowKey={(o) => o.id} loading={list.loading} empty={list.hasMore ? 'Nenhum pedido com estes filtros nas páginas carregadas.' : 'Nenhum pedido com estes filtros.'} />
          <Pagination shown={rows.length} hasMore={list.hasMore} loading={list.loadingMore} onLoadMore={list.loadMore} pageSize={list.pageSize} onPageSizeChange={list.setPageSize} />
        </>
      )}
      {statusOf && (
        <OrderStatusDialog
          open
          orderId={statusOf.id}
          orderNumber={statusOf.number}
          canBill={canBill}
          onClose={() => setStatusOf(null)}
          onBilled={() => list.reload()}
        />
      )}
    </>
  );
}
