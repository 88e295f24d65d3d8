import { href } from './router';
import { PageHeader } from '../layout/PageHeader';
import { AuthLayout } from '../layout/AuthLayout';

export function NotFoundPage() {
  return (
    <AuthLayout title="Página não encontrada">
      <p>O endereço que você abriu não existe ou mudou.</p>
      <a class="btn btn-primary btn-block" href={href('/')}>
        Ir para o início
      </a>
    </AuthLayout>
  );
}

/** Shown inside the staff shell when the user's role does not open the page. */
export function ForbiddenPage() {
  return (
    <>
      <PageHeader title="Acesso negado" description="Seu perfil não tem acesso a esta página. Se precisar dela, fale com um administrador da sua empresa." />
      <a class="btn btn-secondary" href={href('/painel')}>
        Ir para o painel
      </a>
    </>
  );
}
