import { useState } from 'preact/hooks';
import { href, navigate } from '../app/router';
import { usePagedList } from '../app/usePagedList';
import { useCanWrite } from '../auth/permissions';
import { documentTotals } from '../format/lineMath';
import { formatMoney } from '../format/money';
import { PageHeader } from '../layout/PageHeader';
import { Badge } from '../ui/Badge';
import { Button } from '../ui/Button';
import { EmptyState } from '../ui/EmptyState';
import { ErrorBanner } from '../ui/ErrorBanner';
import { Pagination } from '../ui/Pagination';
import { SearchBox } from '../ui/SearchBox';
import { Table, type Column } from '../ui/Table';
import { listSolutions, type Solution } from './solutionsApi';

export function SolutionsPage() {
  const canWrite = useCanWrite('solutions');
  const [q, setQ] = useState('');
  const list = usePagedList<Solution>((args) => listSolutions(args, { q }), [q]);
  const columns: Column<Solution>[] = [
    {
      key: 'name',
      header: 'Solução',
      render: (s) => (
        <>
          <a class="cell-primary" href={href(`/solucoes/${encodeURIComponent(s.id)}`)}>
            {s.name}
          </a>
          {s.description && <div class="cell-secondary">{s.description}</div>}
        </>
      ),
    },
    { key: 'lines', header: 'Serviços', align: 'end', render: (s) => String(s.lines?.length ?? 0) },
    { key: 'total', header: 'Valor', align: 'end', render: (s) => <span class="nowrap">{formatMoney(s.total ?? documentTotals(s.lines ?? []).total)}</span> },
    { key: 'active', header: 'Situação', render: (s) => (s.active === false ? <Badge>Inativa</Badge> : <Badge tone="success">Ativa</Badge>) },
  ];
  return (
    <>
      <PageHeader
        title="Soluções"
        description="Conjuntos de serviços prontos: escolher uma solução na oportunidade preenche o ticket."
        actions={canWrite && <Button onClick={() => navigate('/solucoes/nova')}>Nova solução</Button>}
      />
      <div class="toolbar">
        <SearchBox label="Buscar soluções" placeholder="Buscar solução" onSearch={setQ} />
      </div>
      <ErrorBanner error={list.error} onRetry={list.reload} />
      {!list.loading && !list.error && list.items.length === 0 && q === '' ? (
        <EmptyState title="Nenhuma solução cadastrada" action={canWrite && <Button onClick={() => navigate('/solucoes/nova')}>Criar solução</Button>}>
          Monte soluções com os serviços que você costuma vender juntos, com quantidades, preços e descontos.
        </EmptyState>
      ) : (
        <>
          <Table caption="Soluções" columns={columns} rows={list.items} rowKey={(s) => s.id} loading={list.loading} empty={`Nenhuma solução encontrada para “${q}”.`} />
          <Pagination shown={list.items.length} hasMore={list.hasMore} loading={list.loadingMore} onLoadMore={list.loadMore} pageSize={list.pageSize} onPageSizeChange={list.setPageSize} />
        </>
      )}
    </>
  );
}
