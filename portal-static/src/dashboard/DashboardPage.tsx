import { href } from '../app/router';
import { useStore } from '../app/store';
import { roleLabel } from '../auth/roles';
import { staffSession } from '../auth/session';
import { customerAreaPath } from '../customer-area/session';
import { PageHeader } from '../layout/PageHeader';
import { Button } from '../ui/Button';
import { toast } from '../ui/Toast';

/** Staff home: who is signed in, the company, and the address to give customers. */
export function DashboardPage() {
  const session = useStore(staffSession);
  if (!session) return null;
  const { user } = session;
  const customerAreaUrl = `${location.origin}${location.pathname}#${customerAreaPath(user.tenantSlug, 'entrar')}`;
  const isAdmin = user.roles.includes('admin');

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(customerAreaUrl);
      toast.success('Endereço da área do cliente copiado.');
    } catch {
      toast.error('Não foi possível copiar. Selecione o endereço e copie manualmente.');
    }
  };

  return (
    <>
      <PageHeader title="Painel" description={`Olá, ${user.name.split(/\s+/)[0]}! Você está no portal da ${user.tenantName}.`} />
      <div class="card-grid">
        <section class="card" aria-labelledby="customer-area-title">
          <h2 id="customer-area-title" class="card-title">
            Área do cliente
          </h2>
          <p>Envie este endereço aos seus clientes. Cada cliente entra com o e-mail e a senha criados a partir do convite e vê apenas os próprios pedidos.</p>
          <p class="copy-line">
            <code class="copy-value">{customerAreaUrl}</code>
          </p>
          <Button variant="secondary" size="sm" onClick={() => void copy()}>
            Copiar endereço
          </Button>
        </section>
        <section class="card" aria-labelledby="account-title">
          <h2 id="account-title" class="card-title">
            Seu acesso
          </h2>
          <dl class="details">
            <div>
              <dt>Nome</dt>
              <dd>{user.name}</dd>
            </div>
            <div>
              <dt>E-mail</dt>
              <dd>{user.email}</dd>
            </div>
            <div>
              <dt>Perfil</dt>
              <dd>{user.roles.map(roleLabel).join(', ')}</dd>
            </div>
          </dl>
        </section>
        {isAdmin && (
          <section class="card" aria-labelledby="team-title">
            <h2 id="team-title" class="card-title">
              Equipe
            </h2>
            <p>Convide as pessoas da empresa e defina o perfil de cada uma: Vendas, Operações, Financeiro ou Administrador.</p>
            <a class="btn btn-secondary btn-sm" href={href('/configuracoes/usuarios')}>
              Gerenciar usuários
            </a>
          </section>
        )}
      </div>
    </>
  );
}
