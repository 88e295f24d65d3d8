import { useEffect, useState } from 'preact/hooks';
import { etagOf } from '../api/lists';
import { useAction, useFieldErrors, useResource } from '../app/hooks';
import { href, navigate } from '../app/router';
import { UF_OPTIONS } from '../format/states';
import { maskCep, maskPhone, maskTaxId } from '../format/masks';
import { taxIdKind } from '../format/taxId';
import { PageHeader } from '../layout/PageHeader';
import { Button } from '../ui/Button';
import { ErrorBanner } from '../ui/ErrorBanner';
import { MaskedField, SelectField, TextArea, TextField } from '../ui/Field';
import { LoadingBlock } from '../ui/Spinner';
import { toast } from '../ui/Toast';
import { getAccount, linkAccountCustomer } from '../accounts/accountsApi';
import { createCustomer, customerDisplayName, getCustomer, updateCustomer } from './customersApi';
import { EMPTY_CUSTOMER_FORM, customerFormFromAccount, customerInput, customerToForm, validateCustomer, type CustomerForm } from './customerForm';

const FIELDS = ['legalName', 'tradeName', 'taxId', 'email', 'phone', 'postalCode', 'street', 'number', 'complement', 'district', 'city', 'state', 'cityIbgeCode', 'municipalRegistration', 'stateRegistration', 'notes'];

/**
 * New customer (`id` absent) or edit of an existing one. A new customer may start from a CRM
 * account (`fromAccountId`): its data fills the form and the account is linked to the new customer.
 */
