import { useState } from 'preact/hooks';
import { useAction, useFieldErrors } from '../app/hooks';
import { href, navigate, withQuery } from '../app/router';
import { usePagedList } from '../app/usePagedList';
import { useCanWrite } from '../auth/permissions';
import { searchCustomers } from '../customers/customersApi';
import { formatDate, todayIso } from '../format/date';
import { formatMoney } from '../format/money';
import { PageHeader } from '../layout/PageHeader';
import { StatusBadge } from '../ui/Badge';
import { Button } from '../ui/Button';
import { EmptyState } from '../ui/EmptyState';
import { ErrorBanner } from '../ui/ErrorBanner';
import { DateField, MoneyField, SelectField } from '../ui/Field';
import { LookupField } from '../ui/Lookup';
import { Modal } from '../ui/Modal';
import { Pagination } from '../ui/Pagination';
import { Table, type Column } from '../ui/Table';
import { toast } from '../ui/Toast';
import { RECEIVABLE_STATUS, RECEIVABLE_STATUS_OPTIONS, displayStatus, listReceivables, payReceivable, validatePayment, type Receivable } from './receivablesApi';

/** Contas a receber: by status, customer and due-date range; finance marks them as paid. */
export function ReceivablesPage({ query }: { query: URLSearchParams }) {
  const canPay = useCanWrite('receivables');
  const status = query.get('status') ?? 'open';
  const customerId = query.get('cliente') ?? '';
  const customerName = query.get('clienteNome') ?? '';
  const dueFrom = query.get('de');
  const dueTo = query.get('ate');
  const rangeError = dueFrom && dueTo && dueTo < dueFrom ? 'O vencimento final deve ser igual ou posterior ao inicial.' : null;
  const today = todayIso();
  const list = usePagedList<Receivable>(
    (args) =>
      listReceivables(args, {
        ...(status !== 'all' ? { status } : {}),
        ...(customerId ? { customerId } : {}),
        ...(dueFrom && !rangeError ? { dueFrom } : {}),
        ...(dueTo && !rangeError ? { dueTo } : {}),
      }),
    [status, customerId, rangeError ? null : dueFrom, rangeError ? null : dueTo],
  );
  const [paying, setPaying] = useState<Receivable | null>(null);
  const set = (patch: Record<string, string | null>) =>
    navigate(withQuery('/recebiveis', { status, cliente: customerId, clienteNome: customerName, de: dueFrom, ate: dueTo, ...patch }), { replace: true });

  const columns: Column<Receivable>[] = [
    { key: 'dueDate', header: 'Vencimento', render: (r) => <span class="nowrap">{formatDate(r.dueDate)}</span> },
    {
      key: 'customer',
      header: 'Cliente',
      render: (r) => (
        <>
          {r.customerName}
          <div class="cell-secondary">
            {r.invoiceId ? <a href={href(`/notas/${encodeURIComponent(r.invoiceId)}`)}>NFS-e nº {r.invoiceNumber ?? ''}</a> : null}
            {r.installmentNumber ? ` · parcela ${r.installmentNumber}${r.installmentCount ? `/${r.installmentCount}` : ''}` : ''}
          </div>
        </>
      ),
    },
    { key: 'status', header: 'Situação', render: (r) => <StatusBadge status={displayStatus(r, today)} styles={RECEIVABLE_STATUS} /> },
    {
      key: 'amount',
      header: 'Valor',
      align: 'end',
      render: (r) => (
        <>
          <span class="nowrap">{formatMoney(r.amount)}</span>
          {r.status === 'paid' && r.paidOn && (
            <div class="cell-secondary nowrap">
              Pago em {formatDate(r.paidOn)}
              {r.paidAmount != null && r.paidAmount !== r.amount ? ` (${formatMoney(r.paidAmount)})` : ''}
            </div>
          )}
        </>
      ),
    },
  ];
  if (canPay) {
    columns.push({
      key: 'actions',
      header: 'Ações',
      headerHidden: true,
      align: 'end',
      render: (r) =>
        r.status === 'open' ? (
          <Button size="sm" variant="secondary" onClick={() => setPaying(r)} aria-label={`Marcar como pago: ${r.customerName}, ${formatMoney(r.amount)} em ${formatDate(r.dueDate)}`}>
            Marcar como pago
          </Button>
        ) : null,
    });
  }

  return (
    <>
      <PageHeader title="Recebíveis" description="Parcelas a receber das notas emitidas." />
      <div class="toolbar" role="search" aria-label="Filtros dos recebíveis">
        <SelectField label="Situação" class="toolbar-field" value={status} options={[...RECEIVABLE_STATUS_OPTIONS, { value: 'all', label: 'Todos' }]} onValue={(v) => set({ status: v })} />
        <LookupField
          label="Cliente"
          class="toolbar-field"
          value={customerId ? { id: customerId, label: customerName || 'Cliente' } : null}
          onValue={(c) => set({ cliente: c?.id ?? null, clienteNome: c?.label ?? null })}
          search={searchCustomers}
          placeholder="Todos os clientes"
        />
        <DateField label="Vencimento de" class="toolbar-field" value={dueFrom} onValue={(v) => set({ de: v })} />
        <DateField label="Vencimento até" class="toolbar-field" value={dueTo} onValue={(v) => set({ ate: v })} error={rangeError} />
      </div>
      <ErrorBanner error={list.error} onRetry={list.reload} />
      {!list.loading && !list.error && list.items.length === 0 && status === 'open' && !customerId && !dueFrom && !dueTo ? (
        <EmptyState title="Nada a receber">As parcelas aparecem aqui quando uma nota fiscal é emitida, conforme a condição de pagamento do pedido.</EmptyState>
      ) : (
        <>
          <Table caption="Recebíveis" columns={columns} rows={list.items} rowKey={(r) => r.id} loading={list.loading} empty="Nenhum recebível com estes filtros." />
          <Pagination shown={list.items.length} hasMore={list.hasMore} loading={list.loadingMore} onLoadMore={list.loadMore} pageSize={list.pageSize} onPageSizeChange={list.setPageSize} />
        </>
      )}
      {paying && (
        <PayDialog
          receivable={paying}
          today={today}
          onClose={() => setPaying(null)}
          onPaid={() => {
            setPaying(null);
            list.reload();
          }}
        />
      )}
    </>
  );
}

