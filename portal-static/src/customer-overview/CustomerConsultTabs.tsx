import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { useResource } from '../app/hooks';
import { formatDate, formatMoney, todayIso } from '../format';
import { Badge, StatusBadge, type StatusStyle } from '../ui/Badge';
import { Button } from '../ui/Button';
import { EmptyState } from '../ui/EmptyState';
import { ErrorBanner } from '../ui/ErrorBanner';
import { LoadingBlock } from '../ui/Spinner';
import { Table } from '../ui/Table';
import {
  INVOICE_STATUS,
  ORDER_STATUS,
  QUOTE_STATUS,
  fillMonths,
  getCustomerOverview,
  monthLabel,
  statusKey,
  stylesFor,
  type CustomerOverview,
  type MonthlySales,
  type OverviewDocument,
  type OverviewReceivable,
} from './customerOverviewApi';
import './customerOverview.css';

/** The customer page's consult tabs (Gescor): one overview answer feeds the five of them. */
export const CONSULT_TABS = [
  { id: 'orcamentos', label: 'Orçamentos' },
  { id: 'pedidos', label: 'Pedidos' },
  { id: 'notas-fiscais', label: 'Notas fiscais' },
  { id: 'historico-vendas', label: 'Histórico de vendas' },
  { id: 'contas-a-receber', label: 'Contas a receber' },
] as const;

export type ConsultTabId = (typeof CONSULT_TABS)[number]['id'];

export function consultTabs(customerId: string) {
  return CONSULT_TABS.map((t) => ({ id: t.id, label: t.label, panel: () => <ConsultPanel customerId={customerId} tab={t.id} /> }));
}

export function ConsultPanel({ customerId, tab }: { customerId: string; tab: ConsultTabId }) {
  const [fresh, setFresh] = useState(0);
  const overview = useResource(() => getCustomerOverview(customerId, fresh > 0), [customerId, fresh]);
  const title = CONSULT_TABS.find((t) => t.id === tab)!.label;
  return (
    <section aria-label={`${title} do cliente`}>
      <div class="panel-header">
        <h2 class="panel-title">{title}</h2>
        <Button size="sm" variant="secondary" busy={overview.loading && Boolean(overview.data)} onClick={() => setFresh((n) => n + 1)}>
          Atualizar
        </Button>
      </div>
      <ErrorBanner error={overview.error} onRetry={() => setFresh((n) => n + 1)} />
      {overview.loading && !overview.data ? <LoadingBlock /> : overview.data ? <ConsultContent overview={overview.data} tab={tab} /> : null}
    </section>
  );
}

function ConsultContent({ overview, tab }: { overview: CustomerOverview; tab: ConsultTabId }) {
  switch (tab) {
    case 'orcamentos':
      return <Documents rows={overview.quotes} caption="Últimos orçamentos" noun="Orçamento" statuses={QUOTE_STATUS} empty="Nenhum orçamento para este cliente." />;
    case 'pedidos':
      return <Documents rows={overview.orders} caption="Últimos pedidos de venda" noun="Pedido" statuses={ORDER_STATUS} empty="Nenhum pedido de venda para este cliente." />;
    case 'notas-fiscais':
      return <Documents rows={overview.invoices} caption="Últimas notas fiscais" noun="Nota" statuses={INVOICE_STATUS} empty="Nenhuma nota fiscal emitida para este cliente." />;
    case 'historico-vendas':
      return <SalesHistory history={overview.salesHistory} />;
    case 'contas-a-receber':
      return <Receivables overview={overview} />;
  }
}

function Documents({ rows, caption, noun, statuses, empty }: { rows: OverviewDocument[]; caption: string; noun: string; statuses: Record<string, StatusStyle>; empty: string }) {
  if (rows.length === 0) return <EmptyState title={empty} />;
  return (
    <>
      <p class="muted small">Os {rows.length} mais recentes.</p>
      <Table<OverviewDocument>
        caption={caption}
        rows={rows}
        rowKey={(d) => d.id}
        columns={[
          { key: 'number', header: 'Número', render: (d) => <span class="cell-primary">{`${noun} nº ${d.number}`}</span> },
          { key: 'date', header: 'Data', render: (d) => formatDate(d.date) },
          { key: 'status', header: 'Situação', render: (d) => <StatusBadge status={statusKey(d.status)} styles={stylesFor(statuses, d.status)} /> },
          { key: 'total', header: 'Total', align: 'end', render: (d) => formatMoney(d.total) },
        ]}
      />
    </>
  );
}

