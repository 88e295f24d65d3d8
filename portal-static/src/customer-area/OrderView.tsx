import type { ComponentChildren } from 'preact';
import { useId, useState } from 'preact/hooks';
import { useAction } from '../app/hooks';
import { formatDate, formatDateTime, formatMoney } from '../format';
import { StatusBadge } from '../ui/Badge';
import { Button } from '../ui/Button';
import { ErrorBanner, Notice } from '../ui/ErrorBanner';
import { ConfirmDialog } from '../ui/Modal';
import { ProgressBar } from '../ui/Spinner';
import './customerArea.css';
import { Table } from '../ui/Table';
import { toast } from '../ui/Toast';
import type { Installment, OrderDetail, OrderItem } from './customerAreaApi';
import {
  ATTACHMENT_LABELS,
  approvalState,
  canUploadSignedContract,
  findAttachment,
  formatFileSize,
  hasContract,
  hasSignedContract,
  signedContractFileError,
  statusCode,
  statusStyles,
} from './orderRules';

export interface OrderViewActions {
  download: (kind: string) => Promise<void>;
  upload: (file: File, onProgress: (loaded: number, total: number) => void) => Promise<void>;
  approve: () => Promise<void>;
}

const quantityFormat = new Intl.NumberFormat('pt-BR', { maximumFractionDigits: 3 });

/**
 * One order as the customer sees it (oGestor's "Visualizar"): items with their information notes,
 * payment terms with each installment, totals, attachments, the signed-contract upload and
 * "Aprovar proposta". Shared by the signed-in order page and the e-mailed approval link.
 */
export function OrderView({ order, actions, navigation }: { order: OrderDetail; actions: OrderViewActions; navigation?: ComponentChildren }) {
  const approval = approvalState(order);
  const [confirming, setConfirming] = useState(false);
  const approve = useAction(async () => {
    await actions.approve();
    setConfirming(false);
    toast.success('Proposta aprovada.');
  });
  const approved = statusCode(order) === 'aprovado';

  return (
    <div class="stack">
      {approved && (
        <Notice tone="success">
          Proposta aprovada{order.approval?.approvedAt ? ` em ${formatDateTime(order.approval.approvedAt)}` : ''}
          {order.approval?.contactName ? ` por ${order.approval.contactName}` : ''}. O pedido aguarda faturamento.
        </Notice>
      )}
      <section class="card" aria-labelledby="order-summary-title">
        <h2 id="order-summary-title" class="card-title">
          Pedido nº {order.number}
        </h2>
        <dl class="details details-grid">
          <div>
            <dt>Situação</dt>
            <dd>
              <StatusBadge status={statusCode(order)} styles={statusStyles(order)} />
            </dd>
          </div>
          <div>
            <dt>Data</dt>
            <dd>{formatDate(order.date)}</dd>
          </div>
          {order.validUntil && (
            <div>
              <dt>Proposta válida até</dt>
              <dd>{formatDate(order.validUntil)}</dd>
            </div>
          )}
          {order.customerName && (
            <div>
              <dt>Cliente</dt>
              <dd>{order.customerName}</dd>
            </div>
          )}
        </dl>
      </section>

      <section aria-labelledby="order-items-title">
        <h2 id="order-items-title" class="panel-title order-section-title">
          Produtos e serviços
        </h2>
        <Table<OrderItem>
          caption="Itens do pedido"
          rowKey={(i) => i.id}
          rows={order.items}
          empty="Este pedido não tem itens."
          columns={[
            { key: 'description', header: 'Descrição', render: (i) => <span class="cell-primary">{i.description}</span> },
            { key: 'note', header: 'Informações', render: (i) => (i.note ? <span class="pre-wrap">{i.note}</span> : '—') },
            { key: 'quantity', header: 'Qtd.', align: 'end', render: (i) => quantityFormat.format(i.quantity) },
            { key: 'unitPrice', header: 'Valor unitário', align: 'end', render: (i) => formatMoney(i.unitPrice) },
            { key: 'discount', header: 'Desconto', align: 'end', render: (i) => (i.discountAmount ? formatMoney(i.discountAmount) : '—') },
            { key: 'total', header: 'Total', align: 'end', render: (i) => formatMoney(i.total) },
          ]}
        />
      </section>

      <div class="order-columns">
        <section class="card" aria-labelledby="order-payment-title">
          <h2 id="order-payment-title" class="card-title">
            Condições de pagamento
          </h2>
          <dl class="details">
            <div>
              <dt>Forma de pagamento</dt>
              <dd>{order.paymentMethod || '—'}</dd>
            </div>
            <div>
              <dt>Parcelamento</dt>
              <dd>{order.paymentTerms || installmentsSummary(order.installments ?? [])}</dd>
            </div>
          </dl>
          <InstallmentsTable installments={order.installments ?? []} />
        </section>
        <section class="card" aria-labelledby="order-totals-title">
          <h2 id="order-totals-title" class="card-title">
            Totais
          </h2>
          <dl class="totals">
            {order.totals && (
              <div>
                <dt>Subtotal</dt>
                <dd>{formatMoney(order.totals.gross)}</dd>
              </div>
            )}
            {order.totals?.discount ? (
              <div>
                <dt>Descontos</dt>
                <dd>− {formatMoney(order.totals.discount)}</dd>
              </div>
            ) : null}
            <div class="totals-grand">
              <dt>Total do pedido</dt>
              <dd>{formatMoney(order.total)}</dd>
            </div>
          </dl>
        </section>
      </div>

      <Attachments order={order} actions={actions} />

      {statusCode(order) === 'proposta' && (
        <section class="card" aria-labelledby="order-approval-title">
          <h2 id="order-approval-title" class="card-title">
            Aprovação
          </h2>
          <p>Ao aprovar, você confirma a compra nas condições acima. A empresa é avisada e o pedido passa a aguardar faturamento.</p>
          {!approval.allowed && <p class="muted">{approval.reason}</p>}
          <div class="form-actions form-actions-start">
            <Button
              disabled={!approval.allowed}
              onClick={() => {
                approve.setError(null);
                setConfirming(true);
              }}
            >
              Aprovar proposta
            </Button>
          </div>
        </section>
      )}

      {navigation && <div class="form-actions form-actions-start">{navigation}</div>}

      <ConfirmDialog
        open={confirming}
        title="Aprovar proposta?"
        message={
          <p>
            Você aprova o pedido nº {order.number}, no total de <strong>{formatMoney(order.total)}</strong>. Depois da aprovação a proposta não pode ser alterada por aqui.
          </p>
        }
        confirmLabel="Aprovar"
        destructive={false}
        busy={approve.busy}
        error={approve.error}
        onConfirm={() => void approve.run()}
        onCancel={() => setConfirming(false)}
      />
    </div>
  );
}

