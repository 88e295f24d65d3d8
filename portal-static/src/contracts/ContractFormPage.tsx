import { useEffect, useState } from 'preact/hooks';
import { useAction, useFieldErrors, useResource } from '../app/hooks';
import { href, navigate } from '../app/router';
import { useCanWrite } from '../auth/permissions';
import { ServiceLinesEditor } from '../catalogue/ServiceLinesEditor';
import { emptyLine } from '../catalogue/serviceLines';
import { customerDisplayName, getCustomer, searchCustomers } from '../customers/customersApi';
import { PageHeader } from '../layout/PageHeader';
import { OpportunityLink } from '../opportunities/OpportunityLink';
import { StatusBadge } from '../ui/Badge';
import { Button } from '../ui/Button';
import { ErrorBanner } from '../ui/ErrorBanner';
import { DateField, SelectField, TextArea, TextField } from '../ui/Field';
import { LookupField } from '../ui/Lookup';
import { ConfirmDialog } from '../ui/Modal';
import { RecordStamps } from '../ui/RecordStamps';
import { LoadingBlock } from '../ui/Spinner';
import { toast } from '../ui/Toast';
import { contractInput, contractToForm, validateContract, type ContractForm } from './contractForm';
import {
  CONTRACT_STATUS,
  CONTRACT_TRANSITIONS,
  RECURRENCE_OPTIONS,
  changeContractStatus,
  createContract,
  deleteContract,
  getContract,
  updateContract,
  type ContractStatus,
} from './contractsApi';

const EMPTY: ContractForm = { customer: null, title: '', startDate: null, endDate: null, recurrence: 'monthly', notes: '', items: [] };

