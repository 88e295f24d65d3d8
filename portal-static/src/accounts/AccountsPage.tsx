import { useState } from 'preact/hooks';
import { href, navigate } from '../app/router';
import { usePagedList } from '../app/usePagedList';
import { useCanWrite } from '../auth/permissions';
import { maskPhone, maskTaxId } from '../format/masks';
import { PageHeader } from '../layout/PageHeader';
import { Button } from '../ui/Button';
import { EmptyState } from '../ui/EmptyState';
import { ErrorBanner } from '../ui/ErrorBanner';
import { Pagination } from '../ui/Pagination';
import { SearchBox } from '../ui/SearchBox';
import { Table, type Column } from '../ui/Table';
import { AccountDialog } from './AccountDialog';
import { listAccounts, type Account } from './accountsApi';

export function AccountsPage() {
  const canWrite = useCanWrite('accounts');
  const [q, setQ] = useState('');
  const [creating, setCreating] = useState(false);
  const list = usePagedList<Account>((args) => listAccounts(args, { q }), [q]);

  const columns: Column<Account>[] = [
    {
      key: 'name',
      header: 'Conta',
      render: (a) => (
        <a class="cell-primary" href={href(`/contas/${encodeURIComponent(a.id)}`)}>
          {a.name}
        </a>
      ),
    },
    { key: 'taxId', header: 'CNPJ/CPF', render: (a) => <span class="nowrap">{a.taxId ? maskTaxId(a.taxId) : '—'}</span> },
    { key: 'city', header: 'Cidade', render: (a) => [a.city, a.state].filter(Boolean).join('/') },
    { key: 'phone', header: 'Telefone', render: (a) => <span class="nowrap">{maskPhone(a.phone ?? '')}</span> },
    {
      key: 'customer',
      header: 'Cliente de faturamento',
      render: (a) => (a.customerId ? <a href={href(`/clientes/${encodeURIComponent(a.customerId)}`)}>Vinculado</a> : <span class="muted">Não vinculado</span>),
    },
  ];

  return (
    <>
      <PageHeader title="Contas" description="Empresas e pessoas com quem você negocia no CRM, com seus contatos." actions={canWrite && <Button onClick={() => setCreating(true)}>Nova conta</Button>} />
      <div class="toolbar">
        <SearchBox label="Buscar contas por nome, CNPJ/CPF ou cidade" placeholder="Buscar por nome, CNPJ/CPF ou cidade" onSearch={setQ} />
      </div>
      <ErrorBanner error={list.error} onRetry={list.reload} />
      {!list.loading && !list.error && list.items.length === 0 && q === '' ? (
        <EmptyState title="Nenhuma conta cadastrada" action={canWrite && <Button onClick={() => setCreating(true)}>Cadastrar a primeira conta</Button>}>
          Uma conta reúne os contatos e as oportunidades de uma empresa. Vincule-a ao cliente que será faturado quando fechar negócio.
        </EmptyState>
      ) : (
        <>
          <Table caption="Contas" columns={columns} rows={list.items} rowKey={(a) => a.id} loading={list.loading} empty={`Nenhuma conta encontrada para “${q}”.`} />
          <Pagination shown={list.items.length} hasMore={list.hasMore} loading={list.loadingMore} onLoadMore={list.loadMore} pageSize={list.pageSize} onPageSizeChange={list.setPageSize} />
        </>
      )}
      <AccountDialog
        open={creating}
        account={null}
        onClose={() => setCreating(false)}
        onSaved={(created) => {
          setCreating(false);
          if (created?.id) navigate(`/contas/${encodeURIComponent(created.id)}`);
          else list.reload();
        }}
      />
    </>
  );
}