function installmentsSummary(installments: Installment[]): string {
  if (installments.length === 0) return '—';
  return installments.length === 1 ? 'À vista' : `${installments.length} parcelas`;
}

export function InstallmentsTable({ installments, caption = 'Parcelas' }: { installments: Installment[]; caption?: string }) {
  if (installments.length === 0) return null;
  return (
    <Table<Installment>
      caption={caption}
      rowKey={(i) => String(i.number)}
      rows={installments}
      columns={[
        { key: 'number', header: 'Parcela', render: (i) => `${i.number}/${installments.length}` },
        { key: 'dueDate', header: 'Vencimento', render: (i) => formatDate(i.dueDate) },
        { key: 'amount', header: 'Valor', align: 'end', render: (i) => formatMoney(i.amount) },
      ]}
    />
  );
}

function Attachments({ order, actions }: { order: OrderDetail; actions: OrderViewActions }) {
  const [downloading, setDownloading] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const kinds = ['proposal', ...(hasContract(order) ? ['contract'] : []), ...(hasSignedContract(order) ? ['signed-contract'] : [])];

  const download = async (kind: string) => {
    setDownloading(kind);
    setError(null);
    try {
      await actions.download(kind);
    } catch (e) {
      setError(e);
    } finally {
      setDownloading(null);
    }
  };

  return (
    <section class="card" aria-labelledby="order-files-title">
      <h2 id="order-files-title" class="card-title">
        Arquivos anexados
      </h2>
      <ErrorBanner error={error} onDismiss={() => setError(null)} />
      <ul class="line-list">
        {kinds.map((kind) => {
          const file = findAttachment(order, kind);
          const pending = kind === 'proposal' && !file;
          return (
            <li key={kind} class="attachment-row">
              <span>
                <strong>{ATTACHMENT_LABELS[kind]}</strong>
                {file && (
                  <span class="muted small">
                    {' '}
                    {[file.size ? formatFileSize(file.size) : '', file.uploadedAt ? `enviado em ${formatDateTime(file.uploadedAt)}` : ''].filter(Boolean).join(' · ')}
                  </span>
                )}
                {pending && <span class="muted small"> a proposta em PDF está sendo gerada; recarregue a página em instantes.</span>}
              </span>
              {!pending && (
                <Button size="sm" variant="secondary" busy={downloading === kind} onClick={() => void download(kind)} aria-label={`Baixar ${ATTACHMENT_LABELS[kind]}`}>
                  Baixar
                </Button>
              )}
            </li>
          );
        })}
      </ul>
      {canUploadSignedContract(order) && <SignedContractUpload replacing={hasSignedContract(order)} upload={actions.upload} />}
    </section>
  );
}

function SignedContractUpload({ replacing, upload }: { replacing: boolean; upload: OrderViewActions['upload'] }) {
  const inputId = `signed-${useId()}`;
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [progress, setProgress] = useState<{ loaded: number; total: number } | null>(null);
  const send = useAction(async () => {
    setProgress({ loaded: 0, total: file!.size });
    try {
      await upload(file!, (loaded, total) => setProgress({ loaded, total }));
      toast.success('Contrato assinado enviado.');
      setFile(null);
    } finally {
      setProgress(null);
    }
  });

  return (
    <form
      class="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const problem = signedContractFileError(file);
        setFileError(problem);
        if (!problem) void send.run();
      }}
    >
      <h3 class="panel-title order-upload-title">{replacing ? 'Substituir o contrato assinado' : 'Enviar o contrato assinado'}</h3>
      <p class="muted">Baixe o contrato, assine, digitalize em PDF (até 10 MB) e envie aqui. O arquivo é guardado como "Contrato Assinado".</p>
      <ErrorBanner error={send.error} onDismiss={() => send.setError(null)} />
      <div class={`field${fileError ? ' field-invalid' : ''}`}>
        <label for={inputId} class="field-label">
          Contrato assinado (PDF)
        </label>
        <input
          id={inputId}
          name="file"
          type="file"
          class="input"
          accept="application/pdf,.pdf"
          aria-invalid={fileError ? true : undefined}
          aria-describedby={fileError ? `${inputId}-error` : undefined}
          disabled={send.busy}
          onChange={(e) => {
            setFile(e.currentTarget.files?.[0] ?? null);
            setFileError(null);
          }}
        />
        {fileError && (
          <div id={`${inputId}-error`} class="field-error">
            {fileError}
          </div>
        )}
      </div>
      {progress && <ProgressBar label="Enviando o contrato assinado" value={progress.loaded} max={progress.total || 1} />}
      <div class="form-actions form-actions-start">
        <Button type="submit" variant="secondary" busy={send.busy}>
          Enviar contrato assinado
        </Button>
      </div>
    </form>
  );
}
