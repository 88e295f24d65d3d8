import { useState } from 'preact/hooks';
import { href, navigate, withQuery } from '../app/router';
import { useAction, useFieldErrors } from '../app/hooks';
import { collectErrors, confirmationError, passwordError } from '../auth/validation';
import { NewPasswordFields } from '../auth/NewPasswordFields';
import { ForgotPasswordForm } from '../auth/ForgotPasswordPage';
import { AuthLayout } from '../layout/AuthLayout';
import { Button } from '../ui/Button';
import { ErrorBanner } from '../ui/ErrorBanner';
import { confirmCustomerPasswordReset, requestCustomerPasswordReset } from './customerAreaApi';
import { customerAreaPath } from './session';

/** "#/cliente/<slug>/esqueci-senha": asks for a reset link for a customer login of this company. */
export function CustomerForgotPasswordPage({ slug }: { slug: string }) {
  return (
    <ForgotPasswordForm
      subtitle="Informe o e-mail do seu acesso à área do cliente e enviaremos um link para criar uma nova senha."
      loginPath={customerAreaPath(slug, 'entrar')}
      send={(email) => requestCustomerPasswordReset(slug, email)}
      sentNotice={(email) => (
        <>
          Se houver um acesso com o e-mail <strong>{email}</strong>, você receberá um link para criar uma nova senha. O link vale por 1 hora.
        </>
      )}
    />
  );
}

/** Landing page of the e-mailed link "#/cliente/<slug>/redefinir-senha?token=…". */
export function CustomerResetPasswordPage({ slug, query }: { slug: string; query: URLSearchParams }) {
  const token = query.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const action = useAction(async () => {
    await confirmCustomerPasswordReset(slug, token, password);
    navigate(withQuery(customerAreaPath(slug, 'entrar'), { motivo: 'senha-redefinida' }), { replace: true });
  });
  const fields = useFieldErrors(action.error);
  const forgot = customerAreaPath(slug, 'esqueci-senha');

  if (!token) {
    return (
      <AuthLayout title="Link inválido">
        <p>O endereço não contém o código para redefinir a senha. Peça um novo link.</p>
        <a class="btn btn-primary btn-block" href={href(forgot)}>
          Pedir novo link
        </a>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout
      title="Criar nova senha"
      subtitle="Defina a nova senha do seu acesso à área do cliente."
      footer={
        <p>
          O link expirou? <a href={href(forgot)}>Peça um novo</a>
        </p>
      }
    >
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
          idPrefix="customer-reset"
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
          Salvar nova senha
        </Button>
      </form>
    </AuthLayout>
  );
}
