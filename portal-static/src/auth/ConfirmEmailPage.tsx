import { useEffect, useRef, useState } from 'preact/hooks';
import { href, withQuery } from '../app/router';
import { useAction } from '../app/hooks';
import { AuthLayout } from '../layout/AuthLayout';
import { ErrorBanner } from '../ui/ErrorBanner';
import { LoadingBlock } from '../ui/Spinner';
import { confirmEmail } from './authApi';

/** Landing page of the e-mailed link "#/confirmar-email?token=…". */
export function ConfirmEmailPage({ query }: { query: URLSearchParams }) {
  const token = query.get('token') ?? '';
  const [done, setDone] = useState(false);
  const action = useAction(async () => {
    await confirmEmail(token);
    setDone(true);
  });
  const started = useRef(false);

  useEffect(() => {
    if (!token || started.current) return;
    started.current = true;
    void action.run();
    // The token is read once from the link.
  }, [token]);

  if (!token) {
    return (
      <AuthLayout title="Link inválido">
        <p>O endereço não contém o código de confirmação. Abra o link exatamente como chegou no seu e-mail.</p>
        <a class="btn btn-secondary btn-block" href={href('/entrar')}>
          Ir para a página de entrada
        </a>
      </AuthLayout>
    );
  }

  if (!done && !action.error) {
    return (
      <AuthLayout title="Confirmando seu e-mail">
        <LoadingBlock label="Confirmando…" />
      </AuthLayout>
    );
  }

  if (action.error) {
    return (
      <AuthLayout title="Não foi possível confirmar">
        <ErrorBanner error={action.error} />
        <p>O link pode ter expirado ou já ter sido usado. Se você já confirmou, basta entrar.</p>
        <a class="btn btn-secondary btn-block" href={href('/entrar')}>
          Ir para a página de entrada
        </a>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title="E-mail confirmado">
      <p>Sua conta está ativa. Entre com seu e-mail e senha para começar.</p>
      <a class="btn btn-primary btn-block" href={'#' + withQuery('/entrar', { motivo: 'email-confirmado' })}>
        Entrar
      </a>
    </AuthLayout>
  );
}
