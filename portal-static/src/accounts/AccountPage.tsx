import { useEffect, useState } from 'preact/hooks';
import { etagOf, type PageArgs } from '../api/lists';
import { useAction, useResource } from '../app/hooks';
import { href, navigate, withQuery } from '../app/router';
import { useCanWrite } from '../auth/permissions';
import { ContactDialog } from '../customers/ContactDialog';
import { contactToForm } from '../customers/customerForm';
import { customerDisplayName, searchCustomers } from '../customers/customersApi';
import { maskPhone, maskTaxId } from '../format/masks';
import { PageHeader } from '../layout/PageHeader';
import { Button } from '../ui/Button';
import { EmptyState } from '../ui/EmptyState';
import { ErrorBanner, Notice } from '../ui/ErrorBanner';
import { LookupField, type LookupOption } from '../ui/Lookup';
import { ConfirmDialog } from '../ui/Modal';
import { RecordStamps } from '../ui/RecordStamps';
import { LoadingBlock } from '../ui/Spinner';
import { Table, type Column } from '../ui/Table';
import { toast } from '../ui/Toast';
import { AccountDialog } from './AccountDialog';
import { accountContactInput } from './accountForm';
import {
  createAccountContact,
  deleteAccount,
  deleteAccountContact,
  findCustomerByTaxId,
  getAccount,
  linkAccountCustomer,
  listAccountContacts,
  updateAccountContact,
  type Account,
  type AccountContact,
} from './accountsApi';

/** An account with its contacts and the customer that bills it. */
export function AccountPage({ id }: { id: string }) {
  const canWrite = useCanWrite('accounts');
  const account = useResource((signal) => getAccount(id, signal), [id]);
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);

  const remove = useAction(async () => {
    await deleteAccount(id, account.data?.etag ?? null);
    toast.success('Conta excluída.');
    navigate('/contas', { replace: true });
  });

  if (account.loading && !account.data) return <LoadingBlock />;
  if (!account.data) {
    return (
      <>
        <PageHeader title="Conta" />
        <ErrorBanner error={account.error} onRetry={account.reload} />
        <p>
          <a href={href('/contas')}>← Voltar para contas</a>
        </p>
      </>
    );
  }
  const a = account.data.data;
  const etag = account.data.etag ?? etagOf(a);

  return (
    <>
      <PageHeader
        title={a.name}
        description={a.taxId ? maskTaxId(a.taxId) : 'Conta do CRM'}
        actions={
          <Button variant="secondary" onClick={() => navigate(withQuery('/pipeline', { conta: a.id }))}>
            Ver oportunidades
          </Button>
        }
      />
      <p class="breadcrumb">
        <a href={href('/contas')}>← Contas</a>
      </p>
      <div class="stack">
        <section class="card" aria-labelledby="account-data">
          <h2 id="account-data" class="card-title">
            Dados da conta
          </h2>
          <dl class="details details-grid">
            <div>
              <dt>CNPJ/CPF</dt>
              <dd>{a.taxId ? maskTaxId(a.taxId) : '—'}</dd>
            </div>
            <div>
              <dt>E-mail</dt>
              <dd>{a.email ? <a href={`mailto:${a.email}`}>{a.email}</a> : '—'}</dd>
            </div>
            <div>
              <dt>Telefone</dt>
              <dd>{a.phone ? maskPhone(a.phone) : '—'}</dd>
            </div>
            <div>
              <dt>Cidade</dt>
              <dd>{[a.city, a.state].filter(Boolean).join('/') || '—'}</dd>
            </div>
            <div>
              <dt>Site</dt>
              <dd>{a.website || '—'}</dd>
            </div>
            {a.notes && (
              <div class="details-wide">
                <dt>Observações</dt>
                <dd class="pre-wrap">{a.notes}</dd>
              </div>
            )}
          </dl>
          <RecordStamps createdAt={a.createdAt} createdBy={a.createdBy} updatedAt={a.updatedAt} updatedBy={a.updatedBy} />
          {canWrite && (
            <div class="form-actions form-actions-start">
              <Button onClick={() => setEditing(true)}>Editar</Button>
              <Button
                variant="ghost"
                class="text-danger"
                onClick={() => {
                  remove.setError(null);
                  setDeleting(true);
                }}
              >
                Excluir
              </Button>
            </div>
          )}
        </section>
        <BillingCustomer account={a} etag={etag} canWrite={canWrite} onChanged={account.reload} />
        <AccountContacts account={a} canWrite={canWrite} onChanged={account.reload} />
      </div>
      <AccountDialog
        open={editing}
        account={a}
        etag={etag}
        onClose={() => setEditing(false)}
        onReload={account.reload}
        onSaved={() => {
          setEditing(false);
          account.reload();
        }}
      />
      <ConfirmDialog
        open={deleting}
        title="Excluir conta?"
        message={
          <p>
            A conta <strong>{a.name}</strong> e seus contatos serão excluídos. Contas com oportunidades não podem ser excluídas.
          </p>
        }
        confirmLabel="Excluir"
        busy={remove.busy}
        error={remove.error}
        onConfirm={() => void remove.run()}
        onCancel={() => setDeleting(false)}
      />
    </>
  );
}