export function CustomerFormPage({ id, fromAccountId }: { id?: string; fromAccountId?: string | null }) {
  const existing = useResource((signal) => (id ? getCustomer(id, signal) : Promise.resolve(null)), [id]);
  const account = useResource((signal) => (!id && fromAccountId ? getAccount(fromAccountId, signal) : Promise.resolve(null)), [id, fromAccountId]);
  const [form, setForm] = useState<CustomerForm>(EMPTY_CUSTOMER_FORM);

  useEffect(() => {
    if (existing.data) setForm(customerToForm(existing.data.data));
  }, [existing.data]);

  useEffect(() => {
    if (account.data) setForm(customerFormFromAccount(account.data.data));
  }, [account.data]);

  const save = useAction(async () => {
    const input = customerInput(form);
    if (id) {
      await updateCustomer(id, input, existing.data?.etag ?? etagOf(existing.data?.data));
      toast.success('Cliente atualizado.');
      navigate(`/clientes/${encodeURIComponent(id)}`);
    } else {
      const created = await createCustomer(input);
      if (account.data) {
        await linkAccountCustomer(account.data.data.id, created.id, account.data.etag ?? etagOf(account.data.data));
        toast.success(`Cliente cadastrado e vinculado à conta ${account.data.data.name}.`);
        navigate(`/contas/${encodeURIComponent(account.data.data.id)}`);
      } else {
        toast.success('Cliente cadastrado.');
        navigate(`/clientes/${encodeURIComponent(created.id)}`);
      }
    }
  });
  // A CNPJ/CPF already used is a field problem: say it next to the field.
  const fields = useFieldErrors(save.error, { duplicate: 'taxId' });
  const errors = fields.errors;

  const set = (key: keyof CustomerForm) => (value: string) => {
    setForm((f) => ({ ...f, [key]: value }));
    fields.clear(key);
  };

  const submit = (e: Event) => {
    e.preventDefault();
    const clientErrors = validateCustomer(form);
    fields.setClientErrors(clientErrors);
    if (Object.keys(clientErrors).length === 0) void save.run();
  };

  const title = id ? 'Editar cliente' : 'Novo cliente';
  const backPath = id ? `/clientes/${encodeURIComponent(id)}` : fromAccountId ? `/contas/${encodeURIComponent(fromAccountId)}` : '/clientes';
  if (id && existing.loading && !existing.data) return <LoadingBlock />;
  if (id && existing.error && !existing.data) {
    return (
      <>
        <PageHeader title={title} />
        <ErrorBanner error={existing.error} onRetry={existing.reload} />
      </>
    );
  }

  const kind = taxIdKind(form.taxId);
  return (
    <>
      <PageHeader
        title={title}
        description={id && existing.data ? customerDisplayName(existing.data.data) : account.data ? `A partir da conta ${account.data.data.name}` : 'Dados de quem você fatura.'}
      />
      <p>
        <a href={href(backPath)}>← Voltar</a>
      </p>
      <ErrorBanner error={fields.bannerError} onReload={existing.reload} fieldNames={FIELDS} />
      <form class="form card form-wide" noValidate onSubmit={submit}>
        <fieldset class="fieldset">
          <legend>Identificação</legend>
          <div class="form-row">
            <MaskedField
              label="CNPJ/CPF"
              name="taxId"
              value={form.taxId}
              onValue={set('taxId')}
              mask={maskTaxId}
              inputMode="text"
              error={errors['taxId']}
              hint={kind ? `${kind} · o CNPJ pode ter letras (novo formato alfanumérico).` : 'CPF com 11 dígitos ou CNPJ com 14 caracteres (pode ter letras).'}
              required
            />
            <span />
          </div>
          <div class="form-row">
            <TextField label={kind === 'CPF' ? 'Nome completo' : 'Razão social'} name="legalName" value={form.legalName} onValue={set('legalName')} error={errors['legalName']} maxLength={200} required />
            <TextField label="Nome fantasia" name="tradeName" value={form.tradeName} onValue={set('tradeName')} error={errors['tradeName']} maxLength={200} />
          </div>
        </fieldset>
        <fieldset class="fieldset">
          <legend>Contato</legend>
          <div class="form-row">
            <TextField label="E-mail" name="email" type="email" autoComplete="off" value={form.email} onValue={set('email')} error={errors['email']} />
            <MaskedField label="Telefone" name="phone" value={form.phone} onValue={set('phone')} mask={maskPhone} inputMode="tel" error={errors['phone']} placeholder="(11) 98765-4321" />
          </div>
        </fieldset>
        <fieldset class="fieldset">
          <legend>Endereço</legend>
          <div class="form-row">
            <MaskedField label="CEP" name="postalCode" value={form.postalCode} onValue={set('postalCode')} mask={maskCep} error={errors['postalCode']} placeholder="01310-100" />
            <span />
          </div>
          <div class="form-row form-row-address">
            <TextField label="Logradouro" name="street" value={form.street} onValue={set('street')} error={errors['street']} />
            <TextField label="Número" name="number" value={form.number} onValue={set('number')} error={errors['number']} />
          </div>
          <div class="form-row">
            <TextField label="Complemento" name="complement" value={form.complement} onValue={set('complement')} error={errors['complement']} />
            <TextField label="Bairro" name="district" value={form.district} onValue={set('district')} error={errors['district']} />
          </div>
          <div class="form-row form-row-city">
            <TextField label="Cidade" name="city" value={form.city} onValue={set('city')} error={errors['city']} />
            <SelectField label="UF" name="state" value={form.state} onValue={set('state')} options={UF_OPTIONS} placeholder="—" error={errors['state']} />
          </div>
        </fieldset>
        <fieldset class="fieldset">
          <legend>Dados para a nota fiscal de serviço</legend>
          <div class="form-row">
            <TextField
              label="Código IBGE do município"
              name="cityIbgeCode"
              inputMode="numeric"
              maxLength={7}
              value={form.cityIbgeCode}
              onValue={set('cityIbgeCode')}
              error={errors['cityIbgeCode']}
              hint="7 dígitos, por exemplo 3550308 (São Paulo)."
            />
            <TextField label="Inscrição municipal" name="municipalRegistration" value={form.municipalRegistration} onValue={set('municipalRegistration')} error={errors['municipalRegistration']} />
          </div>
          <div class="form-row">
            <TextField label="Inscrição estadual" name="stateRegistration" value={form.stateRegistration} onValue={set('stateRegistration')} error={errors['stateRegistration']} />
            <span />
          </div>
        </fieldset>
        <TextArea label="Observações" name="notes" rows={3} value={form.notes} onValue={set('notes')} error={errors['notes']} />
        <div class="form-actions">
          <Button variant="secondary" onClick={() => navigate(backPath)} disabled={save.busy}>
            Cancelar
          </Button>
          <Button type="submit" busy={save.busy}>
            {id ? 'Salvar alterações' : 'Cadastrar cliente'}
          </Button>
        </div>
      </form>
    </>
  );
}
