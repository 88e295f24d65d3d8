import { useState } from 'preact/hooks';
import { href, navigate, withQuery } from '../app/router';
import { useAction, useFieldErrors } from '../app/hooks';
import { collectErrors, confirmationError, emailError, passwordError } from '../auth/validation';
import { NewPasswordFields } from '../auth/NewPasswordFields';
import { AuthLayout } from '../layout/AuthLayout';
import { Button } from '../ui/Button';
import { ErrorBanner } from '../ui/ErrorBanner';
import { TextField } from '../ui/Field';
import { confirmCustomerPasswordReset, requestCustomerPasswordReset } from './customerAreaApi';
import { customerAreaPath } from './session';

/** "#/cliente/<slug>/esqueci-senha": asks for a reset link for a customer login of this company. */
export function CustomerForgotPasswordPage({ slug }: { slug: string }) {
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const action = useAction(async () => {
    await requestCustomerPasswordReset(slug, email.trim());
    setSentTo(email.trim());
  });
  const fields = useFieldErrors(action.error);
  const login = customerAreaPath(slug, 'entrar');

  if (sentTo) {
    return (
      <AuthLayout title="Verifique seu e-mail">
        {/* The server answers 202 whether or not the login exists, so the text must not claim it does. */}
        <p>
          Se houver um acesso com o e-mail <strong>{sentTo}</strong>, você receberá um link para criar uma nova senha. O link vale por 1 hora.
        </p>
        <a class="btn btn-secondary btn-block" href={href(login)}>
          Voltar para a página de entrada
        </a>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout
      title="Esqueci minha senha"
      subtitle="Informe o e-mail do seu acesso à área do cliente e enviaremos um link para criar uma nova senha."
      footer={
        <p>
          Lembrou a senha? <a href={href(login)}>Entrar</a>
        </p>
      }
    >
      <ErrorBanner error={action.error} fieldNames={['email']} />
      <form
        class="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const errors = collectErrors({ email: emailError(email) });
          fields.setClientErrors(errors);
          if (Object.keys(errors).length === 0) void action.run();
        }}
      >
        <TextField
          label="E-mail"
          name="email"
          type="email"
          autoComplete="email"
          value={email}
          onValue={(v) => {
            setEmail(v);
            fields.clear('email');
          }}
          error={fields.errors['email']}
          required
        />
        <Button type="submit" block busy={action.busy}>
          Enviar link
        </Button>
      </form>
    </AuthLayout>
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
