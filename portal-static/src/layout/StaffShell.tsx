import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { href, navigate } from '../app/router';
import { useStore } from '../app/store';
import { roleLabel } from '../auth/roles';
import { signOut, staffSession } from '../auth/session';
import { ToastRegion } from '../ui/Toast';
import { BrandMark } from './Brand';
import { isCurrentSection, type NavEntry } from './nav';
import { SkipLink, useFocusMainOnNavigation } from './a11y';

export interface StaffShellProps {
  path: string;
  nav: readonly NavEntry[];
  children: ComponentChildren;
}

/** Top bar + side menu (a drop-down menu on phones) around every signed-in staff page. */
export function StaffShell({ path, nav, children }: StaffShellProps) {
  const session = useStore(staffSession);
  const [menuOpen, setMenuOpen] = useState(false);
  const mainRef = useFocusMainOnNavigation(path);

  useEffect(() => setMenuOpen(false), [path]);

  if (!session) return null;
  const { user } = session;

  return (
    <div class="shell staff-shell">
      <SkipLink mainRef={mainRef} />
      <header class="topbar">
        <button type="button" class="topbar-menu-toggle" aria-expanded={menuOpen} aria-controls="staff-nav" onClick={() => setMenuOpen((o) => !o)}>
          <span class="hamburger" aria-hidden="true" />
          <span class="visually-hidden">{menuOpen ? 'Fechar menu' : 'Abrir menu'}</span>
        </button>
        <a class="topbar-brand" href={href('/painel')}>
          <BrandMark compact />
        </a>
        <span class="topbar-tenant" title={user.tenantName}>
          {user.tenantName}
        </span>
        <UserMenu name={user.name} email={user.email} roles={user.roles} />
      </header>
      <nav id="staff-nav" class={`sidenav${menuOpen ? ' sidenav-open' : ''}`} aria-label="Menu principal">
        <ul>
          {nav.map((entry) => (
            <li key={entry.path}>
              <a href={href(entry.path)} class="sidenav-link" aria-current={isCurrentSection(entry, path) ? 'page' : undefined}>
                {entry.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="conteudo" ref={mainRef} class="main" tabIndex={-1}>
        {children}
      </main>
      <ToastRegion />
    </div>
  );
}

function UserMenu({ name, email, roles }: { name: string; email: string; roles: readonly string[] }) {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: MouseEvent) => {
      if (!rootRef.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', onPointer);
    return () => document.removeEventListener('mousedown', onPointer);
  }, [open]);

  return (
    <div
      class="user-menu"
      ref={rootRef}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          setOpen(false);
          buttonRef.current?.focus();
        }
      }}
    >
      <button ref={buttonRef} type="button" class="user-menu-button" aria-expanded={open} aria-controls="user-menu-panel" onClick={() => setOpen((o) => !o)}>
        <span class="avatar" aria-hidden="true">
          {initials(name)}
        </span>
        <span class="user-menu-name">{name}</span>
        <span class="visually-hidden"> — menu do usuário</span>
      </button>
      {open && (
        <div id="user-menu-panel" class="user-menu-panel">
          <p class="user-menu-identity">
            <strong>{name}</strong>
            <span>{email}</span>
            <span class="muted">{roles.map(roleLabel).join(', ')}</span>
          </p>
          <button
            type="button"
            class="btn btn-secondary btn-block"
            onClick={() => {
              void signOut().then(() => navigate('/entrar', { replace: true }));
            }}
          >
            Sair
          </button>
        </div>
      )}
    </div>
  );
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? parts[0]![0]! + parts[parts.length - 1]![0]! : (parts[0] ?? '?').slice(0, 2);
  return letters.toUpperCase();
}
