/**
 * Fetch a subscribed pack file — the one place where Huashu makes a network request (tests/unit/no-network.test.ts
 * allows this file only). Only the file is asked for: a GET without cookies, credentials, referrer or body;
 * redirects are not followed (the host permission covers one site); the size, the status and the content type
 * are checked before anything is parsed. `fetch` is passed in, so this runs in Node tests with a fake one.
 */

export const SUBSCRIPTION_MAX_BYTES = 10 * 1024 * 1024;
export const SUBSCRIPTION_TIMEOUT_MS = 30_000;

export type FetchFailure =
  'offline' | 'timeout' | 'notFound' | 'http' | 'redirect' | 'contentType' | 'tooLarge' | 'empty';

export type FetchOutcome =
  | { kind: 'unchanged'; etag?: string; lastModified?: string }
  | { kind: 'file'; bytes: Uint8Array<ArrayBuffer>; hash: string; etag?: string; lastModified?: string }
  | { kind: 'failed'; error: FetchFailure; detail?: string };

export interface FetchDeps {
  fetch: (url: string, init: RequestInit) => Promise<Response>;
  timeoutMs?: number;
  maxBytes?: number;
}

/** What the last good fetch returned: sent back (ETag) or compared (hash) to tell an unchanged file. */
export interface KnownVersion {
  etag?: string;
  lastModified?: string;
  hash?: string;
}

/** The request, exactly: also checked by the unit tests. */
export function requestInit(known: KnownVersion, signal?: AbortSignal): RequestInit {
  const headers: Record<string, string> = { Accept: 'application/json, text/plain;q=0.9, */*;q=0.1' };
  if (known.etag) headers['If-None-Match'] = known.etag;
  else if (known.lastModified) headers['If-Modified-Since'] = known.lastModified;
  return {
    method: 'GET',
    credentials: 'omit',
    redirect: 'manual',
    cache: 'no-store',
    referrerPolicy: 'no-referrer',
    headers,
    ...(signal ? { signal } : {}),
  };
}

const ALLOWED_TYPES = ['application/json', 'text/json', 'text/plain', 'application/octet-stream'];

/** application/json, text/plain, octet-stream, any `+json`, or none at all; never text/html or the like. */
export function acceptableType(header: string | null): boolean {
  if (!header) return true;
  const type = header.split(';')[0].trim().toLowerCase();
  return !type || ALLOWED_TYPES.includes(type) || type.endsWith('+json');
}

export async function sha256(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

async function readCapped(res: Response, max: number): Promise<Uint8Array<ArrayBuffer> | null> {
  if (!res.body) {
    const buf = new Uint8Array(await res.arrayBuffer());
    return buf.byteLength > max ? null : buf;
  }
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

const mb = (n: number) => `${(n / 1048576).toFixed(1)} MB`;

/**
 * One check of the file at `url`. With `known` from the last good fetch, an unchanged file is told by 304
 * or by the same SHA-256; without it the file is always read (a manual check).
 */
export async function fetchPackFile(url: string, known: KnownVersion, deps: FetchDeps): Promise<FetchOutcome> {
  const max = deps.maxBytes ?? SUBSCRIPTION_MAX_BYTES;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, deps.timeoutMs ?? SUBSCRIPTION_TIMEOUT_MS);
  try {
    let res: Response;
    try {
      res = await deps.fetch(url, requestInit(known, controller.signal));
    } catch (e) {
      return timedOut
        ? { kind: 'failed', error: 'timeout' }
        : { kind: 'failed', error: 'offline', detail: e instanceof Error ? e.message : String(e) };
    }
    // redirect: 'manual' gives an opaque redirect in browsers (status 0); Node and others give the 3xx.
    if (res.type === 'opaqueredirect' || (res.status >= 300 && res.status < 400 && res.status !== 304)) {
      const to = res.headers.get('location');
      return { kind: 'failed', error: 'redirect', ...(to ? { detail: to } : {}) };
    }
    const etag = res.headers.get('etag') ?? undefined;
    const lastModified = res.headers.get('last-modified') ?? undefined;
    const version = { ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) };
    if (res.status === 304) return { kind: 'unchanged', ...version };
    if (res.status === 404 || res.status === 410)
      return { kind: 'failed', error: 'notFound', detail: String(res.status) };
    if (res.status < 200 || res.status > 299) return { kind: 'failed', error: 'http', detail: String(res.status) };
    const type = res.headers.get('content-type');
    if (!acceptableType(type)) {
      await res.body?.cancel().catch(() => {});
      return { kind: 'failed', error: 'contentType', detail: type ?? '' };
    }
    const declared = Number(res.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > max) {
      await res.body?.cancel().catch(() => {});
      return { kind: 'failed', error: 'tooLarge', detail: `${mb(declared)} > ${mb(max)}` };
    }
    let bytes: Uint8Array<ArrayBuffer> | null;
    try {
      bytes = await readCapped(res, max);
    } catch (e) {
      return timedOut
        ? { kind: 'failed', error: 'timeout' }
        : { kind: 'failed', error: 'offline', detail: e instanceof Error ? e.message : String(e) };
    }
    if (!bytes) return { kind: 'failed', error: 'tooLarge', detail: `> ${mb(max)}` };
    if (!bytes.byteLength) return { kind: 'failed', error: 'empty' };
    const hash = await sha256(bytes);
    if (known.hash && known.hash === hash) return { kind: 'unchanged', ...version };
    return { kind: 'file', bytes, hash, ...version };
  } finally {
    clearTimeout(timer);
  }
}
