import { useState } from 'preact/hooks';
import { etagOf } from '../api/lists';
import { useAction, useResource } from '../app/hooks';
import { href, navigate, withQuery } from '../app/router';
import { useCanWrite } from '../auth/permissions';
import { maskPhone, maskTaxId } from '../format/masks';
import { PageHeader } from '../layout/PageHeader';
import { OccurrencesTab } from '../occurrences/OccurrencesTab';
import { CustomerInventoryTab } from '../inventory/CustomerInventoryTab';
import { CONSULT_TABS, consultTabs } from '../customer-overview/CustomerConsultTabs';
import { StatusBadge } from '../ui/Badge';
import { Button } from '../ui/Button';
import { ErrorBanner } from '../ui/ErrorBanner';
import { ConfirmDialog } from '../ui/Modal';
import { RecordStamps } from '../ui/RecordStamps';
import { LoadingBlock } from '../ui/Spinner';
import { Tabs } from '../ui/Tabs';
import { toast } from '../ui/Toast';
import { CustomerContactsTab } from './CustomerContactsTab';
import { CustomerContractsTab } from './CustomerContractsTab';
import { CustomerSitesTab } from './CustomerSitesTab';
import { formatAddress } from './customerForm';
import { CUSTOMER_STATUS, archiveCustomer, customerDisplayName, deleteCustomer, getCustomer, unarchiveCustomer, type Customer } from './customersApi';

export const CUSTOMER_TABS = ['dados', 'contatos', 'sites', 'contratos', 'ocorrencias', 'inventario', ...CONSULT_TABS.map((t) => t.id)] as const;

type Pending = 'archive' | 'delete' | null;

/**
 * A customer with its tabs. Quotes, orders, invoices, sales history and receivables join the
 * tabs when those modules exist.
 */
export function CustomerPage({ id, tab }: { id: string; tab: string | null }) {
  const customer = useResource((signal) => getCustomer(id, signal), [id]);
  const selected = tab && (CUSTOMER_TABS as readonly string[]).includes(tab) ? tab : 'dados';

  if (customer.loading && !customer.data) return <LoadingBlock />;
  if (!customer.data) {
    return (
      <>
        <PageHeader title="Cliente" />
        <ErrorBanner error={customer.error} onRetry={customer.reload} />
        <p>
          <a href={href('/clientes')}>← Voltar para clientes</a>
        </p>
      </>
    );
  }
  const c = customer.data.data;
  const name = customerDisplayName(c);

  return (
    <>
      <PageHeader
        title={name}
        description={
          <span class="header-meta">
            <span>{maskTaxId(c.taxId ?? '')}</span>
            <StatusBadge status={c.status} styles={CUSTOMER_STATUS} />
          </span>
        }
      />
      <p class="breadcrumb">
        <a href={href('/clientes')}>← Clientes</a>
      </p>
      <ErrorBanner error={customer.error} onRetry={customer.reload} />
      <Tabs
        label="Seções do cliente"
        selected={selected}
        onSelect={(next) => navigate(withQuery(`/clientes/${encodeURIComponent(id)}`, { aba: next === 'dados' ? null : next }), { replace: true })}
        tabs={[
          { id: 'dados', label: 'Dados', panel: () => <CustomerDetails customer={c} etag={customer.data!.etag ?? etagOf(c)} onChanged={customer.reload} /> },
          { id: 'contatos', label: 'Contatos', panel: () => <CustomerContactsTab customerId={id} /> },
          { id: 'sites', label: 'Sites', panel: () => <CustomerSitesTab customerId={id} /> },
          { id: 'contratos', label: 'Contratos', panel: () => <CustomerContractsTab customerId={id} /> },
          { id: 'ocorrencias', label: 'Ocorrências', panel: () => <OccurrencesTab customerId={id} customerName={name} /> },
          { id: 'inventario', label: 'Inventário', panel: () => <CustomerInventoryTab customerId={id} /> },
          ...consultTabs(id),
        ]}
      />
    </>
  );
}

