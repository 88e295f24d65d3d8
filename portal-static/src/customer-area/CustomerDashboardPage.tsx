import { useStore } from '../app/store';
import { PageHeader } from '../layout/PageHeader';
import { customerSession } from './session';

export function CustomerDashboardPage({ slug }: { slug: string }) {
  const session = useStore(customerSession(slug));
  if (!session) return null;
  const { customer } = session;
  return (
    <>
      <PageHeader title="Painel" description={`Olá, ${firstName(customer.contactName)}! Esta é a sua área de cliente na ${customer.tenantName}.`} />
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

function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}
