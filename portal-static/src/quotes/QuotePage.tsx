import { useEffect, useState } from 'preact/hooks';
import { etagOf } from '../api/lists';
import { useAction, useFieldErrors, useResource } from '../app/hooks';
import { href, navigate } from '../app/router';
import { useCanWrite } from '../auth/permissions';
import { searchCustomers } from '../customers/customersApi';
import { todayIso } from '../format/date';
import { formatMoney } from '../format/money';
import { PageHeader } from '../layout/PageHeader';
import { ItemsEditor } from '../salesOrders/ItemsEditor';
import { getSalesOrderDefaults } from '../salesOrders/salesOrdersApi';
import { StatusBadge } from '../ui/Badge';
import { Button } from '../ui/Button';
import { ErrorBanner, Notice } from '../ui/ErrorBanner';
import { Checkbox, DateField, TextArea, TextField } from '../ui/Field';
import { LookupField } from '../ui/Lookup';
import { ConfirmDialog, Modal } from '../ui/Modal';
import { LoadingBlock } from '../ui/Spinner';
import { toast } from '../ui/Toast';
import { conversionInput, newQuoteDraft, quoteInput, quoteToDraft, validateConversion, validateQuote, type ConvertDraft, type QuoteDraft } from './quoteForm';
import { QUOTE_STATUS, convertQuote, createQuote, deleteQuote, getQuote, quoteBadge, updateQuote, type Quote } from './quotesApi';
import '../salesOrders/salesOrders.css';

/** New quote (`id` absent) or an existing one: edit, convert into a sales order, delete. */
export function QuotePage({ id }: { id?: string }) {
  const canWrite = useCanWrite('quotes');
  const existing = useResource((signal) => (id ? getQuote(id, signal) : Promise.resolve(null)), [id]);
  const [draft, setDraft] = useState<QuoteDraft | null>(id ? null : newQuoteDraft(todayIso()));
  const [converting, setConverting] = useState(false);
  const [deleting, setDeleting] = useState(false);

  useEffect(() => {
    if (existing.data) setDraft(quoteToDraft(existing.data.data));
  }, [existing.data]);

  const etag = existing.data?.etag ?? etagOf(existing.data?.data);
  const save = useAction(async () => {
    if (!draft) return;
    if (id) {
      const updated = await updateQuote(id, quoteInput(draft), etag);
      toast.success('Orçamento salvo.');
      existing.setData(() => ({ data: updated, etag: updated.etag ?? null }));
    } else {
      const created = await createQuote(quoteInput(draft));
      toast.success(`Orçamento nº ${created.number} criado.`);
      navigate(`/orcamentos/${encodeURIComponent(created.id)}`);
    }
  });
  const remove = useAction(async () => {
    await deleteQuote(id!, etag);
    toast.success('Orçamento excluído.');
    navigate('/orcamentos', { replace: true });
  });
  const fields = useFieldErrors(save.error);

  if (id && existing.loading && !existing.data) return <LoadingBlock />;
  if (id && !existing.data) {
    return (
      <>
        <PageHeader title="Orçamento" />
        <ErrorBanner error={existing.error} onRetry={existing.reload} />
      </>
    );
  }
  if (!draft) return <LoadingBlock />;
  const quote = existing.data?.data;
  const converted = quote?.status === 'Convertido';
  const editable = canWrite && !converted;
  const set = <K extends keyof QuoteDraft>(key: K, field = key as string) => (value: QuoteDraft[K]) => {
    setDraft((d) => d && { ...d, [key]: value });
    fields.clear(field);
  };
  const submit = (e: Event) => {
    e.preventDefault();
    const errors = validateQuote(draft);
    fields.setClientErrors(errors);
    if (Object.keys(errors).length === 0) void save.run();
  };

  return (
    <>
      <PageHeader
        title={quote ? `Orçamento nº ${quote.number}` : 'Novo orçamento'}
        description={
          quote && (
            <span class="header-meta">
              <StatusBadge status={quoteBadge(quote)} styles={QUOTE_STATUS} />
              <span>{formatMoney(quote.totals.total)}</span>
            </span>
          )
        }
        actions={
          quote &&
          editable && (
            <>
              <Button onClick={() => setConverting(true)} disabled={quote.expired || quote.items.length === 0} title={quote.expired ? 'Orçamento vencido: altere a validade para converter.' : undefined}>
                Converter em pedido
              </Button>
              <Button
                variant="ghost"
                class="text-danger"
                onClick={() => {
                  remove.setError(null);
                  setDeleting(true);
                }}
              >
                Excluir
              </Button>
            </>
          )
        }
      />
      <p class="breadcrumb">
        <a href={href('/orcamentos')}>← Orçamentos</a>
      </p>
      {converted && quote?.convertedOrderId && (
        <Notice tone="success">
          Convertido no <a href={href(`/pedidos/${encodeURIComponent(quote.convertedOrderId)}`)}>pedido nº {quote.convertedOrderNumber}</a>.
        </Notice>
      )}
      {quote?.expired && !converted && <Notice tone="warning">Orçamento vencido: prorrogue a validade para convertê-lo em pedido.</Notice>}
      <ErrorBanner error={save.error} onReload={existing.reload} fieldNames={Object.keys(fields.errors)} />
      <form class="form form-wide" noValidate onSubmit={submit} aria-label="Orçamento">
        <fieldset class="fieldset card" disabled={!editable}>
          <legend>Dados do orçamento</legend>
          <LookupField label="Cliente" name="customerId" value={draft.customer} onValue={set('customer', 'customerId')} search={searchCustomers} error={fields.errors['customerId']} required />
          <div class="form-row">
            <DateField label="Data" name="date" value={draft.date} onValue={set('date')} error={fields.errors['date']} required />
            <DateField label="Validade" name="validUntil" value={draft.validUntil} onValue={set('validUntil')} error={fields.errors['validUntil']} />
          </div>
          <TextArea label="Observações" name="notes" rows={3} maxLength={2000} value={draft.notes} onValue={set('notes')} error={fields.errors['notes']} />
        </fieldset>
        <div class="card">
          <ItemsEditor items={draft.items} onItems={set('items')} errors={fields.errors} onClear={fields.clear} disabled={!editable} />
        </div>
        {editable && (
          <div class="form-actions">
            <Button variant="secondary" onClick={() => navigate('/orcamentos')} disabled={save.busy}>
              Cancelar
            </Button>
            <Button type="submit" busy={save.busy}>
              {quote ? 'Salvar orçamento' : 'Criar orçamento'}
            </Button>
          </div>
        )}
      </form>
      {quote && converting && <ConvertDialog quote={quote} etag={etag} onClose={() => setConverting(false)} onReload={existing.reload} />}
      <ConfirmDialog
        open={deleting}
        title="Excluir orçamento?"
        message={<p>O orçamento nº {quote?.number} será excluído.</p>}
        confirmLabel="Excluir"
        busy={remove.busy}
        error={remove.error}
        onConfirm={() => void remove.run()}
        onCancel={() => setDeleting(false)}
      />
    </>
  );
}

