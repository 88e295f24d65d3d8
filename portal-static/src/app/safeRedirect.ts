/**
 * The "voltar" query parameter after login must stay inside the app: an attacker could otherwise
 * craft a login link that sends the user elsewhere once signed in.
 */
export function safeReturnPath(value: string | null | undefined, fallback: string): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return fallback;
  if (/^\/(entrar|cadastro|esqueci-senha|redefinir-senha|confirmar-email|convite)(\?|$)/.test(value)) return fallback;
  return value;
}
