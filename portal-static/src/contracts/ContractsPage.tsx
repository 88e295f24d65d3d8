import { useState } from 'preact/hooks';
import { navigate } from '../app/router';
import { usePagedList } from '../app/usePagedList';
import { useCanWrite } from '../auth/permissions';
import { PageHeader } from '../layout/PageHeader';
import { Button } from '../ui/Button';
import { EmptyState } from '../ui/EmptyState';
import { ErrorBanner } from '../ui/ErrorBanner';
import { SelectField } from '../ui/Field';
import { Pagination } from '../ui/Pagination';
import { SearchBox } from '../ui/SearchBox';
import { ContractsTable } from './ContractsTable';
import { CONTRACT_STATUS, listContracts, type Contract } from './contractsApi';

export function ContractsPage() {
  const canWrite = useCanWrite('contracts');
  const [q, setQ] = useState('');
  const [status, setStatus] = useState('');
  const list = usePagedList<Contract>((args) => listContracts(args, { q, status }), [q, status]);
  const filtered = q !== '' || status !== '';
  return (
    <>
      <PageHeader
        title="Contratos"
        description="Contratos de serviço com vigência, recorrência e itens."
        actions={canWrite && <Button onClick={() => navigate('/contratos/novo')}>Novo contrato</Button>}
      />
      <div class="toolbar">
        <SearchBox label="Buscar contratos por número, título ou cliente" placeholder="Buscar por número, título ou cliente" onSearch={setQ} />
        <SelectField
          label="Situação"
          class="toolbar-field"
          value={status}
          onValue={setStatus}
          options={Object.entries(CONTRACT_STATUS).map(([value, s]) => ({ value, label: s.label }))}
          placeholder="Todas"
        />
      </div>
      <ErrorBanner error={list.error} onRetry={list.reload} />
      {!list.loading && !list.error && list.items.length === 0 && !filtered ? (
        <EmptyState title="Nenhum contrato cadastrado" action={canWrite && <Button onClick={() => navigate('/contratos/novo')}>Criar contrato</Button>}>
          Registre os contratos de serviço dos seus clientes; o inventário de cada cliente aponta para eles.
        </EmptyState>
      ) : (
        <>
          <ContractsTable rows={list.items} loading={list.loading} />
          <Pagination shown={list.items.length} hasMore={list.hasMore} loading={list.loadingMore} onLoadMore={list.loadMore} pageSize={list.pageSize} onPageSizeChange={list.setPageSize} />
        </>
      )}
    </>
  );
}
