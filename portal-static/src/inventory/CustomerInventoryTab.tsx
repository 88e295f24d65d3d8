import { useState } from 'preact/hooks';
import { navigate, withQuery } from '../app/router';
import { useStore } from '../app/store';
import { usePagedList } from '../app/usePagedList';
import { hasAnyRole, staffSession } from '../auth/session';
import { Button } from '../ui/Button';
import { EmptyState } from '../ui/EmptyState';
import { ErrorBanner } from '../ui/ErrorBanner';
import { SelectField } from '../ui/Field';
import { SearchBox } from '../ui/SearchBox';
import { useCustomerChoices, useTypeChoices } from './choices';
import { ExportCsvButton } from './ExportCsvButton';
import { INVENTORY_WRITERS, listCustomerInventory, type InventoryItem } from './inventoryApi';
import { InventoryTableWithPaging } from './InventoryTable';

/** The customer page's "Inventário" tab: the customer's items, with search, site/contract/type filters and the CSV export. */
export function CustomerInventoryTab({ customerId }: { customerId: string }) {
  const canWrite = hasAnyRole(useStore(staffSession), INVENTORY_WRITERS);
  const [q, setQ] = useState('');
  const [siteId, setSiteId] = useState('');
  const [contractId, setContractId] = useState('');
  const [typeId, setTypeId] = useState('');
  const choices = useCustomerChoices(customerId);
  const { types } = useTypeChoices();
  const filters = { q, siteId, contractId, typeId };
  const list = usePagedList<InventoryItem>((args) => listCustomerInventory(customerId, args, filters), [customerId, JSON.stringify(filters)], 50);
  const filtered = Object.values(filters).some((v) => v !== '');
  const create = () => navigate(withQuery('/inventario/novo', { cliente: customerId }));

  return (
    <section aria-label="Inventário do cliente">
      <div class="panel-header">
        <h2 class="panel-title">Inventário</h2>
        <div class="panel-actions">
          <ExportCsvButton customerId={customerId} />
          {canWrite && (
            <Button size="sm" onClick={create}>
              Novo item
            </Button>
          )}
        </div>
      </div>
      <div class="toolbar toolbar-filters">
        <SearchBox label="Buscar no inventário do cliente" placeholder="Número de série, descrição, site…" onSearch={setQ} />
        <SelectField label="Site" class="toolbar-field" value={siteId} onValue={setSiteId} options={choices.sites} placeholder="Todos" />
        <SelectField label="Contrato" class="toolbar-field" value={contractId} onValue={setContractId} options={choices.contracts} placeholder="Todos" />
        <SelectField label="Tipo" class="toolbar-field" value={typeId} onValue={setTypeId} options={types} placeholder="Todos" />
      </div>
      <ErrorBanner error={list.error} onRetry={list.reload} />
      {!list.loading && !list.error && list.items.length === 0 && !filtered && !list.hasMore ? (
        <EmptyState title="Nenhum item no inventário deste cliente" action={canWrite && <Button onClick={create}>Cadastrar item</Button>}>
          Equipamentos e licenças contratados pelo cliente, com número de série, contrato e site.
        </EmptyState>
      ) : (
        <InventoryTableWithPaging list={list} filtered={filtered} showCustomer={false} />
      )}
    </section>
  );
}
