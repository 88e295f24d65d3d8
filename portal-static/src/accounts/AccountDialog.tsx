import { useEffect, useState } from 'preact/hooks';
import { etagOf } from '../api/lists';
import { useAction, useFieldErrors } from '../app/hooks';
import { maskPhone, maskTaxId } from '../format/masks';
import { UF_OPTIONS } from '../format/states';
import { Button } from '../ui/Button';
import { ErrorBanner } from '../ui/ErrorBanner';
import { MaskedField, SelectField, TextArea, TextField } from '../ui/Field';
import { Modal } from '../ui/Modal';
import { toast } from '../ui/Toast';
import { EMPTY_ACCOUNT_FORM, accountInput, accountToForm, validateAccount, type AccountForm } from './accountForm';
import { createAccount, updateAccount, type Account } from './accountsApi';

export interface AccountDialogProps {
  open: boolean;
  /** The account being edited (with its ETag), or null for a new one. */
  account: Account | null;
  etag?: string | null;
  onClose: () => void;
  onSaved: (account: Account | null) => void;
  onReload?: () => void;
}

export function AccountDialog({ open, account, etag, onClose, onSaved, onReload }: AccountDialogProps) {
  const [form, setForm] = useState<AccountForm>(EMPTY_ACCOUNT_FORM);
  const save = useAction(async () => {
    if (account) {
      const saved = await updateAccount(account.id, accountInput(form, account.customerId ?? null), etag ?? etagOf(account));
      toast.success('Conta atualizada.');
      onSaved(saved ?? null);
    } else {
      const created = await createAccount(accountInput(form, null));
      toast.success('Conta cadastrada.');
      onSaved(created ?? null);
    }
  });
  const fields = useFieldErrors(save.error);

  useEffect(() => {
    if (open) {
      setForm(account ? accountToForm(account) : EMPTY_ACCOUNT_FORM);
      save.setError(null);
      fields.setClientErrors({});
    }
  }, [open]);

  const set = (key: keyof AccountForm) => (value: string) => {
    setForm((f) => ({ ...f, [key]: value }));
    fields.clear(key);
  };

  const submit = (e: Event) => {
    e.preventDefault();
    const errors = validateAccount(form);
    fields.setClientErrors(errors);
    if (Object.keys(errors).length === 0) void save.run();
  };

  return (
    <Modal
      open={open}
      title={account ? 'Editar conta' : 'Nova conta'}
      onClose={onClose}
      busy={save.busy}
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={save.busy}>
            Cancelar
          </Button>
          <Button type="submit" form="account-form" busy={save.busy}>
            Salvar
          </Button>
        </>
      }
    >
      <ErrorBanner
        error={save.error}
        fieldNames={['name', 'taxId', 'email', 'phone', 'website', 'city', 'state', 'notes']}
        onReload={
          onReload &&
          (() => {
            onReload();
            onClose();
          })
        }
      />
      <form id="account-form" class="form" noValidate onSubmit={submit}>
        <TextField label="Nome da conta" name="name" value={form.name} onValue={set('name')} error={fields.errors['name']} hint="A empresa ou pessoa com quem você negocia." required />
        <MaskedField label="CNPJ/CPF" name="taxId" value={form.taxId} onValue={set('taxId')} mask={maskTaxId} inputMode="text" error={fields.errors['taxId']} hint="Opcional. Com ele, o cliente de faturamento é encontrado automaticamente." />
        <div class="form-row">
          <TextField label="E-mail" name="email" type="email" autoComplete="off" value={form.email} onValue={set('email')} error={fields.errors['email']} />
          <MaskedField label="Telefone" name="phone" value={form.phone} onValue={set('phone')} mask={maskPhone} inputMode="tel" error={fields.errors['phone']} />
        </div>
        <TextField label="Site" name="website" type="url" value={form.website} onValue={set('website')} error={fields.errors['website']} placeholder="www.empresa.com.br" />
        <div class="form-row form-row-city">
          <TextField label="Cidade" name="city" value={form.city} onValue={set('city')} error={fields.errors['city']} />
          <SelectField label="UF" name="state" value={form.state} onValue={set('state')} options={UF_OPTIONS} placeholder="—" error={fields.errors['state']} />
        </div>
        <TextArea label="Observações" name="notes" rows={3} value={form.notes} onValue={set('notes')} error={fields.errors['notes']} />
      </form>
    </Modal>
  );
}
