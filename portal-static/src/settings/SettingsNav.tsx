import { href } from '../app/router';

const ENTRIES = [
  { path: '/configuracoes/usuarios', label: 'Usuários' },
  { path: '/configuracoes/pipeline', label: 'Etapas do pipeline' },
  { path: '/configuracoes/integracao-pedidos', label: 'Integração pedido → CRM' },
];

/** Links between the settings pages (the main menu has one "Configurações" entry). */
export function SettingsNav({ current }: { current: string }) {
  return (
    <nav class="subnav" aria-label="Configurações">
      <ul>
        {ENTRIES.map((e) => (
          <li key={e.path}>
            <a class="subnav-link" href={href(e.path)} aria-current={e.path === current ? 'page' : undefined}>
              {e.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
