import { useEffect, useState } from 'preact/hooks';
import { useAction, useFieldErrors, useResource } from '../app/hooks';
import { href, navigate } from '../app/router';
import { customerDisplayName, getCustomer, searchCustomers } from '../customers/customersApi';
import { PageHeader } from '../layout/PageHeader';
import { Button } from '../ui/Button';
import { ErrorBanner } from '../ui/ErrorBanner';
import { DateField, SelectField, TextArea, TextField } from '../ui/Field';
import { LookupField } from '../ui/Lookup';
import { LoadingBlock } from '../ui/Spinner';
import { toast } from '../ui/Toast';
import { useCustomerChoices, useTypeChoices } from './choices';
import { createInventoryItem, getInventoryItem, updateInventoryItem } from './inventoryApi';
import { SERIAL_MAX, inventoryInput, inventoryToForm, newInventoryForm, normalizeSerial, validateInventory, withCustomer, type InventoryForm } from './inventoryForm';

const FIELD_NAMES = ['serialNumber', 'customerId', 'contractId', 'siteId', 'typeId', 'description', 'notes', 'warrantyUntil'];

/** New inventory item (optionally for the customer `customerId`) or the edit of item `id`. */
export function InventoryFormPage({ id, customerId }: { id?: string; customerId?: string | null }) {
  const existing = useResource((signal) => (id ? getInventoryItem(id, signal) : Promise.resolve(null)), [id]);
  const preset = useResource((signal) => (!id && customerId ? getCustomer(customerId, signal) : Promise.resolve(null)), [id, customerId]);
  const [form, setForm] = useState<InventoryForm>(() => newInventoryForm());
  const choices = useCustomerChoices(form.customer?.id);
  const { types, error: typesError } = useTypeChoices();

  useEffect(() => {
    if (existing.data) setForm(inventoryToForm(existing.data.data));
  }, [existing.data]);
  useEffect(() => {
    if (preset.data) {
      const c = preset.data.data;
      setForm((f) => withCustomer(f, { id: c.id, label: customerDisplayName(c) }));
    }
  }, [preset.data]);

  const etag = existing.data?.etag ?? existing.data?.data.etag ?? null;
  const save = useAction(async () => {
    const input = inventoryInput(form);
    if (id) {
      await updateInventoryItem(id, input, etag);
      toast.success('Item de inventário atualizado.');
      navigate(`/inventario/${encodeURIComponent(id)}`, { replace: true });
    } else {
      const created = await createInventoryItem(input);
      toast.success(`Item ${created.serialNumber} cadastrado.`);
      navigate(`/inventario/${encodeURIComponent(created.id)}`, { replace: true });
    }
  });
  // A serial number already registered is a 409 `duplicate` without an `errors` map: it belongs to the serial field.
  const fields = useFieldErrors(save.error, { duplicate: 'serialNumber' });
  const set = <K extends keyof InventoryForm>(key: K) => (value: InventoryForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    fields.clear(key === 'customer' ? 'customerId' : key);
  };

  if (id && existing.loading && !existing.data) return <LoadingBlock />;
  if (id && !existing.data) {
    return (
      <>
        <PageHeader title="Item de inventário" />
        <ErrorBanner error={existing.error} onRetry={existing.reload} />
      </>
    );
  }

  const back = id ? `/inventario/${encodeURIComponent(id)}` : customerId ? `/clientes/${encodeURIComponent(customerId)}?aba=inventario` : '/inventario';
  const normalized = normalizeSerial(form.serialNumber);
  const noCustomer = !form.customer;

  return (
    <>
      <PageHeader title={id ? `Editar item ${existing.data?.data.serialNumber ?? ''}` : 'Novo item de inventário'} />
      <p class="breadcrumb">
        <a href={href(back)}>← Voltar</a>
      </p>
      <ErrorBanner error={fields.bannerError} onReload={existing.reload} fieldNames={FIELD_NAMES} />
      <ErrorBanner error={choices.error ?? typesError} onRetry={choices.reload} />
      <form
        class="form form-wide"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const errors = validateInventory(form);
          fields.setClientErrors(errors);
          if (Object.keys(errors).length === 0) void save.run();
        }}
      >
        <TextField
          label="Número de série"
          name="serialNumber"
          value={form.serialNumber}
          onValue={set('serialNumber')}
          maxLength={SERIAL_MAX + 20}
          error={fields.errors['serialNumber']}
          hint={normalized && normalized !== form.serialNumber ? `Será guardado como ${normalized}.` : 'Código de barras ou código interno; único na empresa.'}
          required
        />
        <LookupField
          label="Cliente"
          name="customerId"
          value={form.customer}
          onValue={(c) => {
            setForm((f) => withCustomer(f, c));
            fields.clear('customerId');
          }}
          search={searchCustomers}
          error={fields.errors['customerId']}
          required
        />
        <div class="form-row">
          <SelectField
            label="Contrato"
            name="contractId"
            value={form.contractId}
            onValue={set('contractId')}
            options={choices.contracts}
            placeholder={noCustomer ? 'Escolha o cliente primeiro' : choices.loading ? 'Carregando…' : choices.contracts.length ? 'Escolha o contrato' : 'Este cliente não tem contratos'}
            disabled={noCustomer}
            error={fields.errors['contractId']}
            required
          />
          <SelectField
            label="Site"
            name="siteId"
            value={form.siteId}
            onValue={set('siteId')}
            options={choices.sites}
            placeholder={noCustomer ? 'Escolha o cliente primeiro' : choices.loading ? 'Carregando…' : choices.sites.length ? 'Escolha o site' : 'Este cliente não tem sites'}
            disabled={noCustomer}
            error={fields.errors['siteId']}
            required
          />
        </div>
        <div class="form-row">
          <SelectField label="Tipo de produto ou serviço" name="typeId" value={form.typeId} onValue={set('typeId')} options={types} placeholder="Escolha o tipo" error={fields.errors['typeId']} required />
          <DateField label="Garantia até" name="warrantyUntil" value={form.warrantyUntil} onValue={set('warrantyUntil')} error={fields.errors['warrantyUntil']} />
        </div>
        <TextArea label="Descrição" name="description" value={form.description} onValue={set('description')} error={fields.errors['description']} />
        <TextArea label="Observação" name="notes" value={form.notes} onValue={set('notes')} error={fields.errors['notes']} />
        <div class="form-actions">
          <Button variant="secondary" onClick={() => navigate(back)} disabled={save.busy}>
            Cancelar
          </Button>
          <Button type="submit" busy={save.busy}>
            Salvar
          </Button>
        </div>
      </form>
    </>
  );
}
