import { useResource } from '../app/hooks';
import { href, navigate } from '../app/router';
import { PageHeader } from '../layout/PageHeader';
import { Button } from '../ui/Button';
import { ErrorBanner } from '../ui/ErrorBanner';
import { LoadingBlock } from '../ui/Spinner';
import { downloadOrderAttachment, uploadSignedContract } from './attachments';
import { approveOrder, getOrder } from './customerAreaApi';
import { OrderView } from './OrderView';
import { customerAreaPath } from './session';

/** One order ("Visualizar") with "Retornar" to the list and "Painel" to the dashboard. */
export function CustomerOrderPage({ slug, id }: { slug: string; id: string }) {
  const order = useResource((signal) => getOrder(slug, id, signal), [slug, id]);
  const navigation = (
    <>
      <Button variant="secondary" onClick={() => navigate(customerAreaPath(slug, 'pedidos'))}>
        Retornar
      </Button>
      <Button variant="ghost" onClick={() => navigate(customerAreaPath(slug))}>
        Painel
      </Button>
    </>
  );

  if (order.loading && !order.data) return <LoadingBlock />;
  if (!order.data) {
    return (
      <>
        <PageHeader title="Pedido" />
        <ErrorBanner error={order.error} onRetry={order.reload} />
        <p>
          <a href={href(customerAreaPath(slug, 'pedidos'))}>← Voltar para os pedidos</a>
        </p>
      </>
    );
  }
  const o = order.data;
  return (
    <>
      <PageHeader title={`Pedido nº ${o.number}`} />
      <ErrorBanner error={order.error} onRetry={order.reload} />
      <OrderView
        order={o}
        navigation={navigation}
        actions={{
          download: (kind) => downloadOrderAttachment(slug, id, kind),
          upload: async (file, onProgress) => {
            await uploadSignedContract(slug, id, file, onProgress);
            order.reload();
          },
          approve: async () => {
            await approveOrder(slug, id);
            order.reload();
          },
        }}
      />
    </>
  );
}
