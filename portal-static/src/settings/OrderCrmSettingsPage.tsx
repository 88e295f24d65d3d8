import { useEffect, useState } from 'preact/hooks';
import { etagOf } from '../api/lists';
import { useAction, useFieldErrors, useResource } from '../app/hooks';
import { useStore } from '../app/store';
import { staffSession } from '../auth/session';
import { personOptions, usePeople } from '../opportunities/people';
import { PageHeader } from '../layout/PageHeader';
import { Button } from '../ui/Button';
import { ErrorBanner } from '../ui/ErrorBanner';
import { Checkbox, SelectField, TextField } from '../ui/Field';
import { LoadingBlock } from '../ui/Spinner';
import { toast } from '../ui/Toast';
import { SettingsNav } from './SettingsNav';
import { orderCrmInput, orderCrmToForm, previewTitle, validateOrderCrm, type OrderCrmForm } from './orderCrmForm';
import { getOrderCrmSettings, getPipelineSettings, saveOrderCrmSettings, sortedStages } from './settingsApi';

const FIELDS = ['enabled', 'defaultGenerate', 'stageId', 'ownerId', 'titlePattern', 'taskAssigneeId', 'taskDueDays', 'showProjectAndContract'];

/**
 * Integração pedido → CRM (Centrium): a confirmed sales order of services generates an
 * opportunity and one task per unit of each item; these are the defaults for what is generated.
 */
export function OrderCrmSettingsPage() {
  const session = useStore(staffSession);
  const { people } = usePeople();
  const settings = useResource((signal) => getOrderCrmSettings(signal), []);
  const pipeline = useResource((signal) => getPipelineSettings(signal), []);
  const [form, setForm] = useState<OrderCrmForm>(() => orderCrmToForm({}));

  useEffect(() => {
    if (settings.data) setForm(orderCrmToForm(settings.data.data));
  }, [settings.data]);

  const save = useAction(async () => {
    await saveOrderCrmSettings(orderCrmInput(form), settings.data?.etag ?? etagOf(settings.data?.data));
    toast.success('Integração pedido → CRM salva.');
    settings.reload();
  });
  const fields = useFieldErrors(save.error);

  const set = <K extends keyof OrderCrmForm>(key: K) => (value: OrderCrmForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    fields.clear(key);
  };

  const submit = (e: Event) => {
    e.preventDefault();
    const errors = validateOrderCrm(form);
    fields.setClientErrors(errors);
    if (Object.keys(errors).length === 0) void save.run();
  };

  const stages = sortedStages(pipeline.data?.data.stages ?? []).map((s) => ({ value: s.id, label: s.name }));
  const people_ = personOptions(people, session?.user.id);
  // Without the users list (or for someone who left), the saved people still show by name.
  const saved = settings.data?.data;
  const withSaved = (id: string, name: string | null | undefined) => (id && !people_.some((p) => p.value === id) ? [...people_, { value: id, label: name ?? 'Usuário atual' }] : people_);

  return (
    <>
      <PageHeader title="Integração pedido → CRM" description="Pedidos de venda de serviços podem gerar uma oportunidade e uma tarefa por unidade de cada item." />
      <SettingsNav current="/configuracoes/integracao-pedidos" />
      <ErrorBanner error={settings.error ?? pipeline.error} onRetry={() => (settings.error ? settings.reload() : pipeline.reload())} />
      {settings.loading && !settings.data ? (
        <LoadingBlock />
      ) : (
        settings.data && (
          <form class="card form form-narrow" noValidate onSubmit={submit}>
            <ErrorBanner error={save.error} onReload={settings.reload} fieldNames={FIELDS} />
            <Checkbox
              label="Gerar oportunidade a partir do pedido"
              checked={form.enabled}
              onValue={set('enabled')}
              hint="Ao confirmar um pedido com “Gerar oportunidade” marcado, o CRM recebe a oportunidade e as tarefas."
            />
            {form.enabled && (
              <>
                <Checkbox label="Marcar “Gerar oportunidade” por padrão nos novos pedidos" checked={form.defaultGenerate} onValue={set('defaultGenerate')} hint="Quem cadastra o pedido ainda pode desmarcar." />
                <Checkbox
                  label="Exibir os campos Projeto e Contrato no pedido"
                  checked={form.showProjectAndContract}
                  onValue={set('showProjectAndContract')}
                  hint="Quando o projeto é informado, ele entra no título da oportunidade."
                />
                <fieldset class="fieldset">
                  <legend>Oportunidade gerada</legend>
                  <SelectField label="Etapa" name="stageId" value={form.stageId} onValue={set('stageId')} options={stages} placeholder="Selecione…" error={fields.errors['stageId']} required />
                  <SelectField label="Responsável" name="ownerId" value={form.ownerId} onValue={set('ownerId')} options={withSaved(form.ownerId, saved?.ownerName)} placeholder="Não definido" error={fields.errors['ownerId']} />
                  <TextField
                    label="Título"
                    name="titlePattern"
                    value={form.titlePattern}
                    onValue={set('titlePattern')}
                    error={fields.errors['titlePattern']}
                    hint={
                      <>
                        Marcadores: <code>{'{numero}'}</code> (nº do pedido), <code>{'{cliente}'}</code>, <code>{'{projeto}'}</code>. Exemplo:{' '}
                        <strong>{previewTitle(form.titlePattern, { numero: '1024', cliente: 'Acme Serviços', projeto: 'Expansão 2026' })}</strong>
                      </>
                    }
                    required
                  />
                </fieldset>
                <fieldset class="fieldset">
                  <legend>Tarefas geradas (uma por unidade de cada item)</legend>
                  <SelectField label="Responsável pelas tarefas" name="taskAssigneeId" value={form.taskAssigneeId} onValue={set('taskAssigneeId')} options={withSaved(form.taskAssigneeId, saved?.taskAssigneeName)} placeholder="Não definido" error={fields.errors['taskAssigneeId']} />
                  <TextField
                    label="Prazo das tarefas (dias após o pedido)"
                    name="taskDueDays"
                    inputMode="numeric"
                    maxLength={3}
                    value={form.taskDueDays}
                    onValue={set('taskDueDays')}
                    error={fields.errors['taskDueDays']}
                    required
                  />
                </fieldset>
              </>
            )}
            <div class="form-actions">
              <Button type="submit" busy={save.busy}>
                Salvar
              </Button>
            </div>
          </form>
        )
      )}
    </>
  );
}
