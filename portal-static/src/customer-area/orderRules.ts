import type { StatusStyle } from '../ui/Badge';
import type { Attachment, OrderDetail, OrderSummary } from './customerAreaApi';

/**
 * Order statuses as the customer sees them. "Aprovado" reads "Aguardando faturamento" here (the
 * customer approved; the company still has to confirm the order), as in the oGestor customer area.
 */
export const CUSTOMER_ORDER_STATUS: Record<string, StatusStyle> = {
  // Keys are the statuses in camelCase (statusCode); the API sends them in PascalCase ("FaturadoParcial").
  proposta: { label: 'Proposta', tone: 'info' },
  aprovado: { label: 'Aguardando faturamento', tone: 'warning' },
  pedido: { label: 'Pedido', tone: 'success' },
  faturadoParcial: { label: 'Faturado parcialmente', tone: 'success' },
  faturado: { label: 'Faturado', tone: 'success' },
  cancelado: { label: 'Cancelado', tone: 'neutral' },
};

/** The orders filter sends the status as the API spells it ("Proposta", "FaturadoParcial"). */
export const STATUS_FILTER_OPTIONS = Object.entries(CUSTOMER_ORDER_STATUS).map(([code, s]) => ({ value: code.charAt(0).toUpperCase() + code.slice(1), label: s.label }));

/** The status code in the API's camelCase form ("Proposta" and "proposta" are the same status). */
export function statusCode(order: Pick<OrderSummary, 'status'>): string {
  const s = order.status ?? '';
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** Badge styles for one order: a status this screen does not know is shown with the server's label. */
export function statusStyles(order: Pick<OrderSummary, 'status' | 'statusLabel'>): Record<string, StatusStyle> {
  const code = statusCode(order);
  if (CUSTOMER_ORDER_STATUS[code]) return CUSTOMER_ORDER_STATUS;
  return { [code]: { label: order.statusLabel || order.status, tone: 'neutral' } };
}

export const ATTACHMENT_LABELS: Record<string, string> = {
  proposal: 'Proposta (PDF)',
  contract: 'Contrato de venda',
  'signed-contract': 'Contrato Assinado',
};

export function findAttachment(order: Pick<OrderDetail, 'attachments'>, kind: string): Attachment | undefined {
  return order.attachments.find((a) => a.kind === kind);
}

export function hasContract(order: OrderDetail): boolean {
  return order.hasContract === true || findAttachment(order, 'contract') !== undefined;
}

export function hasSignedContract(order: OrderDetail): boolean {
  return order.hasSignedContract === true || findAttachment(order, 'signed-contract') !== undefined;
}

export type ApprovalState = { allowed: true } | { allowed: false; reason: string };

/**
 * "Aprovar proposta" is enabled only for an order in Proposta and, when the order has a sales
 * contract, only after the signed contract was uploaded. The server's `canApprove` wins when sent
 * (it also knows, e.g., that a contract replaced after the signature needs a new signature).
 */
export function approvalState(order: OrderDetail): ApprovalState {
  if (order.canApprove === true) return { allowed: true };
  if (order.canApprove === false) return { allowed: false, reason: order.approveBlockedReason || localApprovalReason(order) || 'A proposta não pode ser aprovada agora.' };
  const reason = localApprovalReason(order);
  return reason ? { allowed: false, reason } : { allowed: true };
}

function localApprovalReason(order: OrderDetail): string | null {
  const code = statusCode(order);
  if (code !== 'proposta') return code === 'aprovado' ? 'Esta proposta já foi aprovada.' : 'Somente propostas podem ser aprovadas.';
  if (hasContract(order) && !hasSignedContract(order)) return 'Anexe o contrato assinado para liberar a aprovação da proposta.';
  return null;
}

/** Only proposals take a signed contract: after approval the documents are final. */
export function canUploadSignedContract(order: OrderDetail): boolean {
  return statusCode(order) === 'proposta' && hasContract(order);
}

export const MAX_SIGNED_CONTRACT_BYTES = 10 * 1024 * 1024;

/**
 * Checks a chosen file before sending it: the server refuses anything but a PDF of at most 10 MB,
 * and a phone upload of 30 MB would take minutes just to be refused. Returns a pt-BR message or null.
 */
export function signedContractFileError(file: { name: string; size: number; type: string } | null | undefined): string | null {
  if (!file) return 'Escolha o arquivo do contrato assinado.';
  const isPdf = file.type === 'application/pdf' || file.name.toLowerCase().endsWith('.pdf');
  if (!isPdf) return 'Envie o contrato assinado em PDF.';
  if (file.size === 0) return 'O arquivo está vazio.';
  if (file.size > MAX_SIGNED_CONTRACT_BYTES) return `O arquivo tem ${formatFileSize(file.size)}: o limite é 10 MB.`;
  return null;
}

/** "2,5 MB", "830 KB", "120 bytes". */
export function formatFileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${new Intl.NumberFormat('pt-BR', { maximumFractionDigits: 1 }).format(bytes / (1024 * 1024))} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/** Checks the date range of the orders filter; null when fine. */
export function periodError(from: string | null, to: string | null): string | null {
  return from && to && to < from ? 'A data final deve ser igual ou posterior à inicial.' : null;
}
