import { href, navigate, withQuery } from '../app/router';
import { usePagedList } from '../app/usePagedList';
import { searchCustomers } from '../customers/customersApi';
import { formatDate } from '../format/date';
import { formatMoney } from '../format/money';
import { PageHeader } from '../layout/PageHeader';
import { StatusBadge } from '../ui/Badge';
import { EmptyState } from '../ui/EmptyState';
import { ErrorBanner } from '../ui/ErrorBanner';
import { SelectField } from '../ui/Field';
import { LookupField } from '../ui/Lookup';
import { Pagination } from '../ui/Pagination';
import { Table, type Column } from '../ui/Table';
import { INVOICE_STATUS, INVOICE_STATUS_OPTIONS, listInvoices, type Invoice } from './billingApi';

/** Notas fiscais de serviço: newest first, by status, customer or order. */
export function InvoicesPage({ query }: { query: URLSearchParams }) {
  const status = query.get('status') ?? '';
  const customerId = query.get('cliente') ?? '';
  const customerName = query.get('clienteNome') ?? '';
  const orderId = query.get('pedido') ?? '';
  const list = usePagedList<Invoice>(
    (args) => listInvoices(args, { ...(status ? { status } : {}), ...(customerId ? { customerId } : {}), ...(orderId ? { orderId } : {}) }),
    [status, customerId, orderId],
  );
  const set = (patch: Record<string, string | null>) =>
    navigate(withQuery('/notas', { status, cliente: customerId, clienteNome: customerName, pedido: orderId, ...patch }), { replace: true });
  const filtered = Boolean(status || customerId || orderId);

  const columns: Column<Invoice>[] = [
    {
      key: 'number',
      header: 'Nota',
      render: (i) => (
        <a class="cell-primary" href={href(`/notas/${encodeURIComponent(i.id)}`)}>
          NFS-e nº {i.number}
        </a>
      ),
    },
    { key: 'issuedAt', header: 'Emissão', render: (i) => <span class="nowrap">{formatDate(i.issuedAt)}</span> },
    { key: 'customer', header: 'Cliente', render: (i) => i.customerName },
    {
      key: 'order',
      header: 'Pedido',
      render: (i) => (i.orderId ? <a href={href(`/pedidos/${encodeURIComponent(i.orderId)}`)}>Pedido nº {i.orderNumber ?? ''}</a> : '—'),
    },
    { key: 'status', header: 'Situação', render: (i) => <StatusBadge status={i.status} styles={INVOICE_STATUS} /> },
    { key: 'total', header: 'Total', align: 'end', render: (i) => <span class="nowrap">{formatMoney(i.total)}</span> },
  ];

  return (
    <>
      <PageHeader title="Notas fiscais" description="Notas de serviço (NFS-e) emitidas a partir dos pedidos." />
      <div class="toolbar" role="search" aria-label="Filtros das notas">
        <SelectField label="Situação" class="toolbar-field" value={status} placeholder="Todas" options={INVOICE_STATUS_OPTIONS} onValue={(v) => set({ status: v })} />
        <LookupField
          label="Cliente"
          class="toolbar-field"
          value={customerId ? { id: customerId, label: customerName || 'Cliente' } : null}
          onValue={(c) => set({ cliente: c?.id ?? null, clienteNome: c?.label ?? null })}
          search={searchCustomers}
          placeholder="Todos os clientes"
        />
        {orderId && (
          <p class="small">
            Somente as notas de um pedido.{' '}
            <button type="button" class="link-button" onClick={() => set({ pedido: null })}>
              Ver todas
            </button>
          </p>
        )}
      </div>
      <ErrorBanner error={list.error} onRetry={list.reload} />
      {!list.loading && !list.error && list.items.length === 0 && !filtered ? (
        <EmptyState title="Nenhuma nota fiscal emitida">As notas são emitidas na situação do pedido (“Faturar”), quando as tarefas dos itens estão concluídas.</EmptyState>
      ) : (
        <>
          <Table caption="Notas fiscais" columns={columns} rows={list.items} rowKey={(i) => i.id} loading={list.loading} empty="Nenhuma nota com estes filtros." />
          <Pagination shown={list.items.length} hasMore={list.hasMore} loading={list.loadingMore} onLoadMore={list.loadMore} pageSize={list.pageSize} onPageSizeChange={list.setPageSize} />
        </>
      )}
    </>
  );
}