function ConvertDialog({ quote, etag, onClose, onReload }: { quote: Quote; etag: string | null; onClose: () => void; onReload: () => void }) {
  const defaults = useResource((signal) => getSalesOrderDefaults(signal), []);
  const [draft, setDraft] = useState<ConvertDraft>({ paymentTerms: '', paymentMethod: '', generateOpportunity: false, project: '' });
  const [touched, setTouched] = useState(false);
  useEffect(() => {
    if (defaults.data && !touched) setDraft((d) => ({ ...d, generateOpportunity: defaults.data!.integrationEnabled && defaults.data!.generateOpportunity }));
  }, [defaults.data]);
  const convert = useAction(async () => {
    const order = await convertQuote(quote.id, conversionInput(draft, defaults.data?.integrationEnabled ?? false), etag);
    toast.success(`Pedido nº ${order.number} criado a partir do orçamento.`);
    navigate(`/pedidos/${encodeURIComponent(order.id)}`);
  });
  const fields = useFieldErrors(convert.error);
  const submit = (e: Event) => {
    e.preventDefault();
    const errors = validateConversion(draft);
    fields.setClientErrors(errors);
    if (Object.keys(errors).length === 0) void convert.run();
  };
  return (
    <Modal
      open
      title={`Converter o orçamento nº ${quote.number} em pedido`}
      onClose={onClose}
      busy={convert.busy}
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={convert.busy}>
            Cancelar
          </Button>
          <Button type="submit" form="convert-form" busy={convert.busy}>
            Criar pedido
          </Button>
        </>
      }
    >
      <ErrorBanner error={convert.error} onReload={onReload} fieldNames={['paymentTerms', 'paymentMethod', 'project']} />
      <form id="convert-form" class="form" noValidate onSubmit={submit}>
        <p>
          O pedido leva o cliente e os itens do orçamento ({formatMoney(quote.totals.total)}).
        </p>
        <TextField
          label="Condição de pagamento"
          name="paymentTerms"
          value={draft.paymentTerms}
          placeholder="30/60/90"
          hint="Dias após a data do pedido. Vazio ou 0 = à vista."
          onValue={(v) => {
            setDraft({ ...draft, paymentTerms: v });
            fields.clear('paymentTerms');
          }}
          error={fields.errors['paymentTerms']}
        />
        <TextField label="Forma de pagamento" name="paymentMethod" value={draft.paymentMethod} maxLength={100} onValue={(v) => setDraft({ ...draft, paymentMethod: v })} error={fields.errors['paymentMethod']} />
        {defaults.data?.showProjectAndContract && <TextField label="Projeto" name="project" value={draft.project} maxLength={200} onValue={(v) => setDraft({ ...draft, project: v })} error={fields.errors['project']} />}
        {defaults.data?.integrationEnabled && (
          <Checkbox
            label="Gerar oportunidade no CRM"
            checked={draft.generateOpportunity}
            onValue={(v) => {
              setTouched(true);
              setDraft({ ...draft, generateOpportunity: v });
            }}
          />
        )}
      </form>
    </Modal>
  );
}
