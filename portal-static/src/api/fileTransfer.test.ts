import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from './problem';
import { fetchFile, fileNameFrom, uploadFile } from './fileTransfer';

class FakeXhr {
  static sent: FakeXhr[] = [];
  static answers: { status: number; body: unknown }[] = [];
  headers: Record<string, string> = {};
  status = 0;
  responseText = '';
  upload: { onprogress: ((e: ProgressEvent) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  open() {}
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send() {
    FakeXhr.sent.push(this);
    const answer = FakeXhr.answers.shift();
    queueMicrotask(() => {
      if (!answer) {
        this.onerror?.();
        return;
      }
      this.upload.onprogress?.({ lengthComputable: true, loaded: 10, total: 10 } as ProgressEvent);
      this.status = answer.status;
      this.responseText = answer.body === undefined ? '' : JSON.stringify(answer.body);
      this.onload?.();
    });
  }
}

describe('file transfers', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    FakeXhr.sent = [];
    FakeXhr.answers = [];
  });

  it('reads the file name of a Content-Disposition header, preferring the UTF-8 form', () => {
    expect(fileNameFrom('attachment; filename="inventario.csv"')).toBe('inventario.csv');
    expect(fileNameFrom("attachment; filename=x.csv; filename*=UTF-8''invent%C3%A1rio-jo%C3%A3o.csv")).toBe('inventário-joão.csv');
    expect(fileNameFrom('attachment; filename=plain.pdf')).toBe('plain.pdf');
    expect(fileNameFrom(null)).toBeNull();
    expect(fileNameFrom('inline')).toBeNull();
  });

  it('renews the session once on a 401 and repeats the upload with the new token', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    FakeXhr.answers = [
      { status: 401, body: undefined },
      { status: 201, body: { kind: 'signed-contract' } },
    ];
    let token = 'old';
    const progress: number[] = [];
    const result = await uploadFile({
      url: '/api/x',
      file: new Blob(['%PDF-']),
      fileName: 'a.pdf',
      auth: { token: () => token, renew: async () => (token = 'new') },
      onProgress: (loaded) => progress.push(loaded),
    });
    expect(result).toEqual({ kind: 'signed-contract' });
    expect(FakeXhr.sent.map((x) => x.headers['Authorization'])).toEqual(['Bearer old', 'Bearer new']);
    expect(progress.at(-1)).toBe(10);
  });

  it('turns a refusal into the ApiError with the server detail, and a lost connection into a network error', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    FakeXhr.answers = [{ status: 413, body: { code: 'too_large', detail: 'O arquivo tem mais de 10 MB.' } }];
    const refused = await uploadFile({ url: '/api/x', file: new Blob(['a']), fileName: 'a.pdf', auth: null }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).detail).toBe('O arquivo tem mais de 10 MB.');

    const offline = await uploadFile({ url: '/api/x', file: new Blob(['a']), fileName: 'a.pdf', auth: null }).catch((e: unknown) => e);
    expect((offline as ApiError).code).toBe('network');
  });

  it('downloads with the bearer token and reports a refused download as ProblemDetails', async () => {
    const seen: (string | null)[] = [];
    vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
      seen.push(new Headers(init.headers).get('authorization'));
      return seen.length === 1
        ? new Response('a;b', { status: 200, headers: { 'Content-Disposition': 'attachment; filename="inv.csv"' } })
        : new Response(JSON.stringify({ code: 'not_found', detail: 'Cliente não encontrado.' }), { status: 404, headers: { 'Content-Type': 'application/problem+json' } });
    });
    const auth = { token: () => 't1', renew: async () => undefined };
    const file = await fetchFile('/api/a', auth, 'fallback.csv');
    expect(file.fileName).toBe('inv.csv');
    expect(await file.blob.text()).toBe('a;b');
    expect(seen).toEqual(['Bearer t1']);
    await expect(fetchFile('/api/b', auth, 'x')).rejects.toMatchObject({ status: 404, detail: 'Cliente não encontrado.' });
  });
});
