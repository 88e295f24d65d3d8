import { href } from '../app/router';
import { formatDate } from '../format';
import type { PagedList } from '../app/usePagedList';
import { Pagination } from '../ui/Pagination';
import { Table } from '../ui/Table';
import { contractLabel, type InventoryItem } from './inventoryApi';

export function InventoryTable({ rows, loading, showCustomer = true, empty }: { rows: InventoryItem[]; loading: boolean; showCustomer?: boolean; empty: string }) {
  return (
    <Table<InventoryItem>
      caption="Itens de inventário"
      rows={rows}
      loading={loading}
      rowKey={(i) => i.id}
      empty={empty}
      columns={[
        {
          key: 'serialNumber',
          header: 'Número de série',
          render: (i) => (
            <a class="cell-primary" href={href(`/inventario/${encodeURIComponent(i.id)}`)}>
              {i.serialNumber}
            </a>
          ),
        },
        { key: 'typeName', header: 'Tipo', render: (i) => i.typeName },
        { key: 'description', header: 'Descrição', render: (i) => i.description || '—' },
        ...(showCustomer ? [{ key: 'customerName', header: 'Cliente', render: (i: InventoryItem) => i.customerName }] : []),
        { key: 'siteName', header: 'Site', render: (i) => i.siteName },
        { key: 'contract', header: 'Contrato', render: (i) => contractLabel({ number: i.contractNumber ?? null, title: i.contractTitle }) },
        { key: 'warrantyUntil', header: 'Garantia até', render: (i) => (i.warrantyUntil ? formatDate(i.warrantyUntil) : '—') },
      ]}
    />
  );
}

export function InventoryTableWithPaging({ list, filtered, showCustomer = true }: { list: PagedList<InventoryItem>; filtered: boolean; showCustomer?: boolean }) {
  return (
    <>
      <InventoryTable
        rows={list.items}
        loading={list.loading}
        showCustomer={showCustomer}
        empty={list.hasMore ? 'Nenhum item nesta página com estes filtros: carregue mais para continuar a busca.' : filtered ? 'Nenhum item com estes filtros.' : 'Nenhum item cadastrado.'}
      />
      <Pagination shown={list.items.length} hasMore={list.hasMore} loading={list.loadingMore} onLoadMore={list.loadMore} pageSize={list.pageSize} onPageSizeChange={list.setPageSize} pageSizes={[50, 100, 200]} />
    </>
  );
}
