/**
 * The side panel's handle on an import session: in a Web Worker when the page has workers (the real
 * extension), inline otherwise (component tests under happy-dom). Same interface either way.
 */
import { db } from '@/lib/db/db';
import { createImportSession, type ImportProgress, type ImportSession } from '@/lib/library/import-session';
import type { WorkerReply, WorkerRequest } from './import-worker';

export interface ImportClient extends ImportSession {
  readonly mode: 'worker' | 'inline';
  dispose(): void;
}

export function createImportClient(
  onProgress: (p: ImportProgress) => void,
  opts: { inline?: boolean } = {},
): ImportClient {
  if (opts.inline || typeof Worker === 'undefined') {
    return { ...createImportSession(db, onProgress), mode: 'inline', dispose() {} };
  }
  const worker = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
  const waiting = new Map<number, { ok: (v: unknown) => void; fail: (e: Error) => void }>();
  let next = 1;
  worker.addEventListener('message', (e: MessageEvent<WorkerReply>) => {
    const msg = e.data;
    if ('progress' in msg) return onProgress(msg.progress);
    const w = waiting.get(msg.id);
    waiting.delete(msg.id);
    if (!w) return;
    if ('error' in msg) w.fail(new Error(msg.error));
    else w.ok(msg.result);
  });
  worker.addEventListener('error', (e) => {
    for (const w of waiting.values()) w.fail(new Error(`import worker failed: ${e.message || 'could not start'}`));
    waiting.clear();
  });
  const call = <T>(method: WorkerRequest['method'], args: unknown[], transfer: Transferable[] = []) =>
    new Promise<T>((ok, fail) => {
      const id = next++;
      waiting.set(id, { ok: ok as (v: unknown) => void, fail });
      worker.postMessage({ id, method, args } satisfies WorkerRequest, transfer);
    });
  return {
    mode: 'worker',
    load: (bytes, fileName) => call('load', [bytes, fileName], [bytes]),
    buildCsv: (mapping, hasHeader, pack) => call('buildCsv', [mapping, hasHeader, pack]),
    apply: (resolutions) => call('apply', [resolutions]),
    dispose: () => worker.terminate(),
  };
}
