import { useEffect, useRef, useState } from 'preact/hooks';
import { toApiError } from '../api/problem';
import { useAction, useFieldErrors, useResource } from '../app/hooks';
import { listCustomerContacts } from '../customers/customersApi';
import { formatDateTime } from '../format/date';
import { StatusBadge } from '../ui/Badge';
import { Button } from '../ui/Button';
import { ErrorBanner } from '../ui/ErrorBanner';
import { SelectField, TextArea, TextField } from '../ui/Field';
import { ConfirmDialog, Modal } from '../ui/Modal';
import { Table, type Column } from '../ui/Table';
import { toast } from '../ui/Toast';
import { emailError } from '../auth/validation';
import {
  ATTACHMENT_LABELS,
  LINK_STATUS,
  VIA_LABELS,
  attachmentLink,
  formatSize,
  getApproval,
  reviseProposal,
  sendProposal,
  uploadContract,
  uploadError,
  type ApprovalLink,
  type ApprovalRecord,
  type Attachment,
} from './proposalsApi';
import type { SalesOrder } from './salesOrdersApi';

/** How often the attachments are read again while the proposal PDF of a Proposta is being rendered (a queue step). */
export const proposalPolling = { intervalMs: 2000 };

export interface OrderAttachmentsProps {
  order: SalesOrder;
  canWrite: boolean;
  /** The order changed (revised back to Proposta). */
  onOrderChanged: (order: SalesOrder | undefined) => void;
}

/**
 * Attachments of the order (proposal PDF, contract, signed contract), "Enviar proposta" and the approval trail
 * (links sent, opened, approved; who approved, when, from where).
 */
