import { useEffect, useState } from 'preact/hooks';
import { etagOf } from '../api/lists';
import { useAction, useFieldErrors, useResource } from '../app/hooks';
import { href, navigate } from '../app/router';
import { useStore } from '../app/store';
import { staffSession } from '../auth/session';
import { listContracts } from '../contracts/contractsApi';
import { searchCustomers } from '../customers/customersApi';
import { formatDate, todayIso } from '../format/date';
import { formatMoney } from '../format/money';
import { PageHeader } from '../layout/PageHeader';
import { personOptions, usePeople } from '../opportunities/people';
import { Button } from '../ui/Button';
import { ErrorBanner, Notice } from '../ui/ErrorBanner';
import { Checkbox, DateField, SelectField, TextArea, TextField } from '../ui/Field';
import { LookupField, type LookupOption } from '../ui/Lookup';
import { LoadingBlock } from '../ui/Spinner';
import { toast } from '../ui/Toast';
import { ItemsEditor } from './ItemsEditor';
import { contractLabel, installmentsPreview, newOrderDraft, orderInput, orderToDraft, validateOrder, type OrderDraft } from './orderForm';
import { createSalesOrder, getSalesOrder, getSalesOrderDefaults, orderActions, updateSalesOrder } from './salesOrdersApi';
import './salesOrders.css';

const HEADER_FIELDS = ['customerId', 'date', 'validUntil', 'salespersonId', 'paymentTerms', 'paymentMethod', 'installments', 'project', 'contractId', 'notes', 'items'];

async function searchCustomerContracts(customerId: string | undefined, term: string, signal: AbortSignal): Promise<LookupOption[]> {
  const page = await listContracts({ continuationToken: null, pageSize: 20, signal }, { q: term, ...(customerId ? { customerId } : {}) });
  return page.items.map((c) => ({ id: c.id, label: contractLabel(c.number, c.title), detail: c.customerName }));
}

