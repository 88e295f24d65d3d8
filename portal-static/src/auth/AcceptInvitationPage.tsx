import { useState } from 'preact/hooks';
import { href, navigate } from '../app/router';
import { useAction, useFieldErrors } from '../app/hooks';
import { AuthLayout } from '../layout/AuthLayout';
import { Button } from '../ui/Button';
import { ErrorBanner } from '../ui/ErrorBanner';
import { TextField } from '../ui/Field';
import { toast } from '../ui/Toast';
import { acceptInvitation } from './authApi';
import { NewPasswordFields } from './NewPasswordFields';
import { collectErrors, confirmationError, passwordError, requiredError } from './validation';

/** Landing page of the staff invitation link "#/convite?token=…". */
export function AcceptInvitationPage({ query }: { query: URLSearchParams }) {
  const token = query.get('token') ?? '';
  const [name, setName] = useState(query.get('nome') ?? '');
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const action = useAction(async () => {
    const session = await acceptInvitation(token, name.trim(), password);
    toast.success(`Bem-vindo(a) à ${session.user.tenantName}!`);
    navigate('/painel', { replace: true });
  });
  const fields = useFieldErrors(action.error);

  if (!token) {
    return (
      <AuthLayout title="Link inválido">
        <p>O endereço não contém o código do convite. Abra o link exatamente como chegou no seu e-mail ou peça um novo convite ao administrador.</p>
        <a class="btn btn-secondary btn-block" href={href('/entrar')}>
          Ir para a página de entrada
        </a>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title="Aceitar convite" subtitle="Informe seu nome e crie uma senha para acessar o portal da empresa.">
      <ErrorBanner error={action.error} fieldNames={['name', 'password']} />
      <form
        class="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const errors = collectErrors({
            name: requiredError(name, 'Informe seu nome.'),
            password: passwordError(password),
            confirmation: confirmationError(password, confirmation),
          });
          fields.setClientErrors(errors);
          if (Object.keys(errors).length === 0) void action.run();
        }}
      >
        <TextField
          label="Seu nome"
          name="name"
          autoComplete="name"
          value={name}
          onValue={(v) => {
            setName(v);
            fields.clear('name');
          }}
          error={fields.errors['name']}
          required
        />
        <NewPasswordFields
          idPrefix="invite"
          password={password}
          confirmation={confirmation}
          onPassword={(v) => {
            setPassword(v);
            fields.clear('password');
          }}
          onConfirmation={(v) => {
            setConfirmation(v);
            fields.clear('confirmation');
          }}
          errors={fields.errors}
        />
        <Button type="submit" block busy={action.busy}>
          Aceitar convite e entrar
        </Button>
      </form>
    </AuthLayout>
  );
}