export function OrderAttachments({ order, canWrite, onOrderChanged }: OrderAttachmentsProps) {
  const trail = useResource((signal) => getApproval(order.id, signal), [order.id, order.etag]);
  const [sending, setSending] = useState(false);
  const [revising, setRevising] = useState(false);
  const [reason, setReason] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  const [fileError, setFileError] = useState<string | null>(null);

  // The proposal PDF is rendered by the proposal-pdf step after the order is saved; the empty table promises that it
  // "aparece aqui em instantes", so ask again until it is there.
  const pdfPending = order.status === 'Proposta' && trail.data !== undefined && !trail.data.attachments.some((a) => a.kind === 'proposal');
  useEffect(() => {
    if (!pdfPending) return;
    const timer = setTimeout(() => {
      getApproval(order.id).then(
        (fresh) => trail.setData(() => fresh),
        () => undefined,
      );
    }, proposalPolling.intervalMs);
    return () => clearTimeout(timer);
  }, [pdfPending, trail.data]);

  const download = useAction(async (kind: string) => {
    // Opened before the request so the browser treats it as the click's window (no pop-up blocking).
    const win = window.open('', '_blank');
    try {
      const link = await attachmentLink(order.id, kind);
      if (win) win.location.href = link.url;
      else window.location.assign(link.url);
    } catch (e) {
      win?.close();
      throw toApiError(e);
    }
  });
  const upload = useAction(async (file: File) => {
    await uploadContract(order.id, file);
    toast.success('Contrato anexado ao pedido.');
    trail.reload();
  });
  const revise = useAction(async () => {
    const updated = await reviseProposal(order.id, reason.trim() || null);
    toast.success('Pedido devolvido para proposta.');
    setRevising(false);
    onOrderChanged(updated);
  });

  const onFile = (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0] ?? null;
    const error = uploadError(file);
    setFileError(error);
    if (!error && file) void upload.run(file);
    input.value = '';
  };

  const attachments = trail.data?.attachments ?? [];
  const attachmentColumns: Column<Attachment>[] = [
    { key: 'kind', header: 'Documento', render: (a) => <span class="cell-primary">{ATTACHMENT_LABELS[a.kind] ?? a.kind}</span> },
    {
      key: 'file',
      header: 'Arquivo',
      render: (a) => (
        <>
          {a.fileName}
          <div class="cell-secondary">
            versão {a.version} · {formatSize(a.size)}
          </div>
        </>
      ),
    },
    { key: 'uploaded', header: 'Enviado em', render: (a) => `${formatDateTime(a.uploadedAt)}${a.uploadedBy ? ` por ${a.uploadedBy}` : ''}` },
    {
      key: 'actions',
      header: 'Ações',
      headerHidden: true,
      align: 'end',
      render: (a) => (
        <Button size="sm" variant="secondary" onClick={() => void download.run(a.kind)} aria-label={`Baixar ${ATTACHMENT_LABELS[a.kind] ?? a.kind}`}>
          Baixar
        </Button>
      ),
    },
  ];
  const linkColumns: Column<ApprovalLink>[] = [
    { key: 'to', header: 'Enviada para', render: (l) => (l.contactName ? `${l.contactName} <${l.email}>` : l.email) },
    { key: 'sentAt', header: 'Envio', render: (l) => formatDateTime(l.sentAt) },
    { key: 'openedAt', header: 'Aberta', render: (l) => (l.openedAt ? `${formatDateTime(l.openedAt)}${l.openCount && l.openCount > 1 ? ` (${l.openCount} vezes)` : ''}` : '—') },
    { key: 'status', header: 'Situação', render: (l) => <StatusBadge status={l.status} styles={LINK_STATUS} /> },
  ];
  const approvalColumns: Column<ApprovalRecord>[] = [
    { key: 'approvedAt', header: 'Aprovada em', render: (r) => formatDateTime(r.approvedAt) },
    { key: 'who', header: 'Por', render: (r) => r.contactName || '—' },
    { key: 'via', header: 'Canal', render: (r) => VIA_LABELS[r.via] ?? r.via },
    { key: 'ip', header: 'IP', render: (r) => r.ipAddress || '—' },
    { key: 'version', header: 'Proposta', render: (r) => (r.proposalVersion ? `versão ${r.proposalVersion}` : '—') },
  ];

  const isProposal = order.status === 'Proposta';
  return (
    <section class="card section-gap" aria-label="Anexos e proposta">
      <div class="panel-header">
        <h2 class="panel-title">Anexos e proposta</h2>
        {canWrite && (
          <div class="panel-actions">
            {isProposal && (
              <Button size="sm" onClick={() => setSending(true)}>
                Enviar proposta
              </Button>
            )}
            {(isProposal || order.status === 'Pedido') && (
              <>
                <Button size="sm" variant="secondary" busy={upload.busy} onClick={() => fileInput.current?.click()}>
                  Anexar contrato (PDF)
                </Button>
                <label class="visually-hidden" for={`contract-file-${order.id}`}>
                  Arquivo do contrato (PDF até 10 MB)
                </label>
                <input id={`contract-file-${order.id}`} ref={fileInput} type="file" accept="application/pdf,.pdf" class="visually-hidden" onChange={onFile} tabIndex={-1} />
              </>
            )}
            {order.status === 'Aprovado' && (
              <Button
                size="sm"
                variant="secondary"
                onClick={() => {
                  revise.setError(null);
                  setReason('');
                  setRevising(true);
                }}
              >
                Devolver para proposta
              </Button>
            )}
          </div>
        )}
      </div>
      {fileError && (
        <p class="field-error" role="alert">
          {fileError}
        </p>
      )}
      <ErrorBanner error={upload.error ?? download.error} onDismiss={() => (upload.error ? upload.setError(null) : download.setError(null))} />
      <ErrorBanner error={trail.error} onRetry={trail.reload} />
      <Table
        caption="Anexos do pedido"
        columns={attachmentColumns}
        rows={attachments}
        rowKey={(a) => a.kind}
        loading={trail.loading}
        empty={isProposal ? 'O PDF da proposta está sendo gerado; ele aparece aqui em instantes.' : 'Nenhum anexo.'}
      />
      {(trail.data?.links.length ?? 0) > 0 && (
        <>
          <h3 class="panel-title section-gap">Envios da proposta</h3>
          <Table caption="Envios da proposta" columns={linkColumns} rows={trail.data!.links} rowKey={(l) => l.id} />
        </>
      )}
      {(trail.data?.approvals.length ?? 0) > 0 && (
        <>
          <h3 class="panel-title section-gap">Aprovações</h3>
          <Table caption="Aprovações da proposta" columns={approvalColumns} rows={trail.data!.approvals} rowKey={(r) => r.id} />
        </>
      )}
      {sending && (
        <SendProposalDialog
          order={order}
          onClose={() => setSending(false)}
          onSent={() => {
            setSending(false);
            trail.reload();
          }}
        />
      )}
      <ConfirmDialog
        open={revising}
        title="Devolver para proposta?"
        message={
          <>
            <p>A aprovação do pedido nº {order.number} é desfeita: ele volta a “Proposta” e uma nova versão do PDF é gerada.</p>
            <TextArea label="Motivo" name="reviseReason" rows={2} maxLength={500} value={reason} onValue={setReason} />
          </>
        }
        confirmLabel="Devolver para proposta"
        cancelLabel="Voltar"
        busy={revise.busy}
        error={revise.error}
        onConfirm={() => void revise.run()}
        onCancel={() => setRevising(false)}
      />
    </section>
  );
}

