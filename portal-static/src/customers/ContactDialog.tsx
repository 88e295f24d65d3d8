import { useEffect, useState } from 'preact/hooks';
import { useAction, useFieldErrors } from '../app/hooks';
import { maskPhone } from '../format/masks';
import { Button } from '../ui/Button';
import { ErrorBanner } from '../ui/ErrorBanner';
import { MaskedField, TextField } from '../ui/Field';
import { Modal } from '../ui/Modal';
import { EMPTY_CONTACT_FORM, validateContact, type ContactForm } from './customerForm';

export interface ContactDialogProps {
  open: boolean;
  /** Form values to start from: a contact being edited, or empty for a new one. */
  initial: ContactForm | null;
  /** "Cargo" for account contacts, "Função" for customer contacts. */
  roleLabel?: string;
  onClose: () => void;
  /** Sends the form; throws ApiError on refusal (shown in the dialog). */
  onSave: (form: ContactForm) => Promise<void>;
  /** Reloads the list after a 412 (someone else changed the contact). */
  onReload?: () => void;
  /** The e-mail is the contact's customer-area login: it changes through the access, not here. */
  emailLocked?: boolean;
}

/** Add or edit a person: customers' and accounts' contacts share this form. */
export function ContactDialog({ open, initial, roleLabel = 'Função', onClose, onSave, onReload, emailLocked = false }: ContactDialogProps) {
  const [form, setForm] = useState<ContactForm>(EMPTY_CONTACT_FORM);
  const save = useAction(async () => {
    await onSave(form);
  });
  const fields = useFieldErrors(save.error);

  useEffect(() => {
    if (open) {
      setForm(initial ?? EMPTY_CONTACT_FORM);
      save.setError(null);
      fields.setClientErrors({});
    }
  }, [open]);

  const set = (key: keyof ContactForm) => (value: string) => {
    setForm((f) => ({ ...f, [key]: value }));
    fields.clear(key === 'role' ? 'position' : key);
    fields.clear(key);
  };

  const submit = (e: Event) => {
    e.preventDefault();
    const errors = validateContact(form);
    fields.setClientErrors(errors);
    if (Object.keys(errors).length === 0) void save.run();
  };

  const editing = initial !== null;
  return (
    <Modal
      open={open}
      title={editing ? 'Editar contato' : 'Novo contato'}
      onClose={onClose}
      busy={save.busy}
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={save.busy}>
            Cancelar
          </Button>
          <Button type="submit" form="contact-form" busy={save.busy}>
            Salvar
          </Button>
        </>
      }
    >
      <ErrorBanner
        error={save.error}
        fieldNames={['name', 'email', 'phone', 'role', 'position']}
        onReload={
          onReload &&
          (() => {
            onReload();
            onClose();
          })
        }
      />
      <form id="contact-form" class="form" noValidate onSubmit={submit}>
        <TextField label="Nome" name="name" value={form.name} onValue={set('name')} error={fields.errors['name']} required />
        <TextField label={roleLabel} name="role" value={form.role} onValue={set('role')} error={fields.errors['role'] ?? fields.errors['position']} />
        <div class="form-row">
          <TextField
            label="E-mail"
            name="email"
            type="email"
            autoComplete="off"
            value={form.email}
            onValue={set('email')}
            error={fields.errors['email']}
            disabled={emailLocked}
            hint={emailLocked ? 'É o login da área do cliente: não muda aqui.' : undefined}
          />
          <MaskedField label="Telefone" name="phone" value={form.phone} onValue={set('phone')} mask={maskPhone} inputMode="tel" error={fields.errors['phone']} />
        </div>
      </form>
    </Modal>
  );
}
