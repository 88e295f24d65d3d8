import { useState } from 'preact/hooks';
import { navigate, withQuery } from '../app/router';
import { useStore } from '../app/store';
import { usePagedList } from '../app/usePagedList';
import { hasAnyRole, staffSession } from '../auth/session';
import { searchCustomers } from '../customers/customersApi';
import { PageHeader } from '../layout/PageHeader';
import { Button } from '../ui/Button';
import { EmptyState } from '../ui/EmptyState';
import { ErrorBanner } from '../ui/ErrorBanner';
import { SelectField } from '../ui/Field';
import { LookupField, type LookupOption } from '../ui/Lookup';
import { SearchBox } from '../ui/SearchBox';
import { useCustomerChoices, useTypeChoices } from './choices';
import { ExportCsvButton } from './ExportCsvButton';
import { INVENTORY_WRITERS, listInventory, type InventoryItem } from './inventoryApi';
import { InventoryTableWithPaging } from './InventoryTable';

/** "Inventário": every item of every customer, by serial number, keyword, customer, site, contract and type. */
export function InventoryPage() {
  const canWrite = hasAnyRole(useStore(staffSession), INVENTORY_WRITERS);
  const [serial, setSerial] = useState('');
  const [q, setQ] = useState('');
  const [customer, setCustomer] = useState<LookupOption | null>(null);
  const [siteId, setSiteId] = useState('');
  const [contractId, setContractId] = useState('');
  const [typeId, setTypeId] = useState('');
  const choices = useCustomerChoices(customer?.id);
  const { types } = useTypeChoices();
  const filters = { serial, q, customerId: customer?.id ?? '', siteId, contractId, typeId };
  const list = usePagedList<InventoryItem>((args) => listInventory(args, filters), [JSON.stringify(filters)], 50);
  const filtered = Object.values(filters).some((v) => v !== '');
  const create = () => navigate(withQuery('/inventario/novo', { cliente: customer?.id ?? null }));

  return (
    <>
      <PageHeader
        title="Inventário"
        description="Equipamentos e licenças de cada cliente, por número de série, contrato e site."
        actions={
          <>
            {customer && <ExportCsvButton customerId={customer.id} />}
            {canWrite && <Button onClick={create}>Novo item</Button>}
          </>
        }
      />
      <div class="toolbar toolbar-filters">
        <SearchBox label="Número de série" placeholder="Início do número de série" onSearch={setSerial} />
        <SearchBox label="Palavra-chave" placeholder="Descrição, cliente, site, tipo…" onSearch={setQ} />
        <LookupField
          label="Cliente"
          class="toolbar-field-wide"
          value={customer}
          onValue={(c) => {
            setCustomer(c);
            setSiteId('');
            setContractId('');
          }}
          search={searchCustomers}
          placeholder="Todos os clientes"
        />
        <SelectField label="Site" class="toolbar-field" value={siteId} onValue={setSiteId} options={choices.sites} placeholder={customer ? 'Todos' : 'Escolha o cliente'} disabled={!customer} />
        <SelectField label="Contrato" class="toolbar-field" value={contractId} onValue={setContractId} options={choices.contracts} placeholder={customer ? 'Todos' : 'Escolha o cliente'} disabled={!customer} />
        <SelectField label="Tipo" class="toolbar-field" value={typeId} onValue={setTypeId} options={types} placeholder="Todos" />
      </div>
      <ErrorBanner error={list.error ?? choices.error} onRetry={list.error ? list.reload : choices.reload} />
      {!list.loading && !list.error && list.items.length === 0 && !filtered && !list.hasMore ? (
        <EmptyState title="Nenhum item no inventário" action={canWrite && <Button onClick={create}>Cadastrar item</Button>}>
          Cadastre os equipamentos e licenças que cada cliente contratou, com o número de série, o contrato e o site onde estão.
        </EmptyState>
      ) : (
        <InventoryTableWithPaging list={list} filtered={filtered} />
      )}
    </>
  );
}