/**
 * "Vincular cliente": the customer billed for this account's deals. When the account has a
 * CNPJ/CPF already registered as a customer, that customer is offered first (as Omie does).
 */
function BillingCustomer({ account, etag, canWrite, onChanged }: { account: Account; etag: string | null; canWrite: boolean; onChanged: () => void }) {
  const [changing, setChanging] = useState(false);
  const [choice, setChoice] = useState<LookupOption | null>(null);
  const linked = Boolean(account.customerId);
  const match = useResource(
    (signal) => (!linked && account.taxId ? findCustomerByTaxId(account.taxId, signal) : Promise.resolve(null)),
    [account.id, account.taxId, linked],
  );

  const link = useAction(async (customerId: string) => {
    await linkAccountCustomer(account.id, customerId, etag);
    toast.success('Cliente vinculado à conta.');
    setChanging(false);
    setChoice(null);
    onChanged();
  });

  const suggested = match.data;
  return (
    <section class="card" aria-labelledby="billing-customer">
      <h2 id="billing-customer" class="card-title">
        Cliente de faturamento
      </h2>
      <ErrorBanner error={link.error} onReload={onChanged} onDismiss={() => link.setError(null)} />
      {linked && !changing ? (
        <p>
          <a class="cell-primary" href={href(`/clientes/${encodeURIComponent(account.customerId!)}`)}>
            {account.customer ? customerDisplayName(account.customer) : 'Cliente vinculado'}
          </a>
          {canWrite && (
            <>
              {' '}
              <Button variant="link" size="sm" onClick={() => setChanging(true)}>
                Trocar cliente
              </Button>
            </>
          )}
        </p>
      ) : (
        <>
          {!linked && <p class="muted">Esta conta ainda não tem um cliente de faturamento. Vincule um cliente para gerar pedidos, contratos e notas.</p>}
          {suggested && canWrite && (
            <Notice>
              <p>
                Encontramos o cliente <strong>{customerDisplayName(suggested)}</strong> com o mesmo CNPJ/CPF desta conta.
              </p>
              <Button size="sm" busy={link.busy} onClick={() => void link.run(suggested.id)}>
                Vincular {customerDisplayName(suggested)}
              </Button>
            </Notice>
          )}
          {canWrite && (
            <div class="inline-form">
              <LookupField label="Buscar cliente" value={choice} onValue={setChoice} search={searchCustomers} placeholder="Nome ou CNPJ/CPF do cliente" />
              <div class="inline-form-actions">
                <Button disabled={!choice} busy={link.busy} onClick={() => choice && void link.run(choice.id)}>
                  Vincular cliente
                </Button>
                {!linked && !suggested && (
                  <Button variant="secondary" onClick={() => navigate(withQuery('/clientes/novo', { conta: account.id }))}>
                    Cadastrar cliente a partir da conta
                  </Button>
                )}
                {changing && (
                  <Button variant="ghost" onClick={() => setChanging(false)}>
                    Cancelar
                  </Button>
                )}
              </div>
            </div>
          )}
        </>
      )}
    </section>
  );
}

