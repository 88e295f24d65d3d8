import { useState } from 'preact/hooks';
import { href, navigate, withQuery } from '../app/router';
import { useAction, useFieldErrors } from '../app/hooks';
import { collectErrors, confirmationError, passwordError } from '../auth/validation';
import { NewPasswordFields } from '../auth/NewPasswordFields';
import { AuthLayout } from '../layout/AuthLayout';
import { Button } from '../ui/Button';
import { ErrorBanner } from '../ui/ErrorBanner';
import { customerAcceptInvitation, customerAreaPath } from './session';

/** Landing page of the customer invitation link "#/cliente/<slug>/convite?token=…". */
export function CustomerAcceptInvitationPage({ slug, query }: { slug: string; query: URLSearchParams }) {
  const token = query.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const action = useAction(async () => {
    const session = await customerAcceptInvitation(slug, token, password);
    navigate(session ? customerAreaPath(slug) : withQuery(customerAreaPath(slug, 'entrar'), { motivo: 'senha-criada' }), { replace: true });
  });
  const fields = useFieldErrors(action.error);

  if (!token) {
    return (
      <AuthLayout title="Link inválido">
        <p>O endereço não contém o código do convite. Abra o link exatamente como chegou no seu e-mail ou peça um novo convite.</p>
        <a class="btn btn-secondary btn-block" href={href(customerAreaPath(slug, 'entrar'))}>
          Ir para a página de entrada
        </a>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title="Criar sua senha" subtitle="Defina a senha para acessar a área do cliente e acompanhar seus pedidos.">
      <ErrorBanner error={action.error} fieldNames={['password']} />
      <form
        class="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const errors = collectErrors({ password: passwordError(password), confirmation: confirmationError(password, confirmation) });
          fields.setClientErrors(errors);
          if (Object.keys(errors).length === 0) void action.run();
        }}
      >
        <NewPasswordFields
          idPrefix="customer-invite"
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
          Criar senha
        </Button>
      </form>
    </AuthLayout>
  );
}
