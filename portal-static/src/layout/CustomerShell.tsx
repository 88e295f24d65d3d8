import type { ComponentChildren } from 'preact';
import { href, navigate } from '../app/router';
import { useStore } from '../app/store';
import { customerAreaPath, customerSession, customerSignOut } from '../customer-area/session';
import { ToastRegion } from '../ui/Toast';
import { SkipLink, useFocusMainOnNavigation } from './a11y';
import { isCurrentSection, type NavEntry } from './nav';

export interface CustomerShellProps {
  slug: string;
  /** Path inside the customer area ('' for the dashboard, '/pedidos', …). */
  subPath: string;
  nav: readonly NavEntry[];
  children: ComponentChildren;
}

/** Top menu "Painel · Pedidos · Sair" around the customer area pages. */
export function CustomerShell({ slug, subPath, nav, children }: CustomerShellProps) {
  const session = useStore(customerSession(slug));
  const mainRef = useFocusMainOnNavigation(subPath);
  if (!session) return null;
  return (
    <div class="shell customer-shell">
      <SkipLink mainRef={mainRef} />
      <header class="topbar customer-topbar">
        <a class="topbar-brand customer-brand" href={href(customerAreaPath(slug))}>
          <span class="customer-brand-name">{session.customer.tenantName}</span>
          <span class="customer-brand-sub">Área do cliente</span>
        </a>
        <nav class="topnav" aria-label="Menu da área do cliente">
          <ul>
            {nav.map((entry) => (
              <li key={entry.path}>
                <a href={href(customerAreaPath(slug) + entry.path)} class="topnav-link" aria-current={isCurrentSection(entry, subPath) ? 'page' : undefined}>
                  {entry.label}
                </a>
              </li>
            ))}
            <li>
              <button
                type="button"
                class="topnav-link topnav-button"
                onClick={() => {
                  void customerSignOut(slug).then(() => navigate(customerAreaPath(slug, 'entrar'), { replace: true }));
                }}
              >
                Sair
              </button>
            </li>
          </ul>
        </nav>
      </header>
      <main id="conteudo" ref={mainRef} class="main customer-main" tabIndex={-1}>
        {children}
      </main>
      <ToastRegion />
    </div>
  );
}