function AccountContacts({ account, canWrite, onChanged }: { account: Account; canWrite: boolean; onChanged: () => void }) {
  const [editing, setEditing] = useState<AccountContact | 'new' | null>(null);
  const [removing, setRemoving] = useState<AccountContact | null>(null);
  const remove = useAction(async () => {
    if (!removing) return;
    await deleteAccountContact(account.id, removing.id, etagOf(removing));
    toast.success(`Contato ${removing.name} excluído.`);
    setRemoving(null);
    onChanged();
  });

  const columns: Column<AccountContact>[] = [
    {
      key: 'name',
      header: 'Nome',
      render: (c) => (
        <>
          <span class="cell-primary">{c.name}</span>
          {c.position && <div class="cell-secondary">{c.position}</div>}
        </>
      ),
    },
    { key: 'email', header: 'E-mail', render: (c) => (c.email ? <a href={`mailto:${c.email}`}>{c.email}</a> : '') },
    { key: 'phone', header: 'Telefone', render: (c) => <span class="nowrap">{maskPhone(c.phone ?? '')}</span> },
  ];
  if (canWrite) {
    columns.push({
      key: 'actions',
      header: 'Ações',
      headerHidden: true,
      align: 'end',
      render: (c) => (
        <div class="row-actions">
          <Button variant="ghost" size="sm" onClick={() => setEditing(c)} aria-label={`Editar ${c.name}`}>
            Editar
          </Button>
          <Button
            variant="ghost"
            size="sm"
            class="text-danger"
            onClick={() => {
              remove.setError(null);
              setRemoving(c);
            }}
            aria-label={`Excluir ${c.name}`}
          >
            Excluir
          </Button>
        </div>
      ),
    });
  }

  // The account answer carries the first contacts; the rest come page by page from the contacts list.
  const [more, setMore] = useState<{ items: AccountContact[]; continuation: string | null; loading: boolean }>({ items: [], continuation: null, loading: false });
  useEffect(() => setMore({ items: [], continuation: account.contactsContinuation ?? null, loading: false }), [account]);
  const loadMore = async () => {
    if (!more.continuation) return;
    setMore((m) => ({ ...m, loading: true }));
    const args: PageArgs = { continuationToken: more.continuation, pageSize: 200 };
    try {
      const page = await listAccountContacts(account.id, args);
      setMore((m) => ({ items: [...m.items, ...page.items], continuation: page.continuation ?? null, loading: false }));
    } catch {
      setMore((m) => ({ ...m, loading: false }));
      toast.error('Não foi possível carregar mais contatos.');
    }
  };
  const contacts = [...(account.contacts ?? []), ...more.items];
  return (
    <section class="card" aria-labelledby="account-contacts">
      <div class="panel-header">
        <h2 id="account-contacts" class="card-title">
          Contatos
        </h2>
        {canWrite && (
          <Button size="sm" onClick={() => setEditing('new')}>
            Novo contato
          </Button>
        )}
      </div>
      {contacts.length === 0 ? (
        <EmptyState title="Nenhum contato">Cadastre as pessoas da conta: quem decide, quem usa o serviço.</EmptyState>
      ) : (
        <Table caption="Contatos da conta" columns={columns} rows={contacts} rowKey={(c) => c.id} />
      )}
      {more.continuation && (
        <p>
          <Button variant="secondary" size="sm" busy={more.loading} onClick={() => void loadMore()}>
            Carregar mais contatos
          </Button>
        </p>
      )}
      <ContactDialog
        open={editing !== null}
        roleLabel="Cargo"
        initial={editing && editing !== 'new' ? contactToForm({ name: editing.name, email: editing.email ?? '', phone: editing.phone ?? '', role: editing.position ?? null }) : null}
        onClose={() => setEditing(null)}
        onReload={onChanged}
        onSave={async (form) => {
          if (editing && editing !== 'new') {
            await updateAccountContact(account.id, editing.id, accountContactInput(form), etagOf(editing));
            toast.success('Contato atualizado.');
          } else {
            await createAccountContact(account.id, accountContactInput(form));
            toast.success('Contato cadastrado.');
          }
          setEditing(null);
          onChanged();
        }}
      />
      <ConfirmDialog
        open={removing !== null}
        title="Excluir contato?"
        message={removing && <p>O contato <strong>{removing.name}</strong> será excluído desta conta.</p>}
        confirmLabel="Excluir"
        busy={remove.busy}
        error={remove.error}
        onConfirm={() => void remove.run()}
        onCancel={() => setRemoving(null)}
      />
    </section>
  );
}
