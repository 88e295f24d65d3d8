import { API_BASE_URL } from '../api/config';
import { fetchFile, saveFile, uploadFile, type TransferAuth } from '../api/fileTransfer';
import { orderPath, proposalLinkPath } from './customerAreaApi';
import { customerApi, customerSession } from './session';

const FILE_NAMES: Record<string, string> = {
  proposal: 'Proposta.pdf',
  contract: 'Contrato.pdf',
  'signed-contract': 'Contrato Assinado.pdf',
};

/**
 * The customer's token for file transfers. Renewing goes through the JSON client (a GET of the
 * order), so the single-use refresh token is only ever exchanged in one place.
 */
function customerAuth(slug: string, orderId: string): TransferAuth {
  return {
    token: () => customerSession(slug).get()?.accessToken ?? null,
    renew: () => customerApi(slug).get(orderPath(orderId)),
  };
}

export async function downloadOrderAttachment(slug: string, orderId: string, kind: string): Promise<void> {
  const url = API_BASE_URL + `${orderPath(orderId)}/attachments/${encodeURIComponent(kind)}`;
  saveFile(await fetchFile(url, customerAuth(slug, orderId), FILE_NAMES[kind] ?? `${kind}.pdf`));
}

export function uploadSignedContract(slug: string, orderId: string, file: File, onProgress: (loaded: number, total: number) => void): Promise<unknown> {
  return uploadFile({ url: API_BASE_URL + `${orderPath(orderId)}/signed-contract`, file, fileName: file.name, auth: customerAuth(slug, orderId), onProgress });
}

// The e-mailed link needs no session: the token in the address is the credential.

export async function downloadLinkAttachment(token: string, kind: string): Promise<void> {
  const url = API_BASE_URL + `${proposalLinkPath(token)}/attachments/${encodeURIComponent(kind)}`;
  saveFile(await fetchFile(url, null, FILE_NAMES[kind] ?? `${kind}.pdf`));
}

export function uploadLinkSignedContract(token: string, file: File, onProgress: (loaded: number, total: number) => void): Promise<unknown> {
  return uploadFile({ url: API_BASE_URL + `${proposalLinkPath(token)}/signed-contract`, file, fileName: file.name, auth: null, onProgress });
}
