import { useState } from 'preact/hooks';
import { href } from '../app/router';
import { useAction, useFieldErrors } from '../app/hooks';
import { maskTaxId } from '../format/masks';
import { normalizeTaxId, taxIdError } from '../format/taxId';
import { AuthLayout } from '../layout/AuthLayout';
import { Button } from '../ui/Button';
import { ErrorBanner } from '../ui/ErrorBanner';
import { MaskedField, TextField } from '../ui/Field';
import { signup } from './authApi';
import { PasswordRules } from './PasswordRules';
import { collectErrors, confirmationError, emailError, passwordError, requiredError } from './validation';

const FIELDS = ['legalName', 'tradeName', 'taxId', 'adminName', 'email', 'password'] as const;

export function SignupPage() {
  const [form, setForm] = useState({ legalName: '', tradeName: '', taxId: '', adminName: '', email: '', password: '', confirmation: '' });
  const [sentTo, setSentTo] = useState<string | null>(null);
  const action = useAction(async () => {
    await signup({
      legalName: form.legalName.trim(),
      tradeName: form.tradeName.trim(),
      taxId: normalizeTaxId(form.taxId),
      adminName: form.adminName.trim(),
      email: form.email.trim(),
      password: form.password,
    });
    setSentTo(form.email.trim());
  });
  const fields = useFieldErrors(action.error);

  const set = (name: keyof typeof form) => (value: string) => {
    setForm((f) => ({ ...f, [name]: value }));
    fields.clear(name);
  };

  const submit = (e: Event) => {
    e.preventDefault();
    const errors = collectErrors({
      legalName: requiredError(form.legalName, 'Informe a razão social.'),
      tradeName: requiredError(form.tradeName, 'Informe o nome fantasia.'),
      taxId: taxIdError(form.taxId),
      adminName: requiredError(form.adminName, 'Informe seu nome.'),
      email: emailError(form.email),
      password: passwordError(form.password),
      confirmation: confirmationError(form.password, form.confirmation),
    });
    fields.setClientErrors(errors);
    if (Object.keys(errors).length === 0) void action.run();
  };

  if (sentTo) {
    return (
      <AuthLayout title="Verifique seu e-mail">
        <p>
          Enviamos um link de confirmação para <strong>{sentTo}</strong>. Abra o link para ativar a conta da empresa e depois entre no portal.
        </p>
        <p class="muted">Não recebeu? Confira a caixa de spam ou lixo eletrônico.</p>
        <a class="btn btn-primary btn-block" href={href('/entrar')}>
          Ir para a página de entrada
        </a>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout
      title="Cadastre sua empresa"
      subtitle="Crie a conta da empresa e o primeiro usuário administrador."
      wide
      footer={
        <p>
          Já tem conta? <a href={href('/entrar')}>Entrar</a>
        </p>
      }
    >
      <ErrorBanner error={action.error} fieldNames={FIELDS} />
      <form class="form" noValidate onSubmit={submit}>
        <fieldset class="fieldset">
          <legend>Empresa</legend>
          <TextField label="Razão social" name="legalName" autoComplete="organization" value={form.legalName} onValue={set('legalName')} error={fields.errors['legalName']} required />
          <div class="form-row">
            <TextField label="Nome fantasia" name="tradeName" value={form.tradeName} onValue={set('tradeName')} error={fields.errors['tradeName']} required />
            <MaskedField
              label="CNPJ ou CPF"
              name="taxId"
              mask={maskTaxId}
              inputMode="text"
              autoComplete="off"
              value={form.taxId}
              onValue={set('taxId')}
              error={fields.errors['taxId']}
              hint="Aceita o CNPJ alfanumérico."
              required
            />
          </div>
        </fieldset>
        <fieldset class="fieldset">
          <legend>Administrador</legend>
          <div class="form-row">
            <TextField label="Seu nome" name="adminName" autoComplete="name" value={form.adminName} onValue={set('adminName')} error={fields.errors['adminName']} required />
            <TextField label="E-mail" name="email" type="email" autoComplete="email" value={form.email} onValue={set('email')} error={fields.errors['email']} required />
          </div>
          <div class="form-row">
            <TextField
              label="Senha"
              name="password"
              type="password"
              autoComplete="new-password"
              value={form.password}
              onValue={set('password')}
              error={fields.errors['password']}
              hint={<PasswordRules id="signup-password-rules" password={form.password} />}
              required
            />
            <TextField
              label="Confirme a senha"
              name="confirmation"
              type="password"
              autoComplete="new-password"
              value={form.confirmation}
              onValue={set('confirmation')}
              error={fields.errors['confirmation']}
              required
            />
          </div>
        </fieldset>
        <Button type="submit" block busy={action.busy}>
          Criar conta
        </Button>
      </form>
    </AuthLayout>
  );
}
