import { useState } from 'preact/hooks';
import { etagOf } from '../api/lists';
import { useAction, useResource } from '../app/hooks';
import { useCanWrite } from '../auth/permissions';
import { maskPhone } from '../format/masks';
import { Badge } from '../ui/Badge';
import { Button } from '../ui/Button';
import { EmptyState } from '../ui/EmptyState';
import { ErrorBanner } from '../ui/ErrorBanner';
import { ConfirmDialog } from '../ui/Modal';
import { Table, type Column } from '../ui/Table';
import { toast } from '../ui/Toast';
import { ContactDialog } from './ContactDialog';
import { contactInput, contactToForm } from './customerForm';
import { createCustomerContact, deleteCustomerContact, grantPortalAccess, listCustomerContacts, updateCustomerContact, type CustomerContact } from './customersApi';

export function CustomerContactsTab({ customerId }: { customerId: string }) {
  const canWrite = useCanWrite('customers');
  const contacts = useResource((signal) => listCustomerContacts(customerId, signal), [customerId]);
  const [editing, setEditing] = useState<CustomerContact | 'new' | null>(null);
  const [removing, setRemoving] = useState<CustomerContact | null>(null);
  const [inviting, setInviting] = useState<CustomerContact | null>(null);

  const remove = useAction(async () => {
    if (!removing) return;
    await deleteCustomerContact(customerId, removing.id, etagOf(removing));
    toast.success(`Contato ${removing.name} excluído.`);
    setRemoving(null);
    contacts.reload();
  });

  // oGestor: each customer logs in to the customer area with e-mail and password; the company gives the access.
  const invite = useAction(async () => {
    if (!inviting) return;
    const access = await grantPortalAccess(customerId, inviting.id);
    toast.success(`Convite para a área do cliente enviado para ${access?.email || inviting.email}.`);
    setInviting(null);
    contacts.reload();
  });

  const columns: Column<CustomerContact>[] = [
    {
      key: 'name',
      header: 'Nome',
      render: (c) => (
        <>
          <span class="cell-primary">{c.name}</span>
          {c.role && <div class="cell-secondary">{c.role}</div>}
        </>
      ),
    },
    { key: 'email', header: 'E-mail', render: (c) => (c.email ? <a href={`mailto:${c.email}`}>{c.email}</a> : '') },
    { key: 'phone', header: 'Telefone', render: (c) => <span class="nowrap">{maskPhone(c.phone ?? '')}</span> },
    { key: 'portal', header: 'Área do cliente', render: (c) => (c.portalAccess ? <Badge tone="info">Com acesso</Badge> : <span class="muted">—</span>) },
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
          {!c.portalAccess && c.email && (
            <Button
              variant="ghost"
              size="sm"
              onClick={() => {
                invite.setError(null);
                setInviting(c);
              }}
              aria-label={`Dar acesso à área do cliente a ${c.name}`}
            >
              Dar acesso
            </Button>
          )}
          {/* A contact who signs in to the customer area is removed by revoking the access, not here. */}
          {!c.portalAccess && (
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
          )}
        </div>
      ),
    });
  }

  const rows = contacts.data ?? [];
  return (
    <section aria-label="Contatos do cliente">
      <div class="panel-header">
        <h2 class="panel-title">Contatos</h2>
        {canWrite && (
          <Button size="sm" onClick={() => setEditing('new')}>
            Novo contato
          </Button>
        )}
      </div>
      <ErrorBanner error={contacts.error} onRetry={contacts.reload} />
      {!contacts.loading && !contacts.error && rows.length === 0 ? (
        <EmptyState title="Nenhum contato cadastrado">Cadastre as pessoas com quem você fala neste cliente: quem aprova propostas, quem recebe as notas.</EmptyState>
      ) : (
        <Table caption="Contatos do cliente" columns={columns} rows={rows} rowKey={(c) => c.id} loading={contacts.loading} />
      )}
      <ContactDialog
        open={editing !== null}
        initial={editing && editing !== 'new' ? contactToForm(editing) : null}
        emailLocked={editing !== null && editing !== 'new' && Boolean(editing.portalAccess)}
        onClose={() => setEditing(null)}
        onReload={contacts.reload}
        onSave={async (form) => {
          if (editing && editing !== 'new') {
            await updateCustomerContact(customerId, editing.id, contactInput(form), etagOf(editing));
            toast.success('Contato atualizado.');
          } else {
            await createCustomerContact(customerId, contactInput(form));
            toast.success('Contato cadastrado.');
          }
          setEditing(null);
          contacts.reload();
        }}
      />
      <ConfirmDialog
        open={inviting !== null}
        title="Dar acesso à área do cliente?"
        message={
          inviting && (
            <p>
              <strong>{inviting.name}</strong> recebe em {inviting.email} um convite para criar a senha e acompanhar os pedidos, enviar contratos assinados e aprovar propostas deste cliente.
            </p>
          )
        }
        confirmLabel="Enviar convite"
        destructive={false}
        busy={invite.busy}
        error={invite.error}
        onConfirm={() => void invite.run()}
        onCancel={() => setInviting(null)}
      />
      <ConfirmDialog
        open={removing !== null}
        title="Excluir contato?"
        message={removing && <p>O contato <strong>{removing.name}</strong> será excluído deste cliente.</p>}
        confirmLabel="Excluir"
        busy={remove.busy}
        error={remove.error}
        onConfirm={() => void remove.run()}
        onCancel={() => setRemoving(null)}
      />
    </section>
  );
}