function PayDialog({ receivable, today, onClose, onPaid }: { receivable: Receivable; today: string; onClose: () => void; onPaid: () => void }) {
  const [date, setDate] = useState<string | null>(today);
  const [amount, setAmount] = useState<number | null>(receivable.amount);
  const pay = useAction(async () => {
    await payReceivable(receivable.id, { paidOn: date!, amount: amount! }, receivable.etag);
    toast.success('Recebível marcado como pago.');
    onPaid();
  });
  const server = useFieldErrors(pay.error);
  // The API names the payment date paidOn; the form's field is "date".
  const errors: Record<string, string> = { ...server.errors };
  if (errors['paidOn'] && !errors['date']) errors['date'] = errors['paidOn'];
  const fields = { ...server, errors };
  const submit = (e: Event) => {
    e.preventDefault();
    const errors = validatePayment({ date, amount }, today);
    fields.setClientErrors(errors);
    if (Object.keys(errors).length === 0) void pay.run();
  };
  return (
    <Modal
      open
      title="Marcar como pago"
      onClose={onClose}
      busy={pay.busy}
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={pay.busy}>
            Cancelar
          </Button>
          <Button type="submit" form="pay-form" busy={pay.busy}>
            Marcar como pago
          </Button>
        </>
      }
    >
      <ErrorBanner error={pay.error} fieldNames={['date', 'paidOn', 'amount']} />
      <form id="pay-form" class="form" noValidate onSubmit={submit}>
        <p>
          {receivable.customerName}: {formatMoney(receivable.amount)} com vencimento em {formatDate(receivable.dueDate)}.
        </p>
        <DateField
          label="Data do pagamento"
          name="date"
          value={date}
          onValue={(v) => {
            setDate(v);
            fields.clear('date');
          }}
          error={fields.errors['date']}
          required
        />
        <MoneyField
          label="Valor pago"
          name="amount"
          value={amount}
          onValue={(v) => {
            setAmount(v);
            fields.clear('amount');
          }}
          error={fields.errors['amount']}
          required
        />
      </form>
    </Modal>
  );
}