function CustomerDetails({ customer: c, etag, onChanged }: { customer: Customer; etag: string | null; onChanged: () => void }) {
  const canWrite = useCanWrite('customers');
  const [pending, setPending] = useState<Pending>(null);
  const archived = c.status === 'archived';

  const unarchive = useAction(async () => {
    await unarchiveCustomer(c.id, etag);
    toast.success('Cliente reativado.');
    onChanged();
  });

  const confirm = useAction(async () => {
    if (pending === 'archive') {
      await archiveCustomer(c.id, etag);
      toast.success('Cliente arquivado.');
      setPending(null);
      onChanged();
    } else if (pending === 'delete') {
      await deleteCustomer(c.id, etag);
      toast.success('Cliente excluído.');
      setPending(null);
      navigate('/clientes', { replace: true });
    }
  });

  const address = formatAddress(c);
  return (
    <section aria-label="Dados do cliente">
      <ErrorBanner error={unarchive.error} onReload={onChanged} onDismiss={() => unarchive.setError(null)} />
      <div class="card">
        <dl class="details details-grid">
          <div>
            <dt>Razão social</dt>
            <dd>{c.legalName}</dd>
          </div>
          <div>
            <dt>Nome fantasia</dt>
            <dd>{c.tradeName || '—'}</dd>
          </div>
          <div>
            <dt>{c.taxIdKind === 'cpf' ? 'CPF' : 'CNPJ'}</dt>
            <dd>{maskTaxId(c.taxId ?? '')}</dd>
          </div>
          <div>
            <dt>E-mail</dt>
            <dd>{c.email ? <a href={`mailto:${c.email}`}>{c.email}</a> : '—'}</dd>
          </div>
          <div>
            <dt>Telefone</dt>
            <dd>{c.phone ? maskPhone(c.phone) : '—'}</dd>
          </div>
          <div class="details-wide">
            <dt>Endereço</dt>
            <dd>{address || '—'}</dd>
          </div>
          <div>
            <dt>Código IBGE do município</dt>
            <dd>{c.cityIbgeCode || '—'}</dd>
          </div>
          <div>
            <dt>Inscrição municipal</dt>
            <dd>{c.municipalRegistration || '—'}</dd>
          </div>
          <div>
            <dt>Inscrição estadual</dt>
            <dd>{c.stateRegistration || '—'}</dd>
          </div>
          {c.notes && (
            <div class="details-wide">
              <dt>Observações</dt>
              <dd class="pre-wrap">{c.notes}</dd>
            </div>
          )}
        </dl>
        <RecordStamps createdAt={c.createdAt} createdBy={c.createdBy} updatedAt={c.updatedAt} updatedBy={c.updatedBy} />
        {canWrite && (
          <div class="form-actions form-actions-start">
            <Button onClick={() => navigate(`/clientes/${encodeURIComponent(c.id)}/editar`)}>Editar</Button>
            {archived ? (
              <Button variant="secondary" busy={unarchive.busy} onClick={() => void unarchive.run()}>
                Reativar
              </Button>
            ) : (
              <Button variant="secondary" onClick={() => open('archive')}>
                Arquivar
              </Button>
            )}
            <Button variant="ghost" class="text-danger" onClick={() => open('delete')}>
              Excluir
            </Button>
          </div>
        )}
      </div>
      <ConfirmDialog
        open={pending === 'archive'}
        title="Arquivar cliente?"
        message={
          <p>
            <strong>{customerDisplayName(c)}</strong> deixa de aparecer na lista de clientes ativos. O histórico é mantido e você pode reativá-lo depois.
          </p>
        }
        confirmLabel="Arquivar"
        busy={confirm.busy}
        error={confirm.error}
        onConfirm={() => void confirm.run()}
        onCancel={() => setPending(null)}
      />
      <ConfirmDialog
        open={pending === 'delete'}
        title="Excluir cliente?"
        message={
          <p>
            <strong>{customerDisplayName(c)}</strong> será excluído definitivamente. Clientes com contratos, sites ou contas vinculadas não podem ser excluídos: arquive-os.
          </p>
        }
        confirmLabel="Excluir"
        busy={confirm.busy}
        error={confirm.error}
        onConfirm={() => void confirm.run()}
        onCancel={() => setPending(null)}
      />
    </section>
  );

  function open(next: Pending) {
    confirm.setError(null);
    setPending(next);
  }
}
