import { useResource } from '../app/hooks';
import { href } from '../app/router';
import { formatMoney } from '../format';
import { AuthLayout } from '../layout/AuthLayout';
import { PageHeader } from '../layout/PageHeader';
import { ErrorBanner } from '../ui/ErrorBanner';
import { LoadingBlock } from '../ui/Spinner';
import { ToastRegion } from '../ui/Toast';
import { downloadLinkAttachment, uploadLinkSignedContract } from './attachments';
import { approveProposalLink, getProposalLink } from './customerAreaApi';
import { statusCode } from './orderRules';
import { OrderView } from './OrderView';
import { customerAreaPath } from './session';

/**
 * The e-mailed approval link "#/cliente/<slug>/proposta?token=…": no login, the token opens this
 * one proposal. After approval only the result is shown; an expired, used or altered link gets a
 * page that says so and never shows anything else.
 */
export function ProposalLinkPage({ slug, query }: { slug: string; query: URLSearchParams }) {
  const token = query.get('token') ?? '';
  const link = useResource((signal) => (token ? getProposalLink(slug, token, signal) : Promise.resolve(null)), [slug, token]);
  const login = customerAreaPath(slug, 'entrar');

  if (!token) return <InvalidLink slug={slug} reason="O endereço não contém o código da proposta. Abra o link exatamente como chegou no seu e-mail." />;
  if (link.loading && !link.data) {
    return (
      <AuthLayout title="Proposta">
        <LoadingBlock label="Abrindo a proposta…" />
      </AuthLayout>
    );
  }
  if (!link.data) {
    const error = link.error;
    if (error && (error.status === 404 || error.status === 410)) {
      // The 410 detail names the expiry date and says what to do; a 404 gets one fixed text so a
      // guessed token learns nothing.
      const reason =
        error.status === 410
          ? error.detail
          : 'Este link de proposta não é válido: ele pode ter sido copiado pela metade ou substituído por um link mais recente. Peça à empresa que envie um novo link.';
      return <InvalidLink slug={slug} title={error.status === 410 ? 'Link expirado' : 'Link inválido'} reason={reason} />;
    }
    return (
      <AuthLayout title="Proposta">
        <ErrorBanner error={error} onRetry={link.reload} />
      </AuthLayout>
    );
  }

  const order = link.data;
  if (order.linkApproved || statusCode(order) !== 'proposta') {
    // After approval (or once the company moved on) the link shows the result only.
    const approved = order.linkApproved || statusCode(order) === 'aprovado' || Boolean(order.approval?.approvedAt);
    return (
      <AuthLayout title={approved ? 'Proposta aprovada' : 'Proposta encerrada'}>
        <p>
          {approved
            ? `A proposta nº ${order.number}, no total de ${formatMoney(order.total)}, foi aprovada. A empresa já foi avisada e o pedido aguarda faturamento.`
            : `A proposta nº ${order.number} não está mais aberta para aprovação por este link.`}
        </p>
        <p class="muted">Para acompanhar seus pedidos, entre na área do cliente.</p>
        <a class="btn btn-secondary btn-block" href={href(login)}>
          Ir para a área do cliente
        </a>
      </AuthLayout>
    );
  }

  return (
    <div class="shell customer-shell">
      <main id="conteudo" class="main customer-main" tabIndex={-1}>
        <PageHeader title={`Proposta nº ${order.number}`} description={order.tenantName ? `Enviada por ${order.tenantName}. Confira os itens, as condições e os anexos antes de aprovar.` : 'Confira os itens, as condições e os anexos antes de aprovar.'} />
        <ErrorBanner error={link.error} onRetry={link.reload} />
        <OrderView
          order={order}
          actions={{
            download: (kind) => downloadLinkAttachment(token, kind),
            upload: async (file, onProgress) => {
              await uploadLinkSignedContract(token, file, onProgress);
              link.reload();
            },
            approve: async () => {
              await approveProposalLink(slug, token);
              link.reload();
            },
          }}
        />
      </main>
      <ToastRegion />
    </div>
  );
}

function InvalidLink({ slug, reason, title = 'Link inválido' }: { slug: string; reason: string; title?: string }) {
  return (
    <AuthLayout title={title}>
      <p>{reason}</p>
      <a class="btn btn-secondary btn-block" href={href(customerAreaPath(slug, 'entrar'))}>
        Ir para a área do cliente
      </a>
    </AuthLayout>
  );
}
