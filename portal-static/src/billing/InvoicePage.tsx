import { useState } from 'preact/hooks';
import { useAction, useResource } from '../app/hooks';
import { href } from '../app/router';
import { useCanWrite } from '../auth/permissions';
import { formatDate, formatDateTime } from '../format/date';
import { formatDecimalBR } from '../format/lineMath';
import { formatMoney } from '../format/money';
import { PageHeader } from '../layout/PageHeader';
import { StatusBadge } from '../ui/Badge';
import { Button } from '../ui/Button';
import { ErrorBanner, Notice } from '../ui/ErrorBanner';
import { TextArea } from '../ui/Field';
import { ConfirmDialog } from '../ui/Modal';
import { LoadingBlock } from '../ui/Spinner';
import { Table, type Column } from '../ui/Table';
import { toast } from '../ui/Toast';
import { RECEIVABLE_STATUS, displayStatus, type Receivable } from '../receivables/receivablesApi';
import { todayIso } from '../format/date';
import { INVOICE_STATUS, NFSE_STATUS, cancelInvoice, downloadDps, getInvoice, isCancelled, type InvoiceItem } from './billingApi';

/** One invoice: items, ISS, links to its order; cancelling (confirmed) reverts the order's billed quantities. */
export function InvoicePage({ id }: { id: string }) {
  const canCancel = useCanWrite('billing');
  const invoice = useResource((signal) => getInvoice(id, signal), [id]);
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  const dps = useAction(async () => downloadDps(id, invoice.data!.data.number));
  const cancel = useAction(async () => {
    await cancelInvoice(id, reason.trim(), invoice.data?.etag ?? invoice.data?.data.etag ?? null);
    toast.success('Nota fiscal cancelada.');
    setCancelling(false);
    invoice.reload();
  });

  if (invoice.loading && !invoice.data) return <LoadingBlock />;
  if (!invoice.data) {
    return (
      <>
        <PageHeader title="Nota fiscal" />
        <ErrorBanner error={invoice.error} onRetry={invoice.reload} />
        <p>
          <a href={href('/notas')}>← Notas fiscais</a>
        </p>
      </>
    );
  }
  const n = invoice.data.data;
  const columns: Column<InvoiceItem>[] = [
    { key: 'description', header: 'Serviço', render: (i) => <span class="cell-primary">{i.description}</span> },
    { key: 'quantity', header: 'Qtd.', align: 'end', render: (i) => formatDecimalBR(i.quantity) },
    { key: 'unitPrice', header: 'Valor unit.', align: 'end', render: (i) => <span class="nowrap">{formatMoney(i.unitPrice)}</span> },
    { key: 'total', header: 'Total', align: 'end', render: (i) => <span class="nowrap">{formatMoney(i.total)}</span> },
  ];

  const today = todayIso();
  const receivableColumns: Column<Receivable>[] = [
    { key: 'installment', header: 'Parcela', render: (r) => (r.installmentNumber ? `${r.installmentNumber}/${r.installmentCount ?? ''}` : '—') },
    { key: 'dueDate', header: 'Vencimento', render: (r) => formatDate(r.dueDate) },
    { key: 'status', header: 'Situação', render: (r) => <StatusBadge status={displayStatus(r, today)} styles={RECEIVABLE_STATUS} /> },
    { key: 'amount', header: 'Valor', align: 'end', render: (r) => <span class="nowrap">{formatMoney(r.amount)}</span> },
  ];

  return (
    <>
      <PageHeader
        title={`NFS-e nº ${n.number}`}
        description={
          <span class="header-meta">
            <StatusBadge status={n.status} styles={INVOICE_STATUS} />
            {n.nfseStatus && NFSE_STATUS[n.nfseStatus] && <StatusBadge status={n.nfseStatus} styles={NFSE_STATUS} />}
            <span>{formatMoney(n.total)}</span>
          </span>
        }
        actions={
          <>
            <Button variant="secondary" busy={dps.busy} onClick={() => void dps.run()}>
              Baixar XML (DPS)
            </Button>
            {canCancel && !isCancelled(n) && (
            <Button
              variant="danger"
              onClick={() => {
                cancel.setError(null);
                setReason('');
                setCancelling(true);
              }}
            >
              Cancelar nota
            </Button>
            )}
          </>
        }
      />
      <p class="breadcrumb">
        <a href={href('/notas')}>← Notas fiscais</a>
      </p>
      <ErrorBanner error={dps.error} onDismiss={() => dps.setError(null)} />
      {isCancelled(n) && <Notice tone="warning">Nota cancelada{n.cancelledAt ? ` em ${formatDateTime(n.cancelledAt)}` : ''}{n.cancelReason ? `: ${n.cancelReason}` : '.'}</Notice>}
      {n.nfseStatus === 'pending-certificate' && (
        <Notice tone="warning">A transmissão da NFS-e aguarda o certificado digital (A1) da empresa: configure-o para enviar as notas à prefeitura.</Notice>
      )}
      {n.nfseStatus === 'rejected' && n.nfseMessage && <Notice tone="warning">NFS-e rejeitada: {n.nfseMessage}</Notice>}
      <section class="card" aria-label="Dados da nota">
        <dl class="details details-grid">
          <div>
            <dt>Cliente</dt>
            <dd>{n.customerId ? <a href={href(`/clientes/${encodeURIComponent(n.customerId)}`)}>{n.customerName}</a> : n.customerName}</dd>
          </div>
          <div>
            <dt>Emissão</dt>
            <dd>{formatDate(n.issuedAt)}</dd>
          </div>
          <div>
            <dt>Pedido</dt>
            <dd>{n.orderId ? <a href={href(`/pedidos/${encodeURIComponent(n.orderId)}`)}>Pedido nº {n.orderNumber ?? ''}</a> : '—'}</dd>
          </div>
          <div>
            <dt>ISS</dt>
            <dd>
              {n.issAmount != null ? formatMoney(n.issAmount) : '—'}
              {n.issRate != null && <span class="cell-secondary"> ({formatDecimalBR(n.issRate)}%)</span>}
              {n.issWithheld && <div class="cell-secondary">Retido pelo tomador</div>}
            </dd>
          </div>
        </dl>
      </section>
      <section class="section-gap" aria-label="Itens da nota">
        <h2 class="panel-title">Itens</h2>
        <Table caption="Itens da nota" columns={columns} rows={n.items} rowKey={(i) => i.itemId || i.description} empty="Sem itens." />
      </section>
      {n.receivables.length > 0 && (
        <section class="section-gap" aria-label="Parcelas a receber">
          <h2 class="panel-title">Parcelas a receber</h2>
          <Table caption="Parcelas a receber da nota" columns={receivableColumns} rows={n.receivables} rowKey={(r) => r.id} />
        </section>
      )}
      <ConfirmDialog
        open={cancelling}
        title="Cancelar a nota fiscal?"
        message={
          <>
            <p>
              A NFS-e nº {n.number} será cancelada: as quantidades voltam a ficar disponíveis para faturar no pedido e os recebíveis em aberto desta nota são cancelados.
            </p>
            <TextArea label="Motivo do cancelamento" name="cancelReason" rows={2} maxLength={500} value={reason} onValue={setReason} />
          </>
        }
        confirmLabel="Cancelar nota"
        cancelLabel="Voltar"
        busy={cancel.busy}
        error={cancel.error}
        onConfirm={() => void cancel.run()}
        onCancel={() => setCancelling(false)}
      />
    </>
  );
}