function SalesHistory({ history }: { history: MonthlySales[] }) {
  const months = fillMonths(history, todayIso().slice(0, 7));
  const total = months.reduce((sum, m) => sum + m.total, 0);
  const invoices = months.reduce((sum, m) => sum + m.invoices, 0);
  if (invoices === 0) return <EmptyState title="Nenhuma venda faturada nos últimos 12 meses">As notas fiscais emitidas para o cliente somam aqui, mês a mês.</EmptyState>;
  const max = Math.max(...months.map((m) => m.total), 0.01);
  return (
    <>
      <dl class="consult-summary">
        <Summary label="Faturado em 12 meses" value={formatMoney(total)} />
        <Summary label="Notas fiscais" value={String(invoices)} />
        <Summary label="Média mensal" value={formatMoney(Math.round((total / 12) * 100) / 100)} />
      </dl>
      <Table<MonthlySales>
        caption="Vendas faturadas por mês"
        rows={months}
        rowKey={(m) => m.month}
        columns={[
          { key: 'month', header: 'Mês', render: (m) => monthLabel(m.month) },
          { key: 'invoices', header: 'Notas', align: 'end', render: (m) => String(m.invoices) },
          {
            key: 'bar',
            header: 'Proporção',
            headerHidden: true,
            render: (m) => (
              <span class="sales-bar" aria-hidden="true">
                <span class="sales-bar-fill" style={{ width: `${Math.round((m.total / max) * 100)}%` }} />
              </span>
            ),
          },
          { key: 'total', header: 'Total', align: 'end', render: (m) => formatMoney(m.total) },
        ]}
      />
    </>
  );
}

function Receivables({ overview }: { overview: CustomerOverview }) {
  const r = overview.receivables;
  if (r.openCount === 0 && r.items.length === 0) return <EmptyState title="Nada a receber deste cliente">Parcelas em aberto das notas fiscais aparecem aqui, com as vencidas em destaque.</EmptyState>;
  return (
    <>
      <dl class="consult-summary">
        <Summary label="Em aberto" value={`${formatMoney(r.openTotal)} (${r.openCount} ${r.openCount === 1 ? 'parcela' : 'parcelas'})`} />
        <Summary label="Vencido" value={`${formatMoney(r.overdueTotal)} (${r.overdueCount} ${r.overdueCount === 1 ? 'parcela' : 'parcelas'})`} tone={r.overdueCount > 0 ? 'danger' : undefined} />
      </dl>
      {r.items.length < r.openCount && <p class="muted small">Mostrando {r.items.length} de {r.openCount} parcelas em aberto.</p>}
      <Table<OverviewReceivable>
        caption="Parcelas em aberto"
        rows={r.items}
        rowKey={(i) => i.id}
        columns={[
          { key: 'invoice', header: 'Nota fiscal', render: (i) => `nº ${i.invoiceNumber}` },
          { key: 'installment', header: 'Parcela', render: (i) => `${i.installment}/${i.installmentCount}` },
          { key: 'dueDate', header: 'Vencimento', render: (i) => <span class={i.overdue ? 'text-danger' : undefined}>{formatDate(i.dueDate)}</span> },
          { key: 'status', header: 'Situação', render: (i) => (i.overdue ? <Badge tone="danger">Vencida</Badge> : <Badge tone="info">A vencer</Badge>) },
          { key: 'amount', header: 'Valor', align: 'end', render: (i) => formatMoney(i.amount) },
        ]}
      />
    </>
  );
}

function Summary({ label, value, tone }: { label: string; value: ComponentChildren; tone?: 'danger' | undefined }) {
  return (
    <div class="consult-summary-item">
      <dt>{label}</dt>
      <dd class={tone === 'danger' ? 'text-danger' : undefined}>{value}</dd>
    </div>
  );
}
