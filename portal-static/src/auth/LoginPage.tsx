import { useState } from 'preact/hooks';
import { href, navigate } from '../app/router';
import { useAction, useFieldErrors } from '../app/hooks';
import { safeReturnPath } from '../app/safeRedirect';
import { ApiError } from '../api/problem';
import { AuthLayout } from '../layout/AuthLayout';
import { Button } from '../ui/Button';
import { ErrorBanner, Notice } from '../ui/ErrorBanner';
import { TextField } from '../ui/Field';
import { login } from './authApi';
import { collectErrors, emailError, requiredError } from './validation';

export function LoginPage({ query }: { query: URLSearchParams }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const action = useAction(async () => {
    try {
      await login(email.trim(), password);
    } catch (e) {
      // A 401 here means wrong credentials, not an expired session.
      if (e instanceof ApiError && e.status === 401 && e.code === 'unauthorized') {
        throw new ApiError({ status: 401, code: 'invalid_credentials', title: e.title, detail: 'E-mail ou senha incorretos.' });
      }
      throw e;
    }
    navigate(safeReturnPath(query.get('voltar'), '/painel'), { replace: true });
  });
  const fields = useFieldErrors(action.error);

  const submit = (e: Event) => {
    e.preventDefault();
    const errors = collectErrors({ email: emailError(email), password: requiredError(password, 'Informe a senha.') });
    fields.setClientErrors(errors);
    if (Object.keys(errors).length === 0) void action.run();
  };

  return (
    <AuthLayout
      title="Entrar"
      subtitle="Acesse o portal da sua empresa."
      footer={
        <p>
          Ainda não tem conta? <a href={href('/cadastro')}>Cadastre sua empresa</a>
        </p>
      }
    >
      {query.get('motivo') === 'sessao-expirada' && <Notice tone="warning">Sua sessão expirou. Entre novamente para continuar.</Notice>}
      {query.get('motivo') === 'senha-redefinida' && <Notice tone="success">Senha alterada. Entre com a nova senha.</Notice>}
      {query.get('motivo') === 'email-confirmado' && <Notice tone="success">E-mail confirmado. Entre para começar.</Notice>}
      <ErrorBanner error={action.error} fieldNames={['email', 'password']} />
      <form class="form" noValidate onSubmit={submit}>
        <TextField
          label="E-mail"
          name="email"
          type="email"
          autoComplete="username"
          value={email}
          onValue={(v) => {
            setEmail(v);
            fields.clear('email');
          }}
          error={fields.errors['email']}
          required
        />
        <TextField
          label="Senha"
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onValue={(v) => {
            setPassword(v);
            fields.clear('password');
          }}
          error={fields.errors['password']}
          required
        />
        <p class="form-aside">
          <a href={href('/esqueci-senha')}>Esqueci minha senha</a>
        </p>
        <Button type="submit" block busy={action.busy}>
          Entrar
        </Button>
      </form>
    </AuthLayout>
  );
}
