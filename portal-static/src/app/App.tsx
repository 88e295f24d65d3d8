import type { ComponentChildren } from 'preact';
import { useLayoutEffect } from 'preact/hooks';
import { currentTarget, matchPath, matchRoutes, navigate, useLocation, type RouteLocation } from './router';
import { useStore } from './store';
import { guardCustomer, guardStaff } from './guards';
import { ROUTES, type AppRoute, type RouteContext } from './routes';
import { NotFoundPage, ForbiddenPage } from './SystemPages';
import { staffSession } from '../auth/session';
import { customerAreaPath, customerSession } from '../customer-area/session';
import { StaffShell } from '../layout/StaffShell';
import { CustomerShell } from '../layout/CustomerShell';
import { CUSTOMER_NAV, STAFF_NAV, visibleNav } from '../layout/nav';

const isStaffRouted = (path: string) => ROUTES.some((r) => r.area === 'staff' && matchPath(r.path, path) !== null);
const isCustomerRouted = (path: string) => ROUTES.some((r) => r.area === 'customer' && matchPath(r.path, '/cliente/x' + path) !== null);

export function App() {
  const loc = useLocation();
  if (loc.path === '/') return <StaffHome />;
  const match = matchRoutes(ROUTES, loc.path);
  if (!match) return <NotFoundPage />;
  const ctx: RouteContext = { params: match.params, query: loc.query };
  const route = match.route;
  switch (route.area) {
    case 'public':
      return <StaffPublic route={route} ctx={ctx} />;
    case 'staff':
      return <StaffGate route={route} ctx={ctx} loc={loc} />;
    case 'customer-public':
      return <CustomerPublic route={route} ctx={ctx} />;
    case 'customer':
      return <CustomerGate route={route} ctx={ctx} loc={loc} />;
  }
}

function StaffHome() {
  const session = useStore(staffSession);
  return <Redirect to={session ? '/painel' : '/entrar'} />;
}

function StaffPublic({ route, ctx }: { route: AppRoute; ctx: RouteContext }) {
  const session = useStore(staffSession);
  if (session && route.redirectIfSignedIn) return <Redirect to="/painel" />;
  return <>{route.render(ctx)}</>;
}

function StaffGate({ route, ctx, loc }: { route: AppRoute; ctx: RouteContext; loc: RouteLocation }) {
  const session = useStore(staffSession);
  const guard = guardStaff(session, route.roles, currentTarget(loc));
  if (guard.kind === 'redirect') return <Redirect to={guard.to} />;
  const nav = visibleNav(STAFF_NAV, session?.user.roles ?? [], isStaffRouted);
  return (
    <StaffShell path={loc.path} nav={nav}>
      {guard.kind === 'forbidden' ? <ForbiddenPage /> : route.render(ctx)}
    </StaffShell>
  );
}

function CustomerPublic({ route, ctx }: { route: AppRoute; ctx: RouteContext }) {
  const slug = ctx.params['slug']!;
  const session = useStore(customerSession(slug));
  if (session && route.redirectIfSignedIn) return <Redirect to={customerAreaPath(slug)} />;
  return <>{route.render(ctx)}</>;
}

function CustomerGate({ route, ctx, loc }: { route: AppRoute; ctx: RouteContext; loc: RouteLocation }) {
  const slug = ctx.params['slug']!;
  const session = useStore(customerSession(slug));
  const guard = guardCustomer(session, slug, currentTarget(loc));
  if (guard.kind !== 'allow') return <Redirect to={guard.kind === 'redirect' ? guard.to : customerAreaPath(slug, 'entrar')} />;
  const base = customerAreaPath(slug);
  const subPath = loc.path.startsWith(base) ? loc.path.slice(base.length) : '';
  return (
    <CustomerShell slug={slug} subPath={subPath} nav={visibleNav(CUSTOMER_NAV, [], isCustomerRouted)}>
      {route.render(ctx)}
    </CustomerShell>
  );
}

function Redirect({ to }: { to: string }): ComponentChildren {
  useLayoutEffect(() => navigate(to, { replace: true }), [to]);
  return null;
}
