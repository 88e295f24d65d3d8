/**
 * RFC 9457 ProblemDetails as the API sends them: a stable English `code` for the program and a
 * pt-BR `detail` fit to show the user. Anything else (a proxy's HTML page, a network failure)
 * becomes the same shape with a pt-BR message chosen by status.
 */

export type FieldErrors = Record<string, string[]>;

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  readonly errors: FieldErrors | undefined;
  /** The whole ProblemDetails body, for a problem's extension members (e.g. the blocked items of `billing_blocked`). */
  readonly body: Record<string, unknown>;

  constructor(init: { status: number; code: string; title: string; detail: string; errors?: FieldErrors | undefined; body?: Record<string, unknown> }) {
    super(init.detail);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail;
    this.errors = init.errors;
    this.body = init.body ?? {};
  }

  /** A stale write (412) or another edit conflict: the user should reload before retrying. */
  get isConflict(): boolean {
    return this.status === 412 || this.code === 'conflict';
  }

  get isValidation(): boolean {
    return this.code === 'validation' || (this.status === 400 && this.errors !== undefined);
  }
}

const CODE_BY_STATUS: Record<number, string> = {
  0: 'network',
  400: 'validation',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  412: 'conflict',
  413: 'too_large',
  429: 'too_many_requests',
};

const DETAIL_BY_CODE: Record<string, string> = {
  network: 'Não foi possível conectar ao servidor. Verifique sua conexão e tente novamente.',
  validation: 'Alguns campos precisam de correção.',
  unauthorized: 'Sua sessão expirou. Entre novamente.',
  session_expired: 'Sua sessão expirou. Entre novamente.',
  forbidden: 'Você não tem permissão para esta ação.',
  not_found: 'Registro não encontrado.',
  conflict: 'Este registro foi alterado por outra pessoa. Recarregue para ver a versão atual.',
  too_large: 'O arquivo enviado é grande demais.',
  too_many_requests: 'Muitas tentativas em pouco tempo. Aguarde alguns instantes e tente novamente.',
  server_error: 'Ocorreu um erro inesperado. Tente novamente em instantes.',
};

/** Short pt-BR heading for an error banner. */
export function problemHeading(error: ApiError): string {
  if (error.isConflict) return 'Registro alterado por outra pessoa';
  switch (error.code) {
    case 'network':
      return 'Sem conexão com o servidor';
    case 'validation':
      return 'Verifique os dados informados';
    case 'unauthorized':
    case 'session_expired':
      return 'Sessão expirada';
    case 'forbidden':
      return 'Acesso negado';
    case 'not_found':
      return 'Não encontrado';
    case 'too_many_requests':
      return 'Muitas tentativas';
    default:
      return error.status >= 500 ? 'Erro no servidor' : 'Não foi possível concluir';
  }
}

export function defaultCode(status: number): string {
  return CODE_BY_STATUS[status] ?? (status >= 500 ? 'server_error' : 'error');
}

export function defaultDetail(code: string): string {
  return DETAIL_BY_CODE[code] ?? 'Não foi possível concluir a operação. Tente novamente.';
}

/** Builds an ApiError from a response status and its (possibly absent or non-problem) body. */
export function parseProblem(status: number, body: unknown): ApiError {
  const problem = isObject(body) ? body : {};
  const code = stringOr(problem['code'], '') || defaultCode(status);
  const detail = stringOr(problem['detail'], '') || defaultDetail(code);
  const title = stringOr(problem['title'], '') || detail;
  const errors = parseFieldErrors(problem['errors']);
  return new ApiError({ status, code, title, detail, errors, body: problem });
}

/** ProblemDetails from a fetch Response; reads the body only when it is JSON. */
export async function problemFromResponse(response: Response): Promise<ApiError> {
  let body: unknown = undefined;
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
  }
  return parseProblem(response.status, body);
}

export function networkError(): ApiError {
  return parseProblem(0, undefined);
}

/** Any thrown value as an ApiError, so UI code has one shape to show. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError({ status: 0, code: 'client_error', title: 'Erro', detail: defaultDetail('client_error') });
}

/**
 * Field errors keyed the way our forms name their inputs: ASP.NET sends "Email", "$.email" or
 * "Items[0].Quantity"; inputs are named "email" and "items[0].quantity".
 */
export function normalizeFieldKey(key: string): string {
  return key
    .replace(/^\$\.?/, '')
    .split('.')
    .map((part) => (part ? part[0]!.toLowerCase() + part.slice(1) : part))
    .join('.');
}

/** First message per field, keyed by normalised field name. */
export function fieldErrorMessages(error: ApiError | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!error?.errors) return out;
  for (const [key, messages] of Object.entries(error.errors)) {
    if (messages.length > 0) out[key] = messages.join(' ');
  }
  return out;
}

function parseFieldErrors(value: unknown): FieldErrors | undefined {
  if (!isObject(value)) return undefined;
  const out: FieldErrors = {};
  for (const [key, messages] of Object.entries(value)) {
    const list = Array.isArray(messages) ? messages.filter((m): m is string => typeof m === 'string') : typeof messages === 'string' ? [messages] : [];
    if (list.length === 0) continue;
    const normalized = normalizeFieldKey(key);
    out[normalized] = [...(out[normalized] ?? []), ...list];
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value.trim() : fallback;
}
