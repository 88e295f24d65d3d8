import { useState } from 'preact/hooks';
import { useAction, useResource } from '../app/hooks';
import { href } from '../app/router';
import { formatDecimalBR, parseDecimalBR } from '../format/lineMath';
import { StatusBadge } from '../ui/Badge';
import { Button } from '../ui/Button';
import { ErrorBanner } from '../ui/ErrorBanner';
import { LoadingBlock } from '../ui/Spinner';
import { Modal } from '../ui/Modal';
import { Table, type Column } from '../ui/Table';
import { toast } from '../ui/Toast';
import { SALES_ORDER_STATUS } from '../salesOrders/salesOrdersApi';
import { formatDate } from '../format/date';
import { formatMoney } from '../format/money';
import { billOrder, blockedItemsOf, isCancelled, blockedReason, getOrderBilling, readBillingQuantities, type BillingItem, type BillingQuantities, type Invoice } from './billingApi';

export interface OrderStatusDialogProps {
  open: boolean;
  orderId: string;
  orderNumber: number;
  /** The signed-in user may issue invoices (finance, admin). */
  canBill: boolean;
  onClose: () => void;
  /** After an invoice was issued: the order's billed quantities and status changed. */
  onBilled: (invoice: Invoice) => void;
}

/**
 * "Clicar sobre o status do pedido" (Centrium): per item the quantity, the tasks completed, what was billed and what
 * can be billed now, with full or partial billing. A refusal (409 billing_blocked) lists each blocked item's reason.
 */