/** New sales order (`id` absent) or edit of one: capa (header), installments preview, items and totals. */
export function SalesOrderFormPage({ id }: { id?: string }) {
  const session = useStore(staffSession);
  const defaults = useResource((signal) => getSalesOrderDefaults(signal), []);
  const existing = useResource((signal) => (id ? getSalesOrder(id, signal) : Promise.resolve(null)), [id]);
  const { people } = usePeople();
  const [draft, setDraft] = useState<OrderDraft | null>(id ? null : newOrderDraft(todayIso(), undefined, session?.user.id ?? ''));
  const [touchedGenerate, setTouchedGenerate] = useState(false);

  useEffect(() => {
    if (existing.data) setDraft(orderToDraft(existing.data.data));
  }, [existing.data]);

  // The tenant's default for "gerar oportunidade" arrives after the form shows; apply it until the user chooses.
  useEffect(() => {
    if (!id && defaults.data && !touchedGenerate) setDraft((d) => d && { ...d, generateOpportunity: defaults.data!.integrationEnabled && defaults.data!.generateOpportunity });
  }, [defaults.data]);

  const showProjectAndContract = Boolean(defaults.data?.showProjectAndContract || draft?.project || draft?.contract);

  const save = useAction(async () => {
    if (!draft) return;
    const input = orderInput(draft);
    if (id) {
      await updateSalesOrder(id, input, existing.data?.etag ?? etagOf(existing.data?.data));
      toast.success('Pedido atualizado.');
      navigate(`/pedidos/${encodeURIComponent(id)}`);
    } else {
      const created = await createSalesOrder(input);
      toast.success(`Pedido nº ${created.number} criado.`);
      navigate(`/pedidos/${encodeURIComponent(created.id)}`);
    }
  });
  const fields = useFieldErrors(save.error);

  if (id && existing.loading && !existing.data) return <LoadingBlock />;
  if (id && !existing.data) {
    return (
      <>
        <PageHeader title="Editar pedido" />
        <ErrorBanner error={existing.error} onRetry={existing.reload} />
      </>
    );
  }
  if (!draft) return <LoadingBlock />;

  const order = existing.data?.data;
  const editable = !order || orderActions(order).edit;
  const errors = fields.errors;
  const set = <K extends keyof OrderDraft>(key: K, field = key as string) => (value: OrderDraft[K]) => {
    setDraft((d) => d && { ...d, [key]: value });
    fields.clear(field);
  };
  const preview = installmentsPreview(draft);
  const itemFieldNames = draft.items.flatMap((_, i) => ['kind', 'serviceId', 'productId', 'description', 'quantity', 'unitPrice', 'discountKind', 'discount', 'note', 'id'].map((n) => `items[${i}].${n}`));

  const submit = (e: Event) => {
    e.preventDefault();
    const clientErrors = validateOrder(draft, { showProjectAndContract });
    fields.setClientErrors(clientErrors);
    if (Object.keys(clientErrors).length === 0) void save.run();
  };

  const backPath = id ? `/pedidos/${encodeURIComponent(id)}` : '/pedidos';
  const salespeople = personOptions(people, session?.user.id);
  if (draft.salespersonId && !salespeople.some((p) => p.value === draft.salespersonId)) salespeople.push({ value: draft.salespersonId, label: order?.salespersonName || 'Vendedor atual' });

  return (
    <>
      <PageHeader title={order ? `Editar pedido nº ${order.number}` : 'Novo pedido de venda'} />
      <p class="breadcrumb">
        <a href={href(backPath)}>← {order ? `Pedido nº ${order.number}` : 'Pedidos de venda'}</a>
      </p>
      {!editable && <Notice tone="warning">Este pedido está “{order?.statusLabel}” e não pode ser alterado.</Notice>}
      <ErrorBanner error={save.error} onReload={existing.reload} fieldNames={[...HEADER_FIELDS, ...itemFieldNames]} />
      <form class="form form-wide" noValidate onSubmit={submit} aria-label="Pedido de venda">
        <fieldset class="fieldset card" disabled={!editable}>
          <legend>Capa do pedido</legend>
          <div class="form-row">
            <LookupField label="Cliente" name="customerId" value={draft.customer} onValue={set('customer', 'customerId')} search={searchCustomers} error={errors['customerId']} required />
            <SelectField label="Vendedor" name="salespersonId" value={draft.salespersonId} options={salespeople} onValue={set('salespersonId')} error={errors['salespersonId']} />
          </div>
          <div class="form-row">
            <DateField label="Data" name="date" value={draft.date} onValue={set('date')} error={errors['date']} required />
            <DateField label="Validade da proposta" name="validUntil" value={draft.validUntil} onValue={set('validUntil')} error={errors['validUntil']} />
          </div>
          <div class="form-row">
            <TextField
              label="Condição de pagamento"
              name="paymentTerms"
              value={draft.paymentTerms}
              onValue={set('paymentTerms')}
              error={errors['paymentTerms'] ?? errors['installments']}
              placeholder="30/60/90"
              hint={
                draft.keptInstallments
                  ? 'As parcelas informadas no pedido são mantidas enquanto a condição ficar vazia; informe dias (30/60/90) para recalculá-las.'
                  : 'Dias após a data do pedido, separados por “/”. Vazio ou 0 = à vista.'
              }
            />
            <TextField label="Forma de pagamento" name="paymentMethod" value={draft.paymentMethod} onValue={set('paymentMethod')} error={errors['paymentMethod']} maxLength={100} placeholder="Boleto, PIX, cartão…" />
          </div>
          <div class="installments" aria-live="polite">
            <h3 class="field-label">Parcelas previstas</h3>
            {preview.installments.length === 0 ? (
              <p class="muted">{preview.error ? 'Corrija a condição de pagamento para ver as parcelas.' : 'As parcelas aparecem quando o pedido tiver itens.'}</p>
            ) : (
              <ol class="installments-preview">
                {preview.installments.map((p) => (
                  <li key={p.number}>
                    {p.number}ª parcela: {formatMoney(p.amount)} em {formatDate(p.dueDate)}
                  </li>
                ))}
              </ol>
            )}
          </div>
          {showProjectAndContract && (
            <div class="form-row">
              <TextField label="Projeto" name="project" value={draft.project} onValue={set('project')} error={errors['project']} maxLength={200} />
              <LookupField
                label="Contrato"
                name="contractId"
                value={draft.contract}
                onValue={set('contract', 'contractId')}
                search={(term, signal) => searchCustomerContracts(draft.customer?.id, term, signal)}
                error={errors['contractId']}
                hint="Opcional: contrato de serviço do cliente a que o pedido pertence."
              />
            </div>
          )}
          {defaults.data?.integrationEnabled && (
            <Checkbox
              label="Gerar oportunidade no CRM"
              name="generateOpportunity"
              checked={draft.generateOpportunity}
              onValue={(v) => {
                setTouchedGenerate(true);
                set('generateOpportunity')(v);
              }}
              hint="Quando o pedido for confirmado, cria a oportunidade e uma tarefa por unidade de cada serviço."
            />
          )}
          <TextArea label="Observações" name="notes" rows={3} value={draft.notes} onValue={set('notes')} error={errors['notes']} maxLength={2000} />
        </fieldset>
        <div class="card">
          <ItemsEditor items={draft.items} onItems={set('items')} errors={errors} onClear={fields.clear} disabled={!editable} />
        </div>
        <div class="form-actions">
          <Button variant="secondary" onClick={() => navigate(backPath)} disabled={save.busy}>
            Cancelar
          </Button>
          {editable && (
            <Button type="submit" busy={save.busy}>
              {order ? 'Salvar alterações' : 'Criar pedido'}
            </Button>
          )}
        </div>
      </form>
    </>
  );
}
