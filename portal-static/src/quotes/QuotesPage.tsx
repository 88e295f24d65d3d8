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
import { QUOTE_FILTERS, QUOTE_STATUS, listQuotes, quoteBadge, quoteFilterQuery, type QuoteListItem } from './quotesApi';

export function QuotesPage() {
  const canWrite = useCanWrite('quotes');
  const [q, setQ] = useState('');
  const [filter, setFilter] = useState('Aberto');
  const list = usePagedList<QuoteListItem>((args) => listQuotes(args, { ...(q ? { q } : {}), ...quoteFilterQuery(filter) }), [q, filter]);
  const columns: Column<QuoteListItem>[] = [
    {
      key: 'number',
      header: 'Número',
      render: (x) => (
        <a class="cell-primary" href={href(`/orcamentos/${encodeURIComponent(x.id)}`)}>
          Orçamento nº {x.number}
        </a>
      ),
    },
    { key: 'date', header: 'Data', render: (x) => <span class="nowrap">{formatDate(x.date)}</span> },
    { key: 'customer', header: 'Cliente', render: (x) => x.customerName },
    { key: 'validUntil', header: 'Validade', render: (x) => <span class="nowrap">{formatDate(x.validUntil)}</span> },
    {
      key: 'status',
      header: 'Situação',
      render: (x) => (
        <>
          <StatusBadge status={quoteBadge(x)} styles={QUOTE_STATUS} />
          {x.convertedOrderNumber ? <div class="cell-secondary">Pedido nº {x.convertedOrderNumber}</div> : null}
        </>
      ),
    },
    { key: 'total', header: 'Total', align: 'end', render: (x) => <span class="nowrap">{formatMoney(x.total)}</span> },
  ];
  return (
    <>
      <PageHeader title="Orçamentos" description="Propostas de preço que viram pedidos de venda." actions={canWrite && <Button onClick={() => navigate('/orcamentos/novo')}>Novo orçamento</Button>} />
      <div class="toolbar">
        <SearchBox label="Buscar orçamentos por número ou cliente" placeholder="Buscar por número ou cliente" onSearch={setQ} />
        <SelectField label="Situação" class="toolbar-field" value={filter} placeholder="Todos" options={QUOTE_FILTERS} onValue={setFilter} />
      </div>
      <ErrorBanner error={list.error} onRetry={list.reload} />
      {!list.loading && !list.error && list.items.length === 0 && !q && filter === 'Aberto' ? (
        <EmptyState title="Nenhum orçamento em aberto" action={canWrite && <Button onClick={() => navigate('/orcamentos/novo')}>Criar orçamento</Button>}>
          Monte um orçamento com serviços e produtos do catálogo e converta-o em pedido quando o cliente aceitar.
        </EmptyState>
      ) : (
        <>
          <Table caption="Orçamentos" columns={columns} rows={list.items} rowKey={(x) => x.id} loading={list.loading} empty="Nenhum orçamento com estes filtros." />
          <Pagination shown={list.items.length} hasMore={list.hasMore} loading={list.loadingMore} onLoadMore={list.loadMore} pageSize={list.pageSize} onPageSizeChange={list.setPageSize} />
        </>
      )}
    </>
  );
}
