import { useEffect, useState } from 'preact/hooks';
import { etagOf } from '../api/lists';
import { useAction, useFieldErrors, useResource } from '../app/hooks';
import { href, navigate } from '../app/router';
import { useCanWrite } from '../auth/permissions';
import { searchCustomers } from '../customers/customersApi';
import { formatDateTime, todayIso } from '../format/date';
import { formatMoney } from '../format/money';
import { PageHeader } from '../layout/PageHeader';
import { OpportunityLink } from '../opportunities/OpportunityLink';
import { ItemsEditor } from '../salesOrders/ItemsEditor';
import { StatusBadge } from '../ui/Badge';
import { Button } from '../ui/Button';
import { ErrorBanner, Notice } from '../ui/ErrorBanner';
import { DateField, SelectField, TextArea } from '../ui/Field';
import { LookupField } from '../ui/Lookup';
import { ConfirmDialog } from '../ui/Modal';
import { LoadingBlock } from '../ui/Spinner';
import { toast } from '../ui/Toast';
import { newServiceOrderDraft, serviceOrderInput, serviceOrderToDraft, validateServiceOrder, type ServiceOrderDraft } from './serviceOrderForm';
import { SERVICE_ORDER_STATUS, canEditServiceOrder, changeServiceOrderStatus, createServiceOrder, getServiceOrder, nextStatuses, updateServiceOrder } from './serviceOrdersApi';
import '../salesOrders/salesOrders.css';

