import type { ComponentChildren } from 'preact';
import type { Role } from '../auth/roles';
import type { RouteParams } from './router';
import { LoginPage } from '../auth/LoginPage';
import { SignupPage } from '../auth/SignupPage';
import { ConfirmEmailPage } from '../auth/ConfirmEmailPage';
import { ForgotPasswordPage } from '../auth/ForgotPasswordPage';
import { ResetPasswordPage } from '../auth/ResetPasswordPage';
import { AcceptInvitationPage } from '../auth/AcceptInvitationPage';
import { DashboardPage } from '../dashboard/DashboardPage';
import { UsersPage } from '../users/UsersPage';
import { CustomerLoginPage } from '../customer-area/CustomerLoginPage';
import { CustomerAcceptInvitationPage } from '../customer-area/CustomerAcceptInvitationPage';
import { CustomerDashboardPage } from '../customer-area/CustomerDashboardPage';
import { CustomerOrdersPage } from '../customer-area/CustomerOrdersPage';
import { CustomerOrderPage } from '../customer-area/CustomerOrderPage';
import { ProposalLinkPage } from '../customer-area/ProposalLinkPage';
import { CustomerForgotPasswordPage, CustomerResetPasswordPage } from '../customer-area/CustomerPasswordPages';
import { WRITE_ROLES } from '../auth/permissions';
import { CustomersPage } from '../customers/CustomersPage';
import { CustomerFormPage } from '../customers/CustomerFormPage';
import { CustomerPage } from '../customers/CustomerPage';
import { AccountsPage } from '../accounts/AccountsPage';
import { AccountPage } from '../accounts/AccountPage';
import { CataloguePage } from '../catalogue/CataloguePage';
import { SolutionsPage } from '../solutions/SolutionsPage';
import { SolutionFormPage } from '../solutions/SolutionFormPage';
import { ContractsPage } from '../contracts/ContractsPage';
import { ContractFormPage } from '../contracts/ContractFormPage';
import { PipelinePage } from '../opportunities/PipelinePage';
import { OpportunitiesPage } from '../opportunities/OpportunitiesPage';
import { OpportunityPage } from '../opportunities/OpportunityPage';
import { TasksPage } from '../tasks/TasksPage';
import { PipelineSettingsPage } from '../settings/PipelineSettingsPage';
import { InventoryPage } from '../inventory/InventoryPage';
import { InventoryFormPage } from '../inventory/InventoryFormPage';
import { InventoryItemPage } from '../inventory/InventoryItemPage';
import { INVENTORY_WRITERS } from '../inventory/inventoryApi';
import { OrderCrmSettingsPage } from '../settings/OrderCrmSettingsPage';
import { SalesOrdersPage } from '../salesOrders/SalesOrdersPage';
import { SalesOrderFormPage } from '../salesOrders/SalesOrderFormPage';
import { SalesOrderPage } from '../salesOrders/SalesOrderPage';
import { InvoicesPage } from '../billing/InvoicesPage';
import { InvoicePage } from '../billing/InvoicePage';
import { ReceivablesPage } from '../receivables/ReceivablesPage';
import { QuotesPage } from '../quotes/QuotesPage';
import { QuotePage } from '../quotes/QuotePage';
import { ServiceOrdersPage } from '../serviceOrders/ServiceOrdersPage';
import { ServiceOrderPage } from '../serviceOrders/ServiceOrderPage';

export interface RouteContext {
  params: RouteParams;
  query: URLSearchParams;
}

export interface AppRoute {
  /** Pattern for matchPath, e.g. "/cliente/:slug". */
  path: string;
  /**
   * public: no session needed (staff auth pages); staff: staff session (and `roles`), inside the
   * staff shell; customer-public / customer: the same for the customer area of `:slug`.
   */
  area: 'public' | 'staff' | 'customer-public' | 'customer';
  roles?: readonly Role[];
  /** Send a signed-in user to their home page instead (login pages). */
  redirectIfSignedIn?: boolean;
  render: (ctx: RouteContext) => ComponentChildren;
}

