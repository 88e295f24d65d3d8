/** The password rule the server enforces too: at least 10 characters, with letters and digits. */
export interface PasswordCheck {
  label: string;
  ok: boolean;
}

export const PASSWORD_MIN_LENGTH = 10;

export function passwordChecks(password: string): PasswordCheck[] {
  return [
    { label: `Pelo menos ${PASSWORD_MIN_LENGTH} caracteres`, ok: password.length >= PASSWORD_MIN_LENGTH },
    { label: 'Pelo menos uma letra', ok: /\p{L}/u.test(password) },
    { label: 'Pelo menos um número', ok: /\d/.test(password) },
  ];
}

export function passwordError(password: string): string | null {
  if (password === '') return 'Informe uma senha.';
  return passwordChecks(password).every((c) => c.ok) ? null : `A senha precisa ter pelo menos ${PASSWORD_MIN_LENGTH} caracteres, com letras e números.`;
}

export function confirmationError(password: string, confirmation: string): string | null {
  if (confirmation === '') return 'Repita a senha.';
  return password === confirmation ? null : 'As senhas não conferem.';
}

export function emailError(email: string): string | null {
  const value = email.trim();
  if (value === '') return 'Informe o e-mail.';
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) ? null : 'Informe um e-mail válido, por exemplo nome@empresa.com.br.';
}

export function requiredError(value: string, message: string): string | null {
  return value.trim() === '' ? message : null;
}

/** Drops null entries: the result is empty when the form is valid. */
export function collectErrors(errors: Record<string, string | null>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(errors)) if (message) out[key] = message;
  return out;
}
