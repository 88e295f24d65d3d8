import { useState } from 'preact/hooks';
import { etagOf } from '../api/lists';
import { useAction, useResource } from '../app/hooks';
import { useCanWrite } from '../auth/permissions';
import { formatDate } from '../format/date';
import { maskPhone } from '../format/masks';
import { Badge, StatusBadge } from '../ui/Badge';
import { Button } from '../ui/Button';
import { EmptyState } from '../ui/EmptyState';
import { ErrorBanner } from '../ui/ErrorBanner';
import { ConfirmDialog } from '../ui/Modal';
import { Table, type Column } from '../ui/Table';
import { toast } from '../ui/Toast';
import { ContactDialog } from './ContactDialog';
import { contactInput, contactToForm } from './customerForm';
import {
  PORTAL_ACCESS_STATUS,
  createCustomerContact,
  deleteCustomerContact,
  grantPortalAccess,
  listCustomerContacts,
  listPortalAccess,
  revokePortalAccess,
  updateCustomerContact,
  type CustomerContact,
  type PortalAccess,
} from './customersApi';

/** A pending invitation or a login the contact already uses: both can be revoked. */
function isLive(access: PortalAccess | undefined): access is PortalAccess {
  return access?.status === 'invited' || access?.status === 'active';
}

export function CustomerContactsTab({ customerId }: { customerId: string }) {
  const canWrite = useCanWrite('customers');
  const contacts = useResource((signal) => listCustomerContacts(customerId, signal), [customerId]);
  const [editing, setEditing] = useState<CustomerContact | 'new' | null>(null);
  const [removing, setRemoving] = useState<CustomerContact | null>(null);
  // Accesses are listed for the roles that manage them (the API refuses the others).
  const accesses = useResource((signal) => (canWrite ? listPortalAccess(customerId, signal) : Promise.resolve([])), [customerId, canWrite]);
  const [inviting, setInviting] = useState<{ contact: CustomerContact; resend: boolean } | null>(null);
  const [revoking, setRevoking] = useState<{ contact: CustomerContact; access: PortalAccess } | null>(null);

  const accessOf = (c: CustomerContact) => accesses.data?.find((a) => a.contactId === c.id);
  // Granting and revoking change both the contact's flag and its access entry.
  const reload = () => {
    contacts.reload();
    accesses.reload();
  };

  const remove = useAction(async () => {
    if (!removing) return;
    await deleteCustomerContact(customerId, removing.id, etagOf(removing));
    toast.success(`Contato ${removing.name} excluído.`);
    setRemoving(null);
    contacts.reload();
  });

  // oGestor: each customer logs in to the customer area with e-mail and password; the company gives the access.
  // Granting a pending invitation again is how the API re-sends it.
  const invite = useAction(async () => {
    if (!inviting) return;
    const access = await grantPortalAccess(customerId, inviting.contact.id);
    const email = access?.email || inviting.contact.email;
    toast.success(inviting.resend ? `Convite reenviado para ${email}.` : `Convite para a área do cliente enviado para ${email}.`);
    setInviting(null);
    reload();
  });

  const revoke = useAction(async () => {
    if (!revoking) return;
    await revokePortalAccess(customerId, revoking.contact.id);
    toast.success(`Acesso de ${revoking.contact.name} à área do cliente revogado.`);
    setRevoking(null);
    reload();
  });

  const askInvite = (contact: CustomerContact, resend: boolean) => {
    invite.setError(null);
    setInviting({ contact, resend });
  };
  const askRevoke = (contact: CustomerContact, access: PortalAccess) => {
    revoke.setError(null);
    setRevoking({ contact, access });
  };
  const askRemove = (contact: CustomerContact) => {
    remove.setError(null);
    setRemoving(contact);
  };

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
    { key: 'portal', header: 'Área do cliente', render: (c) => <AccessStatus contact={c} access={accessOf(c)} /> },
  ];
  if (canWrite) {
    columns.push({
      key: 'actions',
      header: 'Ações',
      headerHidden: true,
      align: 'end',
      render: (c) => {
        const access = accessOf(c);
        const hasAccess = Boolean(c.portalAccess) || isLive(access);
        return (
          <div class="row-actions">
            <RowButton label={`Editar ${c.name}`} onClick={() => setEditing(c)}>
              Editar
            </RowButton>
            {!hasAccess && c.email && (
              <RowButton label={`Dar acesso à área do cliente a ${c.name}`} onClick={() => askInvite(c, false)}>
                Dar acesso
              </RowButton>
            )}
            {access?.status === 'invited' && (
              <RowButton label={`Reenviar convite da área do cliente a ${c.name}`} onClick={() => askInvite(c, true)}>
                Reenviar convite
              </RowButton>
            )}
            {isLive(access) && (
              <RowButton label={`Revogar acesso à área do cliente de ${c.name}`} danger onClick={() => askRevoke(c, access)}>
                Revogar acesso
              </RowButton>
            )}
            {/* A contact who signs in to the customer area is removed by revoking the access, not here. */}
            {!hasAccess && (
              <RowButton label={`Excluir ${c.name}`} danger onClick={() => askRemove(c)}>
                Excluir
              </RowButton>
            )}
          </div>
        );
      },
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
      <ErrorBanner error={accesses.error} onRetry={accesses.reload} />
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
        title={inviting?.resend ? 'Reenviar convite?' : 'Dar acesso à área do cliente?'}
        message={
          inviting &&
          (inviting.resend ? (
            <p>
              <strong>{inviting.contact.name}</strong> recebe em {inviting.contact.email} um novo convite para criar a senha; o link enviado antes deixa de valer.
            </p>
          ) : (
            <p>
              <strong>{inviting.contact.name}</strong> recebe em {inviting.contact.email} um convite para criar a senha e acompanhar os pedidos, enviar contratos assinados e aprovar propostas deste cliente.
            </p>
          ))
        }
        confirmLabel={inviting?.resend ? 'Reenviar convite' : 'Enviar convite'}
        destructive={false}
        busy={invite.busy}
        error={invite.error}
        onConfirm={() => void invite.run()}
        onCancel={() => setInviting(null)}
      />
      <ConfirmDialog
        open={revoking !== null}
        title="Revogar acesso à área do cliente?"
        message={
          revoking && (
            <p>
              <strong>{revoking.contact.name}</strong> ({revoking.access.email}) deixa de entrar na área do cliente; uma sessão aberta termina em até 15 minutos. Você pode dar o acesso de novo depois.
            </p>
          )
        }
        confirmLabel="Revogar"
        busy={revoke.busy}
        error={revoke.error}
        onConfirm={() => void revoke.run()}
        onCancel={() => setRevoking(null)}
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

/** A small button of a contact's row; `label` names the contact for screen readers. */
function RowButton({ label, danger = false, onClick, children }: { label: string; danger?: boolean; onClick: () => void; children: string }) {
  return (
    <Button variant="ghost" size="sm" class={danger ? 'text-danger' : undefined} onClick={onClick} aria-label={label}>
      {children}
    </Button>
  );
}

/** The contact's customer-area access as the API lists it; without that list (or an entry), the contact's own flag. */
function AccessStatus({ contact, access }: { contact: CustomerContact; access: PortalAccess | undefined }) {
  if (!access) return contact.portalAccess ? <Badge tone="info">Com acesso</Badge> : <span class="muted">—</span>;
  const since = access.status === 'invited' ? access.invitedAt : access.status === 'active' ? access.activatedAt : null;
  return (
    <>
      <StatusBadge status={access.status} styles={PORTAL_ACCESS_STATUS} />
      {since && <div class="cell-secondary">{access.status === 'invited' ? 'Enviado em' : 'Desde'} {formatDate(since)}</div>}
    </>
  );
}