/** Every page of the app. A nav entry appears once its path is routed here. */
export const ROUTES: readonly AppRoute[] = [
  { path: '/entrar', area: 'public', redirectIfSignedIn: true, render: ({ query }) => <LoginPage query={query} /> },
  { path: '/cadastro', area: 'public', redirectIfSignedIn: true, render: () => <SignupPage /> },
  { path: '/confirmar-email', area: 'public', render: ({ query }) => <ConfirmEmailPage query={query} /> },
  { path: '/esqueci-senha', area: 'public', render: () => <ForgotPasswordPage /> },
  { path: '/redefinir-senha', area: 'public', render: ({ query }) => <ResetPasswordPage query={query} /> },
  { path: '/convite', area: 'public', render: ({ query }) => <AcceptInvitationPage query={query} /> },

  { path: '/painel', area: 'staff', render: () => <DashboardPage /> },
  { path: '/configuracoes/usuarios', area: 'staff', roles: ['admin'], render: () => <UsersPage /> },
  { path: '/configuracoes/pipeline', area: 'staff', roles: WRITE_ROLES.settings, render: () => <PipelineSettingsPage /> },
  { path: '/configuracoes/integracao-pedidos', area: 'staff', roles: WRITE_ROLES.settings, render: () => <OrderCrmSettingsPage /> },

  { path: '/pipeline', area: 'staff', render: ({ query }) => <PipelinePage accountId={query.get('conta')} /> },
  { path: '/oportunidades', area: 'staff', render: () => <OpportunitiesPage /> },
  { path: '/oportunidades/:id', area: 'staff', render: ({ params, query }) => <OpportunityPage id={params['id']!} tab={query.get('aba')} /> },
  { path: '/tarefas', area: 'staff', render: ({ query }) => <TasksPage query={query} /> },

  { path: '/contas', area: 'staff', render: () => <AccountsPage /> },
  { path: '/contas/:id', area: 'staff', render: ({ params }) => <AccountPage id={params['id']!} /> },

  { path: '/clientes', area: 'staff', render: () => <CustomersPage /> },
  { path: '/clientes/novo', area: 'staff', roles: WRITE_ROLES.customers, render: ({ query }) => <CustomerFormPage fromAccountId={query.get('conta')} /> },
  { path: '/clientes/:id/editar', area: 'staff', roles: WRITE_ROLES.customers, render: ({ params }) => <CustomerFormPage id={params['id']!} /> },
  { path: '/clientes/:id', area: 'staff', render: ({ params, query }) => <CustomerPage id={params['id']!} tab={query.get('aba')} /> },

  { path: '/contratos', area: 'staff', render: () => <ContractsPage /> },
  { path: '/contratos/novo', area: 'staff', roles: WRITE_ROLES.contracts, render: ({ query }) => <ContractFormPage customerId={query.get('cliente')} /> },
  { path: '/contratos/:id', area: 'staff', render: ({ params }) => <ContractFormPage id={params['id']!} /> },

  { path: '/solucoes', area: 'staff', render: () => <SolutionsPage /> },
  { path: '/solucoes/nova', area: 'staff', roles: WRITE_ROLES.solutions, render: () => <SolutionFormPage /> },
  { path: '/solucoes/:id', area: 'staff', render: ({ params }) => <SolutionFormPage id={params['id']!} /> },

  { path: '/pedidos', area: 'staff', render: ({ query }) => <SalesOrdersPage query={query} /> },
  { path: '/pedidos/novo', area: 'staff', roles: WRITE_ROLES.salesOrders, render: () => <SalesOrderFormPage /> },
  { path: '/pedidos/:id/editar', area: 'staff', roles: WRITE_ROLES.salesOrders, render: ({ params }) => <SalesOrderFormPage id={params['id']!} /> },
  { path: '/pedidos/:id', area: 'staff', render: ({ params }) => <SalesOrderPage id={params['id']!} /> },
  { path: '/orcamentos', area: 'staff', render: () => <QuotesPage /> },
  { path: '/orcamentos/novo', area: 'staff', roles: WRITE_ROLES.quotes, render: () => <QuotePage /> },
  { path: '/orcamentos/:id', area: 'staff', render: ({ params }) => <QuotePage id={params['id']!} /> },
  { path: '/ordens-servico', area: 'staff', render: () => <ServiceOrdersPage /> },
  { path: '/ordens-servico/nova', area: 'staff', roles: WRITE_ROLES.serviceOrders, render: () => <ServiceOrderPage /> },
  { path: '/ordens-servico/:id', area: 'staff', render: ({ params }) => <ServiceOrderPage id={params['id']!} /> },
  { path: '/notas', area: 'staff', render: ({ query }) => <InvoicesPage query={query} /> },
  { path: '/notas/:id', area: 'staff', render: ({ params }) => <InvoicePage id={params['id']!} /> },
  { path: '/recebiveis', area: 'staff', render: ({ query }) => <ReceivablesPage query={query} /> },
  { path: '/inventario', area: 'staff', render: () => <InventoryPage /> },
  { path: '/inventario/novo', area: 'staff', roles: INVENTORY_WRITERS, render: ({ query }) => <InventoryFormPage customerId={query.get('cliente')} /> },
  { path: '/inventario/:id/editar', area: 'staff', roles: INVENTORY_WRITERS, render: ({ params }) => <InventoryFormPage id={params['id']!} /> },
  { path: '/inventario/:id', area: 'staff', render: ({ params }) => <InventoryItemPage id={params['id']!} /> },

  { path: '/catalogo', area: 'staff', render: ({ query }) => <CataloguePage tab={query.get('aba')} /> },

  { path: '/cliente/:slug/entrar', area: 'customer-public', redirectIfSignedIn: true, render: ({ params, query }) => <CustomerLoginPage slug={params['slug']!} query={query} /> },
  { path: '/cliente/:slug/convite', area: 'customer-public', render: ({ params, query }) => <CustomerAcceptInvitationPage slug={params['slug']!} query={query} /> },
  { path: '/cliente/:slug/esqueci-senha', area: 'customer-public', redirectIfSignedIn: true, render: ({ params }) => <CustomerForgotPasswordPage slug={params['slug']!} /> },
  { path: '/cliente/:slug/redefinir-senha', area: 'customer-public', render: ({ params, query }) => <CustomerResetPasswordPage slug={params['slug']!} query={query} /> },
  { path: '/cliente/:slug/proposta', area: 'customer-public', render: ({ params, query }) => <ProposalLinkPage slug={params['slug']!} query={query} /> },
  { path: '/cliente/:slug', area: 'customer', render: ({ params }) => <CustomerDashboardPage slug={params['slug']!} /> },
  { path: '/cliente/:slug/pedidos', area: 'customer', render: ({ params, query }) => <CustomerOrdersPage slug={params['slug']!} status={query.get('situacao')} /> },
  { path: '/cliente/:slug/pedidos/:id', area: 'customer', render: ({ params }) => <CustomerOrderPage slug={params['slug']!} id={params['id']!} /> },
];
