import { useState } from 'preact/hooks';
import { useAction, useResource } from '../app/hooks';
import { useStore } from '../app/store';
import { staffSession } from '../auth/session';
import { ROLE_OPTIONS, isRole, roleLabel, type Role } from '../auth/roles';
import { PageHeader } from '../layout/PageHeader';
import { StatusBadge } from '../ui/Badge';
import { Button } from '../ui/Button';
import { ErrorBanner } from '../ui/ErrorBanner';
import { ConfirmDialog } from '../ui/Modal';
import { SearchBox } from '../ui/SearchBox';
import { Table, type Column } from '../ui/Table';
import { toast } from '../ui/Toast';
import { InviteUserDialog } from './InviteUserDialog';
import { USER_STATUS, changeUserRole, disableUser, enableUser, listUsers, type UserSummary } from './usersApi';

type Pending = { kind: 'role'; user: UserSummary; role: Role } | { kind: 'disable'; user: UserSummary };

export function UsersPage() {
  const session = useStore(staffSession);
  const users = useResource((signal) => listUsers(signal));
  const [inviting, setInviting] = useState(false);
  const [filter, setFilter] = useState('');
  const [pending, setPending] = useState<Pending | null>(null);

  const confirmAction = useAction(async () => {
    if (!pending) return;
    if (pending.kind === 'role') {
      await changeUserRole(pending.user.id, pending.role);
      toast.success(`Perfil de ${pending.user.name} alterado para ${roleLabel(pending.role)}.`);
    } else {
      await disableUser(pending.user.id);
      toast.success(`${pending.user.name} foi desativado(a).`);
    }
    setPending(null);
    users.reload();
  });

  const enableAction = useAction(async (user: UserSummary) => {
    await enableUser(user.id);
    toast.success(`${user.name} foi reativado(a).`);
    users.reload();
  });

  const term = filter.toLocaleLowerCase('pt-BR');
  const rows = (users.data ?? []).filter((u) => !term || u.name.toLocaleLowerCase('pt-BR').includes(term) || u.email.toLocaleLowerCase('pt-BR').includes(term));
  const isSelf = (u: UserSummary) => u.id === session?.user.id;

  const columns: Column<UserSummary>[] = [
    {
      key: 'name',
      header: 'Nome',
      render: (u) => (
        <span class="cell-primary">
          {u.name}
          {isSelf(u) && <span class="muted"> (você)</span>}
        </span>
      ),
    },
    { key: 'email', header: 'E-mail' },
    {
      key: 'role',
      header: 'Perfil',
      render: (u) =>
        isSelf(u) || u.status === 'disabled' ? (
          roleLabel(u.role)
        ) : (
          <>
            <label class="visually-hidden" for={`role-${u.id}`}>
              Perfil de {u.name}
            </label>
            <select
              id={`role-${u.id}`}
              class="input select input-sm"
              value={u.role}
              onChange={(e) => {
                const next = e.currentTarget.value;
                // The row keeps the current role until the change is confirmed and saved.
                e.currentTarget.value = u.role;
                if (isRole(next) && next !== u.role) {
                  confirmAction.setError(null);
                  setPending({ kind: 'role', user: u, role: next });
                }
              }}
            >
              {ROLE_OPTIONS.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </>
        ),
    },
    { key: 'status', header: 'Situação', render: (u) => <StatusBadge status={u.status} styles={USER_STATUS} /> },
    {
      key: 'actions',
      header: 'Ações',
      headerHidden: true,
      align: 'end',
      render: (u) =>
        isSelf(u) ? null : u.status === 'disabled' ? (
          <Button variant="secondary" size="sm" busy={enableAction.busy} onClick={() => void enableAction.run(u)} aria-label={`Reativar ${u.name}`}>
            Reativar
          </Button>
        ) : (
          <Button
            variant="ghost"
            size="sm"
            class="text-danger"
            onClick={() => {
              confirmAction.setError(null);
              setPending({ kind: 'disable', user: u });
            }}
            aria-label={`Desativar ${u.name}`}
          >
            Desativar
          </Button>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title="Usuários"
        description="Pessoas da sua empresa que acessam o portal, com o perfil de cada uma."
        actions={<Button onClick={() => setInviting(true)}>Convidar usuário</Button>}
      />
      <ErrorBanner error={users.error} onRetry={users.reload} />
      <ErrorBanner error={enableAction.error} onDismiss={() => enableAction.setError(null)} />
      <div class="toolbar">
        <SearchBox label="Buscar usuário por nome ou e-mail" placeholder="Buscar por nome ou e-mail" onSearch={setFilter} delay={200} />
      </div>
      <Table
        caption="Usuários da empresa"
        columns={columns}
        rows={rows}
        rowKey={(u) => u.id}
        loading={users.loading && !users.data}
        empty={users.error ? 'Não foi possível carregar os usuários.' : filter ? `Nenhum usuário encontrado para “${filter}”.` : 'Nenhum usuário cadastrado.'}
      />
      <InviteUserDialog
        open={inviting}
        onClose={() => setInviting(false)}
        onInvited={(email) => {
          setInviting(false);
          toast.success(`Convite enviado para ${email}.`);
          users.reload();
        }}
      />
      <ConfirmDialog
        open={pending?.kind === 'role'}
        title="Alterar perfil?"
        message={
          pending?.kind === 'role' && (
            <p>
              <strong>{pending.user.name}</strong> passará de {roleLabel(pending.user.role)} para <strong>{roleLabel(pending.role)}</strong>. As permissões mudam no próximo acesso.
            </p>
          )
        }
        confirmLabel="Alterar perfil"
        destructive={false}
        busy={confirmAction.busy}
        error={confirmAction.error}
        onConfirm={() => void confirmAction.run()}
        onCancel={() => setPending(null)}
      />
      <ConfirmDialog
        open={pending?.kind === 'disable'}
        title="Desativar usuário?"
        message={
          pending?.kind === 'disable' && (
            <p>
              <strong>{pending.user.name}</strong> não poderá mais entrar no portal. Você pode reativar o acesso depois.
            </p>
          )
        }
        confirmLabel="Desativar"
        busy={confirmAction.busy}
        error={confirmAction.error}
        onConfirm={() => void confirmAction.run()}
        onCancel={() => setPending(null)}
      />
    </>
  );
}
