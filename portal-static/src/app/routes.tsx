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

  { path: '/cliente/:slug/entrar', area: 'customer-public', redirectIfSignedIn: true, render: ({ params, query }) => <CustomerLoginPage slug={params['slug']!} query={query} /> },
  { path: '/cliente/:slug/convite', area: 'customer-public', render: ({ params, query }) => <CustomerAcceptInvitationPage slug={params['slug']!} query={query} /> },
  { path: '/cliente/:slug', area: 'customer', render: ({ params }) => <CustomerDashboardPage slug={params['slug']!} /> },
];
