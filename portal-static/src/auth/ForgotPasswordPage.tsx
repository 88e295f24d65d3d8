import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { href } from '../app/router';
import { useAction, useFieldErrors } from '../app/hooks';
import { AuthLayout } from '../layout/AuthLayout';
import { Button } from '../ui/Button';
import { ErrorBanner } from '../ui/ErrorBanner';
import { TextField } from '../ui/Field';
import { requestPasswordReset } from './authApi';
import { collectErrors, emailError } from './validation';

export function ForgotPasswordPage() {
  return (
    <ForgotPasswordForm
      subtitle="Informe seu e-mail e enviaremos um link para criar uma nova senha."
      loginPath="/entrar"
      send={requestPasswordReset}
      sentNotice={(email) => (
        <>
          Se houver uma conta com o e-mail <strong>{email}</strong>, você receberá um link para criar uma nova senha. O link vale por tempo limitado.
        </>
      )}
    />
  );
}

interface ForgotPasswordFormProps {
  subtitle: string;
  loginPath: string;
  send: (email: string) => Promise<unknown>;
  /** The server answers 202 whether or not the login exists, so the notice must not claim it does. */
  sentNotice: (email: string) => ComponentChildren;
}

/** "Esqueci minha senha" for staff and for a company's customer area: only the texts, the login page and the call differ. */
export function ForgotPasswordForm({ subtitle, loginPath, send, sentNotice }: ForgotPasswordFormProps) {
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const action = useAction(async () => {
    await send(email.trim());
    setSentTo(email.trim());
  });
  const fields = useFieldErrors(action.error);

  if (sentTo) {
    return (
      <AuthLayout title="Verifique seu e-mail">
        <p>{sentNotice(sentTo)}</p>
        <a class="btn btn-secondary btn-block" href={href(loginPath)}>
          Voltar para a página de entrada
        </a>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout
      title="Esqueci minha senha"
      subtitle={subtitle}
      footer={
        <p>
          Lembrou a senha? <a href={href(loginPath)}>Entrar</a>
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
