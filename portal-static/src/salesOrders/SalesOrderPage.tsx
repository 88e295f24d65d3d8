import { useEffect, useState } from 'preact/hooks';
import { etagOf } from '../api/lists';
import { useAction, useResource } from '../app/hooks';
import { href, navigate } from '../app/router';
import { useCanWrite } from '../auth/permissions';
import { OrderStatusDialog } from '../billing/OrderStatusDialog';
import { formatDate } from '../format/date';
import { formatDecimalBR } from '../format/lineMath';
import { formatMoney } from '../format/money';
import { maskTaxId } from '../format/masks';
import { PageHeader } from '../layout/PageHeader';
import { OpportunityLink } from '../opportunities/OpportunityLink';
import { StatusBadge } from '../ui/Badge';
import { Button } from '../ui/Button';
import { ErrorBanner, Notice } from '../ui/ErrorBanner';
import { TextArea } from '../ui/Field';
import { ConfirmDialog } from '../ui/Modal';
import { RecordStamps } from '../ui/RecordStamps';
import { LoadingBlock, ProgressBar } from '../ui/Spinner';
import { Table, type Column } from '../ui/Table';
import { toast } from '../ui/Toast';
import { ITEM_KIND_LABELS, type DocumentItem } from './documentItems';
import { discountText } from './itemDraft';
import { contractLabel } from './orderForm';
import {
  SALES_ORDER_STATUS,
  approveSalesOrder,
  cancelSalesOrder,
  confirmSalesOrder,
  generateOrderOpportunity,
  getSalesOrder,
  getSalesOrderDefaults,
  orderActions,
  type Installment,
  type SalesOrder,
} from './salesOrdersApi';
import { OrderAttachments } from './OrderAttachments';
import './salesOrders.css';

/** How often the page asks again while the order → CRM step creates the opportunity and tasks. */
export const generationPolling = { intervalMs: 2000 };

type Pending = 'approve' | 'confirm' | 'cancel' | 'opportunity' | null;

