import { useState } from 'preact/hooks';
import { href, navigate, withQuery } from '../app/router';
import { useAction, useFieldErrors } from '../app/hooks';
import { AuthLayout } from '../layout/AuthLayout';
import { Button } from '../ui/Button';
import { ErrorBanner } from '../ui/ErrorBanner';
import { confirmPasswordReset } from './authApi';
import { NewPasswordFields } from './NewPasswordFields';
import { collectErrors, confirmationError, passwordError } from './validation';

/** Landing page of the e-mailed link "#/redefinir-senha?token=…". */
export function ResetPasswordPage({ query }: { query: URLSearchParams }) {
  return (
    <ResetPasswordForm
      token={query.get('token') ?? ''}
      idPrefix="reset"
      forgotPath="/esqueci-senha"
      save={async (token, password) => {
        await confirmPasswordReset(token, password);
        navigate(withQuery('/entrar', { motivo: 'senha-redefinida' }), { replace: true });
      }}
    />
  );
}

interface ResetPasswordFormProps {
  token: string;
  idPrefix: string;
  forgotPath: string;
  subtitle?: string;
  save: (token: string, password: string) => Promise<void>;
}

/** "Criar nova senha" from an e-mailed link, for staff and for a company's customer area. */
export function ResetPasswordForm({ token, idPrefix, forgotPath, subtitle, save }: ResetPasswordFormProps) {
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const action = useAction(() => save(token, password));
  const fields = useFieldErrors(action.error);

  if (!token) {
    return (
      <AuthLayout title="Link inválido">
        <p>O endereço não contém o código para redefinir a senha. Peça um novo link.</p>
        <a class="btn btn-primary btn-block" href={href(forgotPath)}>
          Pedir novo link
        </a>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout
      title="Criar nova senha"
      subtitle={subtitle}
      footer={
        <p>
          O link expirou? <a href={href(forgotPath)}>Peça um novo</a>
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
          idPrefix={idPrefix}
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
