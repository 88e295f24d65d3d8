import { useState } from 'preact/hooks';
import { useAction, useResource } from '../app/hooks';
import { href } from '../app/router';
import { useCanWrite } from '../auth/permissions';
import { RECURRENCE_OPTIONS } from '../contracts/contractsApi';
import { searchCustomers } from '../customers/customersApi';
import { formatDate, todayIso } from '../format/date';
import { formatMoney } from '../format/money';
import { maskTaxId } from '../format/masks';
import { Button } from '../ui/Button';
import { EmptyState } from '../ui/EmptyState';
import { ErrorBanner, Notice } from '../ui/ErrorBanner';
import { DateField, SelectField, TextField } from '../ui/Field';
import { LookupField, type LookupOption } from '../ui/Lookup';
import { ConfirmDialog, Modal } from '../ui/Modal';
import { LoadingBlock } from '../ui/Spinner';
import { Table, type Column } from '../ui/Table';
import { toast } from '../ui/Toast';
import { toApiError, type ApiError } from '../api/problem';
import {
  CUSTOMER_SOURCE_LABELS,
  GENERATE_LABELS,
  chooseBillingCustomer,
  documentPath,
  generateDocuments,
  getFaturamento,
  type ContractOptions,
  type GenerateKind,
  type GeneratedDocument,
} from './faturamentoApi';

/**
 * The opportunity's "Faturamento" tab (Omie): the billing customer (matched by CNPJ/CPF, created from the account or
 * picked), document generation from the ticket (service order, sales order, service contract or all) and the list
 * of what it generated, with links.
 */