/** Sales order: header, status actions, the order's opportunity and tasks progress, installments and items. */
export function SalesOrderPage({ id }: { id: string }) {
  const canWrite = useCanWrite('salesOrders');
  const canBill = useCanWrite('billing');
  const order = useResource((signal) => getSalesOrder(id, signal), [id]);
  const defaults = useResource((signal) => getSalesOrderDefaults(signal), []);
  const [pending, setPending] = useState<Pending>(null);
  const [reason, setReason] = useState('');
  const [statusOpen, setStatusOpen] = useState(false);

  const etag = order.data?.etag ?? etagOf(order.data?.data);
  const changed = (updated: SalesOrder | undefined) => {
    if (updated && updated.id) order.setData(() => ({ data: updated, etag: updated.etag ?? null }));
    else order.reload();
  };

  // While the opportunity and its tasks are being generated (a queue step), ask again until they are all there.
  const generating = order.data?.data.opportunityGeneration === 'pending';
  useEffect(() => {
    if (!generating) return;
    const timer = setTimeout(() => {
      getSalesOrder(id).then(
        (fresh) => order.setData(() => fresh),
        () => undefined,
      );
    }, generationPolling.intervalMs);
    return () => clearTimeout(timer);
  }, [generating, order.data]);

  const act = useAction(async () => {
    if (pending === 'approve') {
      changed(await approveSalesOrder(id, etag));
      toast.success('Proposta aprovada (APR).');
    } else if (pending === 'confirm') {
      changed(await confirmSalesOrder(id, etag));
      toast.success('Pedido confirmado.');
    } else if (pending === 'cancel') {
      changed(await cancelSalesOrder(id, reason.trim() || null, etag));
      toast.success('Pedido cancelado.');
    } else if (pending === 'opportunity') {
      changed(await generateOrderOpportunity(id, etag));
      toast.success('Geração da oportunidade solicitada.');
    }
    setPending(null);
  });

  if (order.loading && !order.data) return <LoadingBlock />;
  if (!order.data) {
    return (
      <>
        <PageHeader title="Pedido de venda" />
        <ErrorBanner error={order.error} onRetry={order.reload} />
        <p>
          <a href={href('/pedidos')}>← Voltar para os pedidos</a>
        </p>
      </>
    );
  }

  const o = order.data.data;
  const actions = orderActions(o);
  const integrationEnabled = defaults.data?.integrationEnabled ?? false;
  const open = (p: Pending) => {
    act.setError(null);
    setReason('');
    setPending(p);
  };

  const itemColumns: Column<DocumentItem>[] = [
    {
      key: 'description',
      header: 'Item',
      render: (i) => (
        <>
          <span class="cell-primary">{i.description}</span>
          <div class="cell-secondary">
            {ITEM_KIND_LABELS[i.kind] ?? i.kind}
            {i.code ? ` · ${i.code}` : ''}
          </div>
          {i.note && <div class="cell-secondary pre-wrap">ℹ {i.note}</div>}
        </>
      ),
    },
    { key: 'quantity', header: 'Qtd.', align: 'end', render: (i) => formatDecimalBR(i.quantity) },
    { key: 'unitPrice', header: 'Valor unit.', align: 'end', render: (i) => <span class="nowrap">{formatMoney(i.unitPrice)}</span> },
    { key: 'discount', header: 'Desconto', align: 'end', render: (i) => <span class="nowrap">{discountText(i, formatMoney)}</span> },
    { key: 'total', header: 'Total', align: 'end', render: (i) => <span class="nowrap cell-primary">{formatMoney(i.total ?? 0)}</span> },
    { key: 'billed', header: 'Faturado', align: 'end', render: (i) => formatDecimalBR(i.billedQuantity ?? 0) },
  ];
  const installmentColumns: Column<Installment>[] = [
    { key: 'number', header: 'Parcela', render: (p) => `${p.number}ª` },
    { key: 'dueDate', header: 'Vencimento', render: (p) => formatDate(p.dueDate) },
    { key: 'amount', header: 'Valor', align: 'end', render: (p) => <span class="nowrap">{formatMoney(p.amount)}</span> },
  ];

  const confirmTexts: Record<Exclude<Pending, null>, { title: string; label: string; message: string }> = {
    approve: { title: 'Aprovar a proposta?', label: 'Aprovar', message: `A proposta nº ${o.number} passa a “Aprovado (APR)” e não pode mais ser alterada.` },
    confirm: {
      title: 'Confirmar o pedido?',
      label: 'Confirmar pedido',
      message: `O pedido nº ${o.number} passa a “Pedido”: libera o faturamento${o.generateOpportunity ? ' e gera a oportunidade e as tarefas no CRM' : ''}.`,
    },
    cancel: { title: 'Cancelar o pedido?', label: 'Cancelar pedido', message: `O pedido nº ${o.number} de ${o.customerName} será cancelado. Esta ação não pode ser desfeita.` },
    opportunity: {
      title: 'Gerar oportunidade?',
      label: 'Gerar oportunidade',
      message: actions.confirmed ? 'A oportunidade e uma tarefa por unidade de cada serviço serão criadas no CRM.' : 'A oportunidade e as tarefas serão criadas no CRM quando o pedido for confirmado.',
    },
  };

  return (
    <>
      <PageHeader
        title={`Pedido nº ${o.number}`}
        description={
          <span class="header-meta">
            <button type="button" class="status-button" onClick={() => setStatusOpen(true)} aria-label={`Status: ${SALES_ORDER_STATUS[o.status]?.label ?? o.statusLabel}. Ver itens, tarefas e faturamento`}>
              <StatusBadge status={o.status} styles={SALES_ORDER_STATUS} />
            </button>
            <span>{formatMoney(o.totals.total)}</span>
          </span>
        }
        actions={
          <>
            {canWrite && actions.edit && (
              <Button variant="secondary" onClick={() => navigate(`/pedidos/${encodeURIComponent(id)}/editar`)}>
                Editar
              </Button>
            )}
            {canWrite && actions.approve && (
              <Button variant="secondary" onClick={() => open('approve')}>
                Aprovar (APR)
              </Button>
            )}
            {canWrite && actions.confirm && <Button onClick={() => open('confirm')}>Confirmar pedido</Button>}
            {canBill && actions.bill && <Button onClick={() => setStatusOpen(true)}>Faturar</Button>}
            {canWrite && integrationEnabled && actions.generateOpportunity && (
              <Button variant="secondary" onClick={() => open('opportunity')}>
                Gerar oportunidade
              </Button>
            )}
            {canWrite && actions.cancel && (
              <Button variant="ghost" class="text-danger" onClick={() => open('cancel')}>
                Cancelar pedido
              </Button>
            )}
          </>
        }
      />
      <p class="breadcrumb">
        <a href={href('/pedidos')}>← Pedidos de venda</a>
      </p>
      {o.status === 'Cancelado' && <Notice tone="warning">Pedido cancelado{o.cancelReason ? `: ${o.cancelReason}` : '.'}</Notice>}
      <OpportunityPanel order={o} />
      <section class="card" aria-label="Capa do pedido">
        <dl class="details details-grid">
          <div>
            <dt>Cliente</dt>
            <dd>
              <a href={href(`/clientes/${encodeURIComponent(o.customerId)}`)}>{o.customerName}</a>
              {o.customerTaxId && <div class="cell-secondary">{maskTaxId(o.customerTaxId)}</div>}
            </dd>
          </div>
          <div>
            <dt>Data</dt>
            <dd>{formatDate(o.date)}</dd>
          </div>
          <div>
            <dt>Validade da proposta</dt>
            <dd>{o.validUntil ? formatDate(o.validUntil) : '—'}</dd>
          </div>
          <div>
            <dt>Vendedor</dt>
            <dd>{o.salespersonName || '—'}</dd>
          </div>
          <div>
            <dt>Condição de pagamento</dt>
            <dd>{!o.paymentTerms || o.paymentTerms === '0' ? (o.installments.length > 1 ? 'Parcelas informadas' : 'À vista') : `${o.paymentTerms} dias`}</dd>
          </div>
          <div>
            <dt>Forma de pagamento</dt>
            <dd>{o.paymentMethod || '—'}</dd>
          </div>
          {(o.project || o.contractId) && (
            <>
              <div>
                <dt>Projeto</dt>
                <dd>{o.project || '—'}</dd>
              </div>
              <div>
                <dt>Contrato</dt>
                <dd>{o.contractId ? <a href={href(`/contratos/${encodeURIComponent(o.contractId)}`)}>{contractLabel(o.contractNumber, o.contractTitle)}</a> : '—'}</dd>
              </div>
            </>
          )}
          {o.quoteId && (
            <div>
              <dt>Origem</dt>
              <dd>
                <a href={href(`/orcamentos/${encodeURIComponent(o.quoteId)}`)}>Orçamento nº {o.quoteNumber}</a>
              </dd>
            </div>
          )}
          {o.notes && (
            <div class="details-wide">
              <dt>Observações</dt>
              <dd class="pre-wrap">{o.notes}</dd>
            </div>
          )}
        </dl>
        <RecordStamps createdAt={o.createdAt} createdBy={o.createdBy} updatedAt={o.updatedAt} updatedBy={o.updatedBy} />
      </section>
      <section class="section-gap" aria-label="Itens do pedido">
        <h2 class="panel-title">Itens</h2>
        <Table caption="Itens do pedido" columns={itemColumns} rows={o.items} rowKey={(i) => i.id} empty="O pedido ainda não tem itens." />
        <dl class="doc-totals" aria-label="Totais do pedido">
          <div>
            <dt>Bruto</dt>
            <dd>{formatMoney(o.totals.gross)}</dd>
          </div>
          <div>
            <dt>Descontos</dt>
            <dd>{formatMoney(o.totals.discount)}</dd>
          </div>
          <div class="doc-totals-total">
            <dt>Total</dt>
            <dd>{formatMoney(o.totals.total)}</dd>
          </div>
        </dl>
      </section>
      <section class="section-gap" aria-label="Parcelas">
        <h2 class="panel-title">Parcelas</h2>
        <Table caption="Parcelas do pedido" columns={installmentColumns} rows={o.installments} rowKey={(p) => String(p.number)} empty="As parcelas aparecem quando o pedido tiver itens." />
      </section>
      <OrderAttachments order={o} canWrite={canWrite} onOrderChanged={changed} />
      <OrderStatusDialog
        open={statusOpen}
        orderId={id}
        orderNumber={o.number}
        canBill={canBill}
        onClose={() => setStatusOpen(false)}
        onBilled={() => order.reload()}
      />
      <ConfirmDialog
        open={pending !== null}
        title={pending ? confirmTexts[pending].title : ''}
        message={
          pending === 'cancel' ? (
            <>
              <p>{confirmTexts.cancel.message}</p>
              <TextArea label="Motivo do cancelamento" name="cancelReason" rows={2} maxLength={500} value={reason} onValue={setReason} />
            </>
          ) : (
            <p>{pending ? confirmTexts[pending].message : ''}</p>
          )
        }
        confirmLabel={pending ? confirmTexts[pending].label : ''}
        cancelLabel="Voltar"
        destructive={pending === 'cancel'}
        busy={act.busy}
        error={act.error}
        onConfirm={() => void act.run()}
        onCancel={() => setPending(null)}
      />
    </>
  );
}

