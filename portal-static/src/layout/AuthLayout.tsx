import type { ComponentChildren } from 'preact';
import { useDocumentTitle } from '../app/hooks';
import { ToastRegion } from '../ui/Toast';
import { BrandMark } from './Brand';

export interface AuthLayoutProps {
  title: string;
  subtitle?: ComponentChildren;
  /** Wider card for longer forms (sign-up). */
  wide?: boolean;
  /** Shown above the card, e.g. the company whose customer area this is. */
  context?: ComponentChildren;
  footer?: ComponentChildren;
  children: ComponentChildren;
}

/** Centered card for the pages used before signing in. */
export function AuthLayout({ title, subtitle, wide = false, context, footer, children }: AuthLayoutProps) {
  useDocumentTitle(title);
  return (
    <div class="auth-page">
      <header class="auth-brand">
        <BrandMark />
        {context && <p class="auth-context">{context}</p>}
      </header>
      <main id="conteudo" class={`auth-card${wide ? ' auth-card-wide' : ''}`} tabIndex={-1}>
        <h1 class="auth-title">{title}</h1>
        {subtitle && <p class="auth-subtitle">{subtitle}</p>}
        {children}
      </main>
      {footer && <footer class="auth-footer">{footer}</footer>}
      <ToastRegion />
    </div>
  );
}
