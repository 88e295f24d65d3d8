import { useState } from 'preact/hooks';
import { href, navigate } from '../app/router';
import { useAction, useFieldErrors } from '../app/hooks';
import { ApiError } from '../api/problem';
import { collectErrors, emailError, requiredError } from '../auth/validation';
import { AuthLayout } from '../layout/AuthLayout';
import { Button } from '../ui/Button';
import { ErrorBanner, Notice } from '../ui/ErrorBanner';
import { TextField } from '../ui/Field';
import { customerAreaPath, customerLogin } from './session';

export function CustomerLoginPage({ slug, query }: { slug: string; query: URLSearchParams }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const home = customerAreaPath(slug);
  const action = useAction(async () => {
    try {
      await customerLogin(slug, email.trim(), password);
    } catch (e) {
      if (e instanceof ApiError && e.status === 401 && e.code === 'unauthorized') {
        throw new ApiError({ status: 401, code: 'invalid_credentials', title: e.title, detail: 'E-mail ou senha incorretos.' });
      }
      throw e;
    }
    const back = query.get('voltar');
    navigate(back && back.startsWith(home + '/') ? back : home, { replace: true });
  });
  const fields = useFieldErrors(action.error);

  return (
    <AuthLayout title="Área do cliente" subtitle="Entre com o e-mail e a senha cadastrados para acompanhar seus pedidos.">
      {query.get('motivo') === 'sessao-expirada' && <Notice tone="warning">Sua sessão expirou. Entre novamente para continuar.</Notice>}
      {query.get('motivo') === 'senha-criada' && <Notice tone="success">Senha criada. Entre com seu e-mail e a nova senha.</Notice>}
      {query.get('motivo') === 'senha-redefinida' && <Notice tone="success">Senha redefinida. Entre com seu e-mail e a nova senha.</Notice>}
      <ErrorBanner error={action.error} fieldNames={['email', 'password']} />
      <form
        class="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const errors = collectErrors({ email: emailError(email), password: requiredError(password, 'Informe a senha.') });
          fields.setClientErrors(errors);
          if (Object.keys(errors).length === 0) void action.run();
        }}
      >
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
        <Button type="submit" block busy={action.busy}>
          Entrar
        </Button>
      </form>
      <p class="muted form-aside-text">
        <a href={href(customerAreaPath(slug, 'esqueci-senha'))}>Esqueci minha senha</a>
      </p>
      <p class="muted form-aside-text">Ainda não tem acesso? Peça um convite à empresa que atende você.</p>
    </AuthLayout>
  );
}