export function OrderStatusDialog({ open, orderId, orderNumber, canBill, onClose, onBilled }: OrderStatusDialogProps) {
  const view = useResource((signal) => (open ? getOrderBilling(orderId, signal) : Promise.resolve(undefined)), [open, orderId]);
  const [partial, setPartial] = useState(false);
  const [typed, setTyped] = useState<BillingQuantities>({});
  const [formErrors, setFormErrors] = useState<Record<string, string>>({});

  const bill = useAction(async (items: { itemId: string; quantity: number }[] | null) => {
    const invoice = await billOrder(orderId, items);
    toast.success(invoice.number ? `Nota fiscal nº ${invoice.number} emitida.` : 'Nota fiscal emitida.');
    setPartial(false);
    setTyped({});
    view.reload();
    onBilled(invoice);
  });
  const blocked = blockedItemsOf(bill.error);

  const data = view.data;
  const billable = data?.canBill ?? false;
  const anythingBillable = data ? data.items.some((i) => i.billableNow > 0) : false;

  const submitPartial = (e: Event) => {
    e.preventDefault();
    if (!data) return;
    const read = readBillingQuantities(data, typed, parseDecimalBR);
    setFormErrors(read.errors);
    if (Object.keys(read.errors).length === 0) void bill.run(read.items);
  };

  const columns: Column<BillingItem>[] = [
    { key: 'description', header: 'Item', render: (i) => <span class="cell-primary">{i.description}</span> },
    { key: 'quantity', header: 'Quantidade', align: 'end', render: (i) => formatDecimalBR(i.quantity) },
    {
      key: 'tasks',
      header: 'Tarefas concluídas',
      align: 'end',
      render: (i) => (i.tasksGenerated > 0 ? `${formatDecimalBR(i.completedTasks)} de ${formatDecimalBR(i.tasksGenerated)}` : '—'),
    },
    { key: 'billed', header: 'Faturado', align: 'end', render: (i) => formatDecimalBR(i.billedQuantity) },
    { key: 'billable', header: 'Faturável agora', align: 'end', render: (i) => <strong>{formatDecimalBR(i.billableNow)}</strong> },
  ];
  if (partial) {
    columns.push({
      key: 'bill',
      header: 'Faturar agora',
      align: 'end',
      render: (i) => {
        const remaining = Math.max(0, i.quantity - i.billedQuantity);
        const typedValue = parseDecimalBR(typed[i.itemId] ?? '');
        const over = typedValue !== null && typedValue > i.billableNow;
        const errorId = `bill-${i.itemId}-error`;
        return (
          <div class="field">
            <label class="visually-hidden" for={`bill-${i.itemId}`}>
              Quantidade a faturar de {i.description}
            </label>
            <input
              id={`bill-${i.itemId}`}
              class="input input-sm qty-input"
              inputMode="decimal"
              value={typed[i.itemId] ?? ''}
              disabled={remaining === 0}
              aria-invalid={formErrors[i.itemId] ? true : undefined}
              aria-describedby={formErrors[i.itemId] || over ? errorId : undefined}
              onInput={(e) => {
                const value = e.currentTarget.value;
                setTyped((t) => ({ ...t, [i.itemId]: value }));
                setFormErrors(({ [i.itemId]: _gone, _form: _f, ...rest }) => rest);
              }}
            />
            {(formErrors[i.itemId] || over) && (
              <div id={errorId} class={formErrors[i.itemId] ? 'field-error' : 'field-hint'}>
                {formErrors[i.itemId] ?? `Acima do faturável agora (${formatDecimalBR(i.billableNow)}).`}
              </div>
            )}
          </div>
        );
      },
    });
  }

  return (
    <Modal
      open={open}
      title={`Situação do pedido nº ${orderNumber}`}
      onClose={onClose}
      size="lg"
      busy={bill.busy}
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={bill.busy}>
            Fechar
          </Button>
          {canBill && billable && !partial && (
            <>
              <Button variant="secondary" onClick={() => setPartial(true)} disabled={!anythingBillable}>
                Faturamento parcial
              </Button>
              <Button onClick={() => void bill.run(null)} busy={bill.busy} disabled={!anythingBillable}>
                Faturar tudo
              </Button>
            </>
          )}
          {canBill && partial && (
            <>
              <Button variant="secondary" onClick={() => setPartial(false)} disabled={bill.busy}>
                Voltar
              </Button>
              <Button type="submit" form="partial-billing-form" busy={bill.busy}>
                Faturar quantidades
              </Button>
            </>
          )}
        </>
      }
    >
      {view.loading && !data ? (
        <LoadingBlock />
      ) : !data ? (
        <ErrorBanner error={view.error} onRetry={view.reload} />
      ) : (
        <>
          <p class="header-meta">
            Status: <StatusBadge status={data.status} styles={SALES_ORDER_STATUS} />
          </p>
          {blocked.length > 0 ? (
            <div class="alert alert-danger" role="alert">
              <div class="alert-body">
                <p class="alert-title">Faturamento bloqueado</p>
                <p>{bill.error?.detail}</p>
                <ul class="blocked-list">
                  {blocked.map((b) => (
                    <li key={b.itemId || b.description}>{blockedReason(b, formatDecimalBR)}</li>
                  ))}
                </ul>
              </div>
            </div>
          ) : (
            <ErrorBanner error={bill.error} onDismiss={() => bill.setError(null)} />
          )}
          {!billable && <p class="muted">Só pedidos confirmados (status Pedido) podem ser faturados.</p>}
          {billable && !anythingBillable && <p class="muted">Nada a faturar agora: conclua as tarefas dos itens para liberar o faturamento.</p>}
          <form id="partial-billing-form" class="billing-status" noValidate onSubmit={submitPartial}>
            <Table caption={`Itens do pedido nº ${orderNumber}`} columns={columns} rows={data.items} rowKey={(i) => i.itemId} empty="O pedido não tem itens." />
            {formErrors['_form'] && (
              <p class="field-error" role="alert">
                {formErrors['_form']}
              </p>
            )}
          </form>
          {data.invoices.length > 0 && (
            <>
              <h3 class="panel-title section-gap">Notas emitidas</h3>
              <ul>
                {data.invoices.map((n) => (
                  <li key={n.id}>
                    <a href={href(`/notas/${encodeURIComponent(n.id)}`)}>NFS-e nº {n.number}</a> · {formatDate(n.issuedAt)} · {formatMoney(n.total)}
                    {isCancelled(n) ? ' · cancelada' : ''}
                  </li>
                ))}
              </ul>
            </>
          )}
          <p class="small">
            <a href={href('/notas', { pedido: orderId })}>Ver notas fiscais deste pedido</a> · <a href={href('/tarefas', { pedido: orderId, situacao: 'todas' })}>Ver tarefas do pedido</a>
          </p>
        </>
      )}
    </Modal>
  );
}