const OTHER = '__other__';

function SendProposalDialog({ order, onClose, onSent }: { order: SalesOrder; onClose: () => void; onSent: () => void }) {
  const contacts = useResource((signal) => listCustomerContacts(order.customerId, signal), [order.customerId]);
  const withEmail = (contacts.data ?? []).filter((c) => c.email);
  const [contactId, setContactId] = useState('');
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const chosen = contactId || (withEmail.length > 0 && !contacts.loading ? withEmail[0]!.id : OTHER);
  const send = useAction(async () => {
    const link = await sendProposal(order.id, chosen === OTHER ? { email: email.trim(), ...(name.trim() ? { name: name.trim() } : {}) } : { contactId: chosen });
    toast.success(`Proposta enviada para ${link?.email ?? email.trim()}.`);
    onSent();
  });
  const fields = useFieldErrors(send.error);
  const submit = (e: Event) => {
    e.preventDefault();
    const error = chosen === OTHER ? emailError(email) : null;
    fields.setClientErrors(error ? { email: error } : {});
    if (!error) void send.run();
  };
  const options = [...withEmail.map((c) => ({ value: c.id, label: `${c.name} <${c.email}>` })), { value: OTHER, label: 'Outro e-mail…' }];
  return (
    <Modal
      open
      title={`Enviar a proposta nº ${order.number}`}
      onClose={onClose}
      busy={send.busy}
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={send.busy}>
            Cancelar
          </Button>
          <Button type="submit" form="send-proposal-form" busy={send.busy}>
            Enviar proposta
          </Button>
        </>
      }
    >
      <ErrorBanner error={send.error} fieldNames={['email', 'contactId']} />
      <form id="send-proposal-form" class="form" noValidate onSubmit={submit}>
        <p>O cliente recebe por e-mail um link para ver a proposta, enviar o contrato assinado e aprovar.</p>
        <SelectField label="Destinatário" name="contactId" value={chosen} options={options} onValue={setContactId} error={fields.errors['contactId']} />
        {chosen === OTHER && (
          <>
            <TextField
              label="E-mail"
              name="email"
              type="email"
              value={email}
              onValue={(v) => {
                setEmail(v);
                fields.clear('email');
              }}
              error={fields.errors['email']}
              required
            />
            <TextField label="Nome" name="name" value={name} onValue={setName} />
          </>
        )}
      </form>
    </Modal>
  );
}