/** New contract (optionally for `customerId`) or an existing one with its status actions. */
export function ContractFormPage({ id, customerId }: { id?: string; customerId?: string | null }) {
  const canWrite = useCanWrite('contracts');
  const existing = useResource((signal) => (id ? getContract(id, signal) : Promise.resolve(null)), [id]);
  const preset = useResource((signal) => (!id && customerId ? getCustomer(customerId, signal) : Promise.resolve(null)), [id, customerId]);
  const [form, setForm] = useState<ContractForm>(() => ({ ...EMPTY, items: [emptyLine()] }));
  const [pending, setPending] = useState<{ to: ContractStatus; label: string } | 'delete' | null>(null);

  useEffect(() => {
    if (existing.data) setForm(contractToForm(existing.data.data));
  }, [existing.data]);

  useEffect(() => {
    if (preset.data) {
      const c = preset.data.data;
      setForm((f) => ({ ...f, customer: { id: c.id, label: customerDisplayName(c) } }));
    }
  }, [preset.data]);

  const etag = existing.data?.etag ?? existing.data?.data.etag ?? null;
  const save = useAction(async () => {
    const input = contractInput(form);
    if (id) {
      await updateContract(id, input, etag);
      toast.success('Contrato atualizado.');
      existing.reload();
    } else {
      const created = await createContract(input);
      toast.success(`Contrato nº ${created.number} criado.`);
      navigate(`/contratos/${encodeURIComponent(created.id)}`, { replace: true });
    }
  });
  const act = useAction(async () => {
    if (!id || !pending) return;
    if (pending === 'delete') {
      await deleteContract(id, etag);
      toast.success('Contrato excluído.');
      navigate('/contratos', { replace: true });
      return;
    }
    await changeContractStatus(id, pending.to, etag);
    toast.success(`Contrato: ${CONTRACT_STATUS[pending.to]?.label.toLowerCase()}.`);
    setPending(null);
    existing.reload();
  });
  const fields = useFieldErrors(save.error);

  const set = <K extends keyof ContractForm>(key: K) => (value: ContractForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    fields.clear(key === 'customer' ? 'customerId' : key);
  };

  const submit = (e: Event) => {
    e.preventDefault();
    const errors = validateContract(form);
    fields.setClientErrors(errors);
    if (Object.keys(errors).length === 0) void save.run();
  };

  if (id && existing.loading && !existing.data) return <LoadingBlock />;
  if (id && !existing.data) {
    return (
      <>
        <PageHeader title="Contrato" />
        <ErrorBanner error={existing.error} onRetry={existing.reload} />
      </>
    );
  }

  const c = existing.data?.data;
  const editable = canWrite && (!c || c.status !== 'ended');
  const transitions = c ? (CONTRACT_TRANSITIONS[c.status] ?? []) : [];
  return (
    <>
      <PageHeader
        title={c ? `Contrato nº ${c.number}` : 'Novo contrato'}
        description={c ? <span class="header-meta">{c.title} <StatusBadge status={c.status} styles={CONTRACT_STATUS} /></span> : 'Contrato de serviço com itens, vigência e recorrência.'}
        actions={
          canWrite &&
          c && (
            <>
              {transitions.map((t) => (
                <Button
                  key={t.to}
                  variant="secondary"
                  onClick={() => {
                    act.setError(null);
                    setPending(t);
                  }}
                >
                  {t.label}
                </Button>
              ))}
              {c.status === 'draft' && (
                <Button
                  variant="ghost"
                  class="text-danger"
                  onClick={() => {
                    act.setError(null);
                    setPending('delete');
                  }}
                >
                  Excluir
                </Button>
              )}
            </>
          )
        }
      />
      <p class="breadcrumb">
        <a href={href('/contratos')}>← Contratos</a>
        {c && (
          <>
            {' · '}
            <a href={href(`/clientes/${encodeURIComponent(c.customerId)}`, { aba: 'contratos' })}>{c.customerName}</a>
          </>
        )}
      </p>
      {c?.opportunityId && <OpportunityLink id={c.opportunityId} opportunity={c.opportunity} label="Oportunidade" />}
      <ErrorBanner error={save.error} onReload={existing.reload} fieldNames={['customerId', 'title', 'startDate', 'endDate', 'recurrence', 'notes', 'items', ...Object.keys(fields.errors)]} />
      <form class="form card form-wide" noValidate onSubmit={submit}>
        <LookupField label="Cliente" name="customerId" value={form.customer} onValue={set('customer')} search={searchCustomers} error={fields.errors['customerId']} disabled={!editable || Boolean(c)} required />
        <TextField label="Título" name="title" value={form.title} onValue={set('title')} error={fields.errors['title']} maxLength={200} disabled={!editable} required hint="Ex.: Manutenção preventiva mensal." />
        <div class="form-row form-row-3">
          <DateField label="Início da vigência" name="startDate" value={form.startDate} onValue={set('startDate')} error={fields.errors['startDate']} disabled={!editable} required />
          <DateField label="Fim da vigência" name="endDate" value={form.endDate} onValue={set('endDate')} error={fields.errors['endDate']} disabled={!editable} hint="Vazio: por prazo indeterminado." />
          <SelectField label="Recorrência" name="recurrence" value={form.recurrence} onValue={set('recurrence')} options={RECURRENCE_OPTIONS} error={fields.errors['recurrence']} disabled={!editable} />
        </div>
        <ServiceLinesEditor
          label="Itens do contrato"
          lines={form.items}
          onLines={(items) => {
            set('items')(items);
          }}
          requireService={false}
          errors={fields.errors}
          prefix="items"
          onClearError={fields.clear}
        />
        <TextArea label="Observações" name="notes" rows={3} value={form.notes} onValue={set('notes')} error={fields.errors['notes']} disabled={!editable} />
        {c && <RecordStamps createdAt={c.createdAt} createdBy={c.createdBy} updatedAt={c.updatedAt} updatedBy={c.updatedBy} />}
        {editable && (
          <div class="form-actions">
            <Button variant="secondary" onClick={() => navigate(c ? '/contratos' : customerId ? `/clientes/${encodeURIComponent(customerId)}?aba=contratos` : '/contratos')} disabled={save.busy}>
              Cancelar
            </Button>
            <Button type="submit" busy={save.busy}>
              {c ? 'Salvar alterações' : 'Criar contrato'}
            </Button>
          </div>
        )}
      </form>
      <ConfirmDialog
        open={pending !== null}
        title={pending === 'delete' ? 'Excluir contrato?' : `${pending?.label ?? ''} contrato?`}
        message={
          pending === 'delete' ? (
            <p>O rascunho do contrato nº {c?.number} será excluído.</p>
          ) : (
            <p>
              O contrato nº {c?.number} passará para <strong>{pending ? CONTRACT_STATUS[pending.to]?.label : ''}</strong>.
            </p>
          )
        }
        confirmLabel={pending === 'delete' ? 'Excluir' : (pending?.label ?? 'Confirmar')}
        destructive={pending === 'delete' || (pending !== null && pending.to === 'ended')}
        busy={act.busy}
        error={act.error}
        onConfirm={() => void act.run()}
        onCancel={() => setPending(null)}
      />
    </>
  );
}
