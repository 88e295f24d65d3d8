import { seg } from '../api/lists';
import { staffApi } from '../auth/session';
import type { StatusStyle } from '../ui/Badge';
import type { SalesOrder } from './salesOrdersApi';

/** Order attachments and proposal approval (docs/api/customer-area.md, staff part). */
export type AttachmentKind = 'proposal' | 'contract' | 'signed-contract';

export interface Attachment {
  kind: AttachmentKind | string;
  fileName: string;
  version: number;
  size: number;
  sha256: string;
  uploadedAt: string;
  uploadedBy: string;
}

export interface ApprovalLink {
  id: string;
  contactId?: string | null;
  contactName?: string | null;
  email: string;
  sentAt: string;
  sentBy?: string;
  expiresAt: string;
  openedAt?: string | null;
  lastOpenedAt?: string | null;
  openCount?: number;
  reminderSentAt?: string | null;
  approvedAt?: string | null;
  status: 'sent' | 'opened' | 'approved' | 'expired' | string;
}

export interface ApprovalRecord {
  id: string;
  approvedAt: string;
  contactId?: string | null;
  contactName?: string | null;
  via: 'customer-area' | 'link' | string;
  ipAddress?: string | null;
  userAgent?: string | null;
  proposalVersion?: number | null;
  proposalSha256?: string | null;
  signedContractVersion?: number | null;
  signedContractSha256?: string | null;
}

export interface ApprovalTrail {
  links: ApprovalLink[];
  approvals: ApprovalRecord[];
  attachments: Attachment[];
}

export const ATTACHMENT_LABELS: Record<string, string> = {
  proposal: 'Proposta',
  contract: 'Contrato',
  'signed-contract': 'Contrato assinado',
};

export const LINK_STATUS: Record<string, StatusStyle> = {
  sent: { label: 'Enviada', tone: 'info' },
  opened: { label: 'Aberta pelo cliente', tone: 'warning' },
  approved: { label: 'Aprovada', tone: 'success' },
  expired: { label: 'Link expirado', tone: 'neutral' },
};

export const VIA_LABELS: Record<string, string> = { 'customer-area': 'Área do cliente', link: 'Link por e-mail' };

/** Same limit as the server (413 above it): checked before uploading so the user does not wait for a refusal. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** pt-BR reason a file cannot be sent as the contract, or null. The server also checks the PDF by its content. */
export function uploadError(file: { name: string; size: number; type: string } | null): string | null {
  if (!file) return 'Escolha o arquivo do contrato.';
  if (file.size === 0) return 'O arquivo está vazio.';
  if (file.size > MAX_UPLOAD_BYTES) return 'O arquivo tem mais de 10 MB. Envie um PDF menor.';
  if (file.type !== 'application/pdf' && !file.name.toLowerCase().endsWith('.pdf')) return 'Envie o contrato em PDF.';
  return null;
}

/** "18 KB", "1,2 MB". */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toLocaleString('pt-BR', { maximumFractionDigits: 1 })} MB`;
}

const base = (id: string) => `/api/sales-orders/${seg(id)}`;

export async function getApproval(orderId: string, signal?: AbortSignal): Promise<ApprovalTrail> {
  const raw = await staffApi.get<Partial<ApprovalTrail>>(`${base(orderId)}/approval`, signal ? { signal } : {});
  return { links: raw?.links ?? [], approvals: raw?.approvals ?? [], attachments: raw?.attachments ?? [] };
}

export type ProposalRecipient = { contactId: string } | { email: string; name?: string };

export const sendProposal = (orderId: string, to: ProposalRecipient) => staffApi.post<ApprovalLink>(`${base(orderId)}/send-proposal`, to);
export const reviseProposal = (orderId: string, reason: string | null) => staffApi.post<SalesOrder>(`${base(orderId)}/revise`, { reason });

export function uploadContract(orderId: string, file: File): Promise<Attachment> {
  const form = new FormData();
  form.append('file', file, file.name);
  return staffApi.post<Attachment>(`${base(orderId)}/contract`, form);
}

/** A short-lived link to the file (no blob is public); the browser opens it directly. */
export function attachmentLink(orderId: string, kind: string): Promise<{ url: string; expiresAt: string }> {
  return staffApi.get<{ url: string; expiresAt: string }>(`${base(orderId)}/attachments/${seg(kind)}/link`);
}
