import { href } from '../app/router';
import { formatDate } from '../format/date';
import { formatMoney } from '../format/money';
import { documentTotals } from '../format/lineMath';
import { StatusBadge } from '../ui/Badge';
import { Table, type Column } from '../ui/Table';
import { CONTRACT_STATUS, RECURRENCE_LABELS, type Contract } from './contractsApi';

/** The contract's value: the server's total, or the sum of its lines computed the same way. */
export function contractTotal(c: Contract): number {
  return c.total ?? documentTotals(c.items ?? []).total;
}

export function ContractsTable({ rows, loading, showCustomer = true, empty }: { rows: Contract[]; loading: boolean; showCustomer?: boolean; empty?: string }) {
  const columns: Column<Contract>[] = [
    {
      key: 'number',
      header: 'Nº',
      render: (c) => (
        <a class="cell-primary" href={href(`/contratos/${encodeURIComponent(c.id)}`)}>
          {c.number}
        </a>
      ),
    },
    { key: 'title', header: 'Contrato', render: (c) => c.title },
    ...(showCustomer ? [{ key: 'customer', header: 'Cliente', render: (c: Contract) => c.customerName }] : []),
    { key: 'period', header: 'Vigência', render: (c) => <span class="nowrap">{formatDate(c.startDate)}{c.endDate ? ` a ${formatDate(c.endDate)}` : ' (sem fim)'}</span> },
    { key: 'recurrence', header: 'Recorrência', render: (c) => RECURRENCE_LABELS[c.recurrence] ?? c.recurrence },
    { key: 'total', header: 'Valor', align: 'end', render: (c) => <span class="nowrap">{formatMoney(contractTotal(c))}</span> },
    { key: 'status', header: 'Situação', render: (c) => <StatusBadge status={c.status} styles={CONTRACT_STATUS} /> },
  ];
  return <Table caption="Contratos" columns={columns} rows={rows} rowKey={(c) => c.id} loading={loading} empty={empty ?? 'Nenhum contrato encontrado.'} />;
}
