import { useResource } from '../app/hooks';
import { href } from '../app/router';
import { useStore } from '../app/store';
import { formatDate, formatMoney } from '../format';
import { PageHeader } from '../layout/PageHeader';
import { StatusBadge } from '../ui/Badge';
import { EmptyState } from '../ui/EmptyState';
import { ErrorBanner, Notice } from '../ui/ErrorBanner';
import { LoadingBlock } from '../ui/Spinner';
import { getDashboard, type OrderSummary } from './customerAreaApi';
import { statusCode, statusStyles } from './orderRules';
import { customerAreaPath, customerSession } from './session';
import './customerArea.css';

/** "Painel": the latest orders with status, total and each installment (oGestor's "Últimos pedidos"). */
export function CustomerDashboardPage({ slug }: { slug: string }) {
  const session = useStore(customerSession(slug));
  const latest = useResource((signal) => getDashboard(slug, signal), [slug]);
  if (!session) return null;
  const { customer } = session;
  const ordersPath = customerAreaPath(slug, 'pedidos');
  return (
    <>
      <PageHeader title="Painel" description={`Olá, ${firstName(customer.contactName)}! Esta é a sua área de cliente na ${customer.tenantName}.`} />
      <section class="stack" aria-labelledby="latest-orders-title">
        <div class="panel-header">
          <h2 id="latest-orders-title" class="panel-title">
            Últimos pedidos
          </h2>
          <a class="btn btn-secondary btn-sm" href={href(ordersPath)}>
            Ver todos os pedidos
          </a>
        </div>
        <ErrorBanner error={latest.error} onRetry={latest.reload} />
        {latest.data && latest.data.openProposals > 0 && (
          <Notice tone="info">
            {latest.data.openProposals === 1 ? 'Você tem 1 proposta aguardando sua aprovação.' : `Você tem ${latest.data.openProposals} propostas aguardando sua aprovação.`}{' '}
            <a href={href(ordersPath, { situacao: 'Proposta' })}>Ver propostas</a>
          </Notice>
        )}
        {latest.loading && !latest.data ? (
          <LoadingBlock />
        ) : latest.data && latest.data.latestOrders.length === 0 ? (
          <EmptyState title="Nenhum pedido ainda">Quando a {customer.tenantName} enviar uma proposta ou registrar um pedido para você, ele aparece aqui.</EmptyState>
        ) : (
          <ul class="card-grid latest-orders">
            {(latest.data?.latestOrders ?? []).map((o) => (
              <LatestOrderCard key={o.id} order={o} slug={slug} />
            ))}
          </ul>
        )}
      </section>
      <section class="card" aria-labelledby="customer-account-title">
        <h2 id="customer-account-title" class="card-title">
          Seu acesso
        </h2>
        <dl class="details">
          <div>
            <dt>Cliente</dt>
            <dd>{customer.customerName}</dd>
          </div>
          <div>
            <dt>Contato</dt>
            <dd>{customer.contactName}</dd>
          </div>
          <div>
            <dt>Atendido por</dt>
            <dd>{customer.tenantName}</dd>
          </div>
        </dl>
      </section>
    </>
  );
}

function LatestOrderCard({ order, slug }: { order: OrderSummary; slug: string }) {
  const installments = order.installments ?? [];
  return (
    <li class="card latest-order">
      <h3 class="card-title">
        Pedido nº {order.number} <StatusBadge status={statusCode(order)} styles={statusStyles(order)} />
      </h3>
      <dl class="details">
        <div>
          <dt>Data</dt>
          <dd>{formatDate(order.date)}</dd>
        </div>
        <div>
          <dt>Valor total</dt>
          <dd>
            <strong>{formatMoney(order.total)}</strong>
          </dd>
        </div>
      </dl>
      {installments.length > 0 && (
        <ul class="installment-list" aria-label={`Parcelas do pedido ${order.number}`}>
          {installments.map((i) => (
            <li key={i.number}>
              {i.number}/{installments.length}: {formatMoney(i.amount)} — vence em {formatDate(i.dueDate)}
            </li>
          ))}
        </ul>
      )}
      <a class="btn btn-primary btn-sm" href={href(customerAreaPath(slug, `pedidos/${encodeURIComponent(order.id)}`))} aria-label={`Acessar o pedido ${order.number}`}>
        Acessar
      </a>
    </li>
  );
}

function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}