/** The order's opportunity (with its current status) and the progress of its tasks while they are generated. */
function OpportunityPanel({ order: o }: { order: SalesOrder }) {
  if (o.opportunityGeneration === 'off' && !o.opportunityId) return null;
  return (
    <section class="card" aria-label="Oportunidade do pedido">
      <h2 class="panel-title">Oportunidade no CRM</h2>
      {o.opportunityGeneration === 'on-confirm' && <p class="muted">A oportunidade e as tarefas serão geradas quando o pedido for confirmado.</p>}
      {o.opportunityGeneration === 'pending' && (
        <div aria-live="polite">
          <ProgressBar
            label={o.tasksExpected > 0 ? `Gerando tarefas: ${o.tasksGenerated} de ${o.tasksExpected}` : 'Gerando a oportunidade…'}
            {...(o.tasksExpected > 0 ? { value: o.tasksGenerated, max: o.tasksExpected } : {})}
          />
        </div>
      )}
      {o.opportunityId && <OpportunityLink id={o.opportunityId} opportunity={o.opportunity} />}
      {o.opportunityGeneration === 'done' && (
        <p class="small" aria-live="polite">
          {o.tasksExpected > 0 ? `${o.tasksGenerated} tarefa(s) gerada(s). ` : ''}
          <a href={href('/tarefas', { pedido: o.id, situacao: 'todas' })}>Ver tarefas do pedido</a>
        </p>
      )}
    </section>
  );
}
