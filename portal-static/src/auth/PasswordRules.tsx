import { passwordChecks } from './validation';

/** Live checklist of the password rule, tied to the password input by `id`. */
export function PasswordRules({ id, password }: { id: string; password: string }) {
  return (
    <ul id={id} class="password-rules" aria-label="Requisitos da senha">
      {passwordChecks(password).map((check) => (
        <li key={check.label} class={check.ok ? 'rule-ok' : 'rule-pending'}>
          <span class="rule-icon" aria-hidden="true">
            {check.ok ? '✓' : '•'}
          </span>
          {check.label}
          <span class="visually-hidden">{check.ok ? ' (atendido)' : ' (pendente)'}</span>
        </li>
      ))}
    </ul>
  );
}
