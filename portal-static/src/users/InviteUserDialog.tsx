import { useState } from 'preact/hooks';
import { useAction, useFieldErrors } from '../app/hooks';
import { collectErrors, emailError, requiredError } from '../auth/validation';
import { ROLE_OPTIONS, isRole } from '../auth/roles';
import { Button } from '../ui/Button';
import { ErrorBanner } from '../ui/ErrorBanner';
import { SelectField, TextField } from '../ui/Field';
import { Modal } from '../ui/Modal';
import { inviteUser } from './usersApi';

export interface InviteUserDialogProps {
  open: boolean;
  onClose: () => void;
  onInvited: (email: string) => void;
}

export function InviteUserDialog({ open, onClose, onInvited }: InviteUserDialogProps) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState('');
  const action = useAction(async () => {
    if (!isRole(role)) return;
    await inviteUser({ name: name.trim(), email: email.trim(), role });
    const invited = email.trim();
    setName('');
    setEmail('');
    setRole('');
    onInvited(invited);
  });
  const fields = useFieldErrors(action.error);

  const close = () => {
    action.setError(null);
    fields.setClientErrors({});
    onClose();
  };

  const submit = (e: Event) => {
    e.preventDefault();
    const errors = collectErrors({ name: requiredError(name, 'Informe o nome.'), email: emailError(email), role: isRole(role) ? null : 'Escolha o perfil.' });
    fields.setClientErrors(errors);
    if (Object.keys(errors).length === 0) void action.run();
  };

  return (
    <Modal
      open={open}
      title="Convidar usuário"
      onClose={close}
      busy={action.busy}
      footer={
        <>
          <Button variant="secondary" onClick={close} disabled={action.busy}>
            Cancelar
          </Button>
          <Button type="submit" form="invite-user-form" busy={action.busy}>
            Enviar convite
          </Button>
        </>
      }
    >
      <p class="muted">A pessoa recebe um e-mail com um link para criar a senha e entrar.</p>
      <ErrorBanner error={action.error} fieldNames={['name', 'email', 'role']} />
      <form id="invite-user-form" class="form" noValidate onSubmit={submit}>
        <TextField
          label="Nome"
          name="name"
          value={name}
          onValue={(v) => {
            setName(v);
            fields.clear('name');
          }}
          error={fields.errors['name']}
          required
        />
        <TextField
          label="E-mail"
          name="email"
          type="email"
          autoComplete="off"
          value={email}
          onValue={(v) => {
            setEmail(v);
            fields.clear('email');
          }}
          error={fields.errors['email']}
          required
        />
        <SelectField
          label="Perfil"
          name="role"
          value={role}
          onValue={(v) => {
            setRole(v);
            fields.clear('role');
          }}
          options={ROLE_OPTIONS}
          placeholder="Selecione…"
          error={fields.errors['role']}
          hint="Administrador gerencia usuários e configurações; os demais perfis acessam as áreas do seu trabalho."
          required
        />
      </form>
    </Modal>
  );
}
