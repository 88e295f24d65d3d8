import { ApiError, networkError, parseProblem, problemFromResponse } from './problem';

/**
 * File downloads and uploads that the JSON client cannot do: a download must keep the bytes as a
 * Blob, and an upload must report progress, which only XMLHttpRequest does (fetch has no upload
 * progress events). Both send the bearer token like the ApiClient and, on a 401, let `renew` refresh
 * the session (through the ApiClient, which owns the single-use refresh token) and try once more.
 */
export interface TransferAuth {
  token: () => string | null;
  /** Renews the access token; rejects when the session is gone. */
  renew: () => Promise<unknown>;
}

export interface DownloadedFile {
  blob: Blob;
  fileName: string;
}

export async function fetchFile(url: string, auth: TransferAuth | null, fallbackName: string): Promise<DownloadedFile> {
  let response = await send(url, auth?.token() ?? null);
  if (response.status === 401 && auth) {
    await auth.renew();
    response = await send(url, auth.token());
  }
  if (!response.ok) throw await problemFromResponse(response);
  return { blob: await response.blob(), fileName: fileNameFrom(response.headers.get('content-disposition')) ?? fallbackName };
}

async function send(url: string, token: string | null): Promise<Response> {
  try {
    return await fetch(url, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  } catch {
    throw networkError();
  }
}

/** Hands a downloaded file to the browser as a download under its name. */
export function saveFile(file: DownloadedFile): void {
  const link = document.createElement('a');
  const objectUrl = URL.createObjectURL(file.blob);
  link.href = objectUrl;
  link.download = file.fileName;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoked later: some browsers start reading the URL only after click() returns.
  setTimeout(() => URL.revokeObjectURL(objectUrl), 60_000);
}

/** The file name of a Content-Disposition header (RFC 6266: filename* wins over filename). */
export function fileNameFrom(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1]!.trim().replace(/^"|"$/g, ''));
    } catch {
      // Falls through to the plain filename.
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/.exec(header);
  if (!plain) return null;
  return (plain[2] ?? plain[1]!).trim() || null;
}

export interface UploadOptions {
  url: string;
  file: Blob;
  fileName: string;
  /** Multipart field name the API reads. */
  field?: string;
  auth: TransferAuth | null;
  onProgress?: (loaded: number, total: number) => void;
}

/** Posts one file as multipart/form-data, reporting progress; resolves with the parsed JSON answer. */
export async function uploadFile<T = unknown>(options: UploadOptions): Promise<T> {
  let result = await post(options, options.auth?.token() ?? null);
  if (result.status === 401 && options.auth) {
    await options.auth.renew();
    options.onProgress?.(0, options.file.size);
    result = await post(options, options.auth.token());
  }
  if (result.status < 200 || result.status >= 300) throw parseProblem(result.status, result.body);
  return result.body as T;
}

function post(options: UploadOptions, token: string | null): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', options.url);
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (e: ProgressEvent) => {
      if (e.lengthComputable) options.onProgress?.(e.loaded, e.total);
    };
    xhr.onload = () => resolve({ status: xhr.status, body: parseJson(xhr.responseText) });
    xhr.onerror = () => reject(networkError());
    xhr.onabort = () => reject(new ApiError({ status: 0, code: 'aborted', title: 'Envio cancelado', detail: 'O envio do arquivo foi interrompido.' }));
    const form = new FormData();
    form.append(options.field ?? 'file', options.file, options.fileName);
    xhr.send(form);
  });
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
