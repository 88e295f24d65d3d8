import { navigate } from '../app/router';
import { usePagedList } from '../app/usePagedList';
import { useCanWrite } from '../auth/permissions';
import { ContractsTable } from '../contracts/ContractsTable';
import { listCustomerContracts, type Contract } from '../contracts/contractsApi';
import { Button } from '../ui/Button';
import { EmptyState } from '../ui/EmptyState';
import { ErrorBanner } from '../ui/ErrorBanner';
import { Pagination } from '../ui/Pagination';

export function CustomerContractsTab({ customerId }: { customerId: string }) {
  const canWrite = useCanWrite('contracts');
  const list = usePagedList<Contract>((args) => listCustomerContracts(customerId, args), [customerId]);
  const create = () => navigate(`/contratos/novo?cliente=${encodeURIComponent(customerId)}`);
  return (
    <section aria-label="Contratos do cliente">
      <div class="panel-header">
        <h2 class="panel-title">Contratos</h2>
        {canWrite && (
          <Button size="sm" onClick={create}>
            Novo contrato
          </Button>
        )}
      </div>
      <ErrorBanner error={list.error} onRetry={list.reload} />
      {!list.loading && !list.error && list.items.length === 0 ? (
        <EmptyState title="Nenhum contrato">Contratos de serviço deste cliente aparecem aqui, com vigência, recorrência e situação.</EmptyState>
      ) : (
        <>
          <ContractsTable rows={list.items} loading={list.loading} showCustomer={false} />
          <Pagination shown={list.items.length} hasMore={list.hasMore} loading={list.loadingMore} onLoadMore={list.loadMore} pageSize={list.pageSize} />
        </>
      )}
    </section>
  );
}