/** New service order (`id` absent) or an existing one: edit while open or in progress, change status. */
export function ServiceOrderPage({ id }: { id?: string }) {
  const canWrite = useCanWrite('serviceOrders');
  const canChangeStatus = useCanWrite('serviceOrderStatus');
  const existing = useResource((signal) => (id ? getServiceOrder(id, signal) : Promise.resolve(null)), [id]);
  const [draft, setDraft] = useState<ServiceOrderDraft | null>(id ? null : newServiceOrderDraft(todayIso()));
  const [nextStatus, setNextStatus] = useState('');
  const [statusNote, setStatusNote] = useState('');

  useEffect(() => {
    if (existing.data) setDraft(serviceOrderToDraft(existing.data.data));
  }, [existing.data]);

  const etag = existing.data?.etag ?? etagOf(existing.data?.data);
  const save = useAction(async () => {
    if (!draft) return;
    if (id) {
      const updated = await updateServiceOrder(id, serviceOrderInput(draft), etag);
      toast.success('Ordem de serviço salva.');
      existing.setData(() => ({ data: updated, etag: updated.etag ?? null }));
    } else {
      const created = await createServiceOrder(serviceOrderInput(draft));
      toast.success(`Ordem de serviço nº ${created.number} criada.`);
      navigate(`/ordens-servico/${encodeURIComponent(created.id)}`);
    }
  });
  const move = useAction(async () => {
    const updated = await changeServiceOrderStatus(id!, nextStatus, statusNote.trim() || null, etag);
    toast.success(`Status alterado para ${SERVICE_ORDER_STATUS[nextStatus]?.label ?? nextStatus}.`);
    existing.setData(() => ({ data: updated, etag: updated.etag ?? null }));
    setNextStatus('');
  });
  const fields = useFieldErrors(save.error);

  if (id && existing.loading && !existing.data) return <LoadingBlock />;
  if (id && !existing.data) {
    return (
      <>
        <PageHeader title="Ordem de serviço" />
        <ErrorBanner error={existing.error} onRetry={existing.reload} />
      </>
    );
  }
  if (!draft) return <LoadingBlock />;
  const so = existing.data?.data;
  const editable = canWrite && (!so || canEditServiceOrder(so.status));
  const set = <K extends keyof ServiceOrderDraft>(key: K, field = key as string) => (value: ServiceOrderDraft[K]) => {
    setDraft((d) => d && { ...d, [key]: value });
    fields.clear(field);
  };
  const submit = (e: Event) => {
    e.preventDefault();
    const errors = validateServiceOrder(draft);
    fields.setClientErrors(errors);
    if (Object.keys(errors).length === 0) void save.run();
  };
  const statusOptions = so ? nextStatuses(so.status).map((s) => ({ value: s, label: SERVICE_ORDER_STATUS[s]!.label })) : [];

  return (
    <>
      <PageHeader
        title={so ? `Ordem de serviço nº ${so.number}` : 'Nova ordem de serviço'}
        description={
          so && (
            <span class="header-meta">
              <StatusBadge status={so.status} styles={SERVICE_ORDER_STATUS} />
              <span>{formatMoney(so.totals.total)}</span>
            </span>
          )
        }
      />
      <p class="breadcrumb">
        <a href={href('/ordens-servico')}>← Ordens de serviço</a>
      </p>
      {so && (
        <section class="card" aria-label="Status da ordem de serviço">
          {so.opportunityId && <OpportunityLink id={so.opportunityId} opportunity={so.opportunity} label="Oportunidade" />}
          {so.statusChangedAt && (
            <p class="small muted">
              Status alterado em {formatDateTime(so.statusChangedAt)}
              {so.statusNote ? `: ${so.statusNote}` : ''}
            </p>
          )}
          {canChangeStatus && statusOptions.length > 0 && (
            <SelectField label="Mudar status para" name="nextStatus" value={nextStatus} placeholder="Escolha…" options={statusOptions} onValue={setNextStatus} />
          )}
        </section>
      )}
      {so && !canEditServiceOrder(so.status) && <Notice tone="info">Uma ordem de serviço {so.statusLabel.toLowerCase()} não pode ser alterada.</Notice>}
      <ErrorBanner error={save.error} onReload={existing.reload} fieldNames={Object.keys(fields.errors)} />
      <form class="form form-wide" noValidate onSubmit={submit} aria-label="Ordem de serviço">
        <fieldset class="fieldset card" disabled={!editable}>
          <legend>Dados da ordem de serviço</legend>
          <LookupField label="Cliente" name="customerId" value={draft.customer} onValue={set('customer', 'customerId')} search={searchCustomers} error={fields.errors['customerId']} required />
          <div class="form-row">
            <DateField label="Data" name="date" value={draft.date} onValue={set('date')} error={fields.errors['date']} required />
            <DateField label="Previsão de execução" name="expectedDate" value={draft.expectedDate} onValue={set('expectedDate')} error={fields.errors['expectedDate']} />
          </div>
          <TextArea label="Descrição do serviço" name="description" rows={3} maxLength={4000} value={draft.description} onValue={set('description')} error={fields.errors['description']} />
          <TextArea label="Observações" name="notes" rows={2} maxLength={2000} value={draft.notes} onValue={set('notes')} error={fields.errors['notes']} />
        </fieldset>
        <div class="card">
          <ItemsEditor items={draft.items} onItems={set('items')} errors={fields.errors} onClear={fields.clear} servicesOnly disabled={!editable} />
        </div>
        {editable && (
          <div class="form-actions">
            <Button variant="secondary" onClick={() => navigate('/ordens-servico')} disabled={save.busy}>
              Cancelar
            </Button>
            <Button type="submit" busy={save.busy}>
              {so ? 'Salvar ordem de serviço' : 'Criar ordem de serviço'}
            </Button>
          </div>
        )}
      </form>
      <ConfirmDialog
        open={nextStatus !== ''}
        title={`Mudar o status para ${SERVICE_ORDER_STATUS[nextStatus]?.label ?? ''}?`}
        message={
          <>
            <p>
              A ordem de serviço nº {so?.number} passa de “{so?.statusLabel}” para “{SERVICE_ORDER_STATUS[nextStatus]?.label ?? nextStatus}”.
            </p>
            <TextArea label="Observação" name="statusNote" rows={2} maxLength={500} value={statusNote} onValue={setStatusNote} />
          </>
        }
        confirmLabel="Mudar status"
        cancelLabel="Voltar"
        destructive={nextStatus === 'cancelada'}
        busy={move.busy}
        error={move.error}
        onConfirm={() => void move.run()}
        onCancel={() => setNextStatus('')}
      />
    </>
  );
}