export function FaturamentoTab({ opportunityId, opportunityTitle }: { opportunityId: string; opportunityTitle: string }) {
  const canWrite = useCanWrite('faturamento');
  const view = useResource((signal) => getFaturamento(opportunityId, signal), [opportunityId]);
  const [picked, setPicked] = useState<LookupOption | null>(null);
  const [pending, setPending] = useState<{ kind: GenerateKind; contract: ContractOptions | null; question: string } | null>(null);
  const [contractFor, setContractFor] = useState<GenerateKind | null>(null);

  const choose = useAction(async (mode: 'match' | 'create-from-account' | 'pick') => {
    const updated = await chooseBillingCustomer(opportunityId, mode, mode === 'pick' ? (picked?.id ?? null) : null);
    view.setData(() => updated);
    setPicked(null);
    toast.success(mode === 'create-from-account' ? 'Cliente cadastrado a partir da conta.' : 'Cliente de faturamento definido.');
  });

  const generate = useAction(async (kind: GenerateKind, contract: ContractOptions | null, confirmDuplicate: boolean) => {
    try {
      const result = await generateDocuments(opportunityId, kind, confirmDuplicate, contract);
      setPending(null);
      setContractFor(null);
      view.setData((v) => v && { ...v, documents: result.documents });
      toast.success(result.created.length === 1 ? `${result.created[0]!.kindLabel} nº ${result.created[0]!.number} gerado.` : `${result.created.length} documentos gerados.`);
    } catch (e) {
      const error = toApiError(e);
      if (error.code === 'already_generated' && !confirmDuplicate) {
        setContractFor(null);
        setPending({ kind, contract, question: error.detail });
        return;
      }
      throw error;
    }
  });

  if (view.loading && !view.data) return <LoadingBlock />;
  if (!view.data) return <ErrorBanner error={view.error} onRetry={view.reload} />;
  const v = view.data;
  const customer = v.matchedCustomer;

  const start = (kind: GenerateKind) => {
    generate.setError(null);
    if (kind === 'contract' || kind === 'all') setContractFor(kind);
    else void generate.run(kind, null, false);
  };

  const columns: Column<GeneratedDocument>[] = [
    {
      key: 'document',
      header: 'Documento',
      render: (d) => {
        const to = documentPath(d);
        const text = `${d.kindLabel} nº ${d.number}`;
        return to ? (
          <a class="cell-primary" href={href(to)}>
            {text}
          </a>
        ) : (
          text
        );
      },
    },
    { key: 'createdAt', header: 'Gerado em', render: (d) => formatDate(d.createdAt) },
    { key: 'customer', header: 'Cliente', render: (d) => d.customerName },
    { key: 'status', header: 'Status', render: (d) => d.statusLabel || d.status },
    { key: 'total', header: 'Total', align: 'end', render: (d) => <span class="nowrap">{formatMoney(d.total)}</span> },
  ];

  return (
    <div class="stack">
      <section class="card" aria-label="Cliente de faturamento">
        <h2 class="panel-title">Cliente de faturamento</h2>
        <ErrorBanner error={choose.error} onDismiss={() => choose.setError(null)} />
        {customer ? (
          <p>
            <a class="cell-primary" href={href(`/clientes/${encodeURIComponent(customer.id)}`)}>
              {customer.tradeName || customer.legalName}
            </a>{' '}
            <span class="cell-secondary">
              {customer.taxIdFormatted || maskTaxId(customer.taxId)} · {CUSTOMER_SOURCE_LABELS[customer.source] ?? customer.source}
            </span>
          </p>
        ) : (
          <>
            <p class="muted">
              {v.account
                ? `Conta ${v.account.name}${v.account.taxIdFormatted ? ` · CNPJ/CPF ${v.account.taxIdFormatted}` : ' · sem CNPJ/CPF'}: nenhum cliente de faturamento definido.`
                : 'A oportunidade não tem conta vinculada.'}
            </p>
            {canWrite && v.account && (
              <div class="form-actions form-actions-start">
                <Button variant="secondary" onClick={() => void choose.run('match')} busy={choose.busy} disabled={!v.account.taxId}>
                  Buscar pelo CNPJ/CPF da conta
                </Button>
                {v.canCreateFromAccount && (
                  <Button variant="secondary" onClick={() => void choose.run('create-from-account')} busy={choose.busy}>
                    Cadastrar cliente a partir da conta
                  </Button>
                )}
              </div>
            )}
          </>
        )}
        {canWrite && (
          <div class="form-row">
            <LookupField label={customer ? 'Trocar o cliente de faturamento' : 'Buscar um cliente cadastrado'} value={picked} onValue={setPicked} search={searchCustomers} />
            <div>
              <Button variant="secondary" onClick={() => void choose.run('pick')} disabled={!picked} busy={choose.busy}>
                Usar este cliente
              </Button>
            </div>
          </div>
        )}
      </section>
      <section class="card" aria-label="Gerar documentos">
        <h2 class="panel-title">Gerar documentos</h2>
        <p class="muted">A partir do ticket ({formatMoney(v.ticketTotal)}): a ordem de serviço e o contrato levam os serviços; o pedido de venda, todos os itens.</p>
        {!customer && <Notice tone="info">Defina o cliente de faturamento para gerar documentos.</Notice>}
        <ErrorBanner error={pending || contractFor ? null : generate.error} onDismiss={() => generate.setError(null)} />
        {canWrite && (
          <div class="form-actions form-actions-start">
            {(['service-order', 'sales-order', 'contract', 'all'] as const).map((kind) => (
              <Button key={kind} variant={kind === 'all' ? 'primary' : 'secondary'} disabled={!customer || generate.busy} busy={generate.busy && !pending && !contractFor} onClick={() => start(kind)}>
                {GENERATE_LABELS[kind]}
              </Button>
            ))}
          </div>
        )}
      </section>
      <section aria-label="Documentos gerados">
        <h2 class="panel-title">Documentos gerados</h2>
        {v.documents.length === 0 ? (
          <EmptyState title="Nenhum documento gerado">Os documentos gerados por esta oportunidade aparecem aqui, com o status atual.</EmptyState>
        ) : (
          <Table caption="Documentos gerados pela oportunidade" columns={columns} rows={v.documents} rowKey={(d) => `${d.kind}-${d.id}`} />
        )}
      </section>
      {contractFor && (
        <ContractOptionsDialog
          kind={contractFor}
          defaultTitle={opportunityTitle}
          busy={generate.busy}
          error={generate.error}
          onClose={() => setContractFor(null)}
          onGenerate={(options) => void generate.run(contractFor, options, false)}
        />
      )}
      <ConfirmDialog
        open={pending !== null}
        title="Gerar novamente?"
        message={<p>{pending?.question}</p>}
        confirmLabel="Gerar novamente"
        cancelLabel="Voltar"
        destructive={false}
        busy={generate.busy}
        error={generate.error}
        onConfirm={() => pending && void generate.run(pending.kind, pending.contract, true)}
        onCancel={() => setPending(null)}
      />
    </div>
  );
}

function ContractOptionsDialog({
  kind,
  defaultTitle,
  busy,
  error,
  onClose,
  onGenerate,
}: {
  kind: GenerateKind;
  defaultTitle: string;
  busy: boolean;
  error: ApiError | null;
  onClose: () => void;
  onGenerate: (options: ContractOptions) => void;
}) {
  const [title, setTitle] = useState(defaultTitle);
  const [startDate, setStartDate] = useState<string | null>(todayIso());
  const [recurrence, setRecurrence] = useState('monthly');
  return (
    <Modal
      open
      title={kind === 'all' ? 'Gerar todos os documentos' : 'Gerar contrato de serviço'}
      onClose={onClose}
      busy={busy}
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={busy}>
            Cancelar
          </Button>
          <Button busy={busy} onClick={() => onGenerate({ title: title.trim() || null, startDate, recurrence })}>
            {GENERATE_LABELS[kind]}
          </Button>
        </>
      }
    >
      <ErrorBanner error={error} />
      <div class="form">
        {kind === 'all' && <p>Serão gerados a ordem de serviço, o pedido de venda e o contrato de serviço.</p>}
        <TextField label="Título do contrato" name="contractTitle" value={title} maxLength={200} onValue={setTitle} />
        <DateField label="Início do contrato" name="contractStart" value={startDate} onValue={setStartDate} />
        <SelectField label="Recorrência" name="contractRecurrence" value={recurrence} options={RECURRENCE_OPTIONS} onValue={setRecurrence} />
      </div>
    </Modal>
  );
}
