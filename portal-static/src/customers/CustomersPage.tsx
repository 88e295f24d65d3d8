import { useState } from 'preact/hooks';
import { href, navigate } from '../app/router';
import { usePagedList } from '../app/usePagedList';
import { useCanWrite } from '../auth/permissions';
import { maskPhone, maskTaxId } from '../format/masks';
import { PageHeader } from '../layout/PageHeader';
import { StatusBadge } from '../ui/Badge';
import { Button } from '../ui/Button';
import { EmptyState } from '../ui/EmptyState';
import { ErrorBanner } from '../ui/ErrorBanner';
import { SelectField } from '../ui/Field';
import { Pagination } from '../ui/Pagination';
import { SearchBox } from '../ui/SearchBox';
import { Table, type Column } from '../ui/Table';
import { CUSTOMER_STATUS, customerDisplayName, listCustomers, type Customer } from './customersApi';

const STATUS_FILTERS = [
  { value: 'active', label: 'Ativos' },
  { value: 'archived', label: 'Arquivados' },
  { value: 'all', label: 'Todos' },
];

export function CustomersPage() {
  const canWrite = useCanWrite('customers');
  const [q, setQ] = useState('');
  const [status, setStatus] = useState('active');
  const list = usePagedList<Customer>((args) => listCustomers(args, { q, status: status === 'all' ? '' : status }), [q, status]);

  const columns: Column<Customer>[] = [
    {
      key: 'name',
      header: 'Cliente',
      render: (c) => (
        <>
          <a class="cell-primary" href={href(`/clientes/${encodeURIComponent(c.id)}`)}>
            {customerDisplayName(c)}
          </a>
          {c.tradeName && c.tradeName !== c.legalName && <div class="cell-secondary">{c.legalName}</div>}
        </>
      ),
    },
    { key: 'taxId', header: 'CNPJ/CPF', render: (c) => <span class="nowrap">{maskTaxId(c.taxId ?? '')}</span> },
    { key: 'city', header: 'Cidade', render: (c) => [c.city, c.state].filter(Boolean).join('/') },
    { key: 'phone', header: 'Telefone', render: (c) => <span class="nowrap">{maskPhone(c.phone ?? '')}</span> },
    { key: 'status', header: 'Situação', render: (c) => <StatusBadge status={c.status} styles={CUSTOMER_STATUS} /> },
  ];

  const filtered = q !== '' || status !== 'active';
  return (
    <>
      <PageHeader
        title="Clientes"
        description="Quem você fatura: razão social, CNPJ/CPF, endereço e contatos."
        actions={canWrite && <Button onClick={() => navigate('/clientes/novo')}>Novo cliente</Button>}
      />
      <div class="toolbar">
        <SearchBox label="Buscar clientes por nome, CNPJ/CPF ou cidade" placeholder="Buscar por nome, CNPJ/CPF ou cidade" onSearch={setQ} />
        <SelectField label="Situação" class="toolbar-field" value={status} onValue={setStatus} options={STATUS_FILTERS} />
      </div>
      <ErrorBanner error={list.error} onRetry={list.reload} />
      {!list.loading && !list.error && list.items.length === 0 && !filtered ? (
        <EmptyState
          title="Nenhum cliente cadastrado"
          action={canWrite && <Button onClick={() => navigate('/clientes/novo')}>Cadastrar o primeiro cliente</Button>}
        >
          Cadastre os clientes que você fatura. Contas do CRM podem ser vinculadas a eles depois.
        </EmptyState>
      ) : (
        <>
          <Table
            caption="Clientes"
            columns={columns}
            rows={list.items}
            rowKey={(c) => c.id}
            loading={list.loading}
            empty={q ? `Nenhum cliente encontrado para “${q}”.` : 'Nenhum cliente nesta situação.'}
          />
          <Pagination shown={list.items.length} hasMore={list.hasMore} loading={list.loadingMore} onLoadMore={list.loadMore} pageSize={list.pageSize} onPageSizeChange={list.setPageSize} />
        </>
      )}
    </>
  );
}
