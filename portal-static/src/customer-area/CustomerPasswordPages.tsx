import { navigate, withQuery } from '../app/router';
import { ForgotPasswordForm } from '../auth/ForgotPasswordPage';
import { ResetPasswordForm } from '../auth/ResetPasswordPage';
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
  return (
    <ResetPasswordForm
      token={query.get('token') ?? ''}
      idPrefix="customer-reset"
      forgotPath={customerAreaPath(slug, 'esqueci-senha')}
      subtitle="Defina a nova senha do seu acesso à área do cliente."
      save={async (token, password) => {
        await confirmCustomerPasswordReset(slug, token, password);
        navigate(withQuery(customerAreaPath(slug, 'entrar'), { motivo: 'senha-redefinida' }), { replace: true });
      }}
    />
  );
}
