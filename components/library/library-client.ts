/**
 * The side panel's one handle on the library service: in a Web Worker when the page has workers (the
 * real extension), inline otherwise (component tests under happy-dom). Same interface either way.
 */
import { db } from '@/lib/db/db';
import type { ImportProgress } from '@/lib/library/import-session';
import { createLibraryService, type LibraryService } from '@/lib/library/service';
import type { WorkerReply, WorkerRequest } from './library-worker';

export interface LibraryClient extends LibraryService {
  readonly mode: 'worker' | 'inline';
  /** Import progress; returns the unsubscribe function. */
  onProgress(fn: (p: ImportProgress) => void): () => void;
}

const METHODS: WorkerRequest['method'][] = [
  'load',
  'buildCsv',
  'selectSheet',
  'apply',
  'summaries',
  'exportText',
  'exportXlsx',
  'rollback',
  'remove',
  'move',
  'setActive',
  'createPersonal',
  'featured',
  'saveFeatured',
];

export function createLibraryClient(opts: { inline?: boolean } = {}): LibraryClient {
  const listeners = new Set<(p: ImportProgress) => void>();
  const progress = (p: ImportProgress) => listeners.forEach((fn) => fn(p));
  const onProgress = (fn: (p: ImportProgress) => void) => {
    listeners.add(fn);
    return () => void listeners.delete(fn);
  };
  if (opts.inline || typeof Worker === 'undefined')
    return { ...createLibraryService(db, progress), mode: 'inline', onProgress };

  const worker = new Worker(new URL('./library-worker.ts', import.meta.url), { type: 'module' });
  const waiting = new Map<number, { ok: (v: unknown) => void; fail: (e: Error) => void }>();
  let next = 1;
  worker.addEventListener('message', (e: MessageEvent<WorkerReply>) => {
    const msg = e.data;
    if ('progress' in msg) return progress(msg.progress);
    const w = waiting.get(msg.id);
    waiting.delete(msg.id);
    if (!w) return;
    if ('error' in msg) w.fail(new Error(msg.error));
    else w.ok(msg.result);
  });
  worker.addEventListener('error', (e) => {
    for (const w of waiting.values()) w.fail(new Error(`library worker failed: ${e.message || 'could not start'}`));
    waiting.clear();
  });
  const call =
    (method: WorkerRequest['method']) =>
    (...args: unknown[]) =>
      new Promise((ok, fail) => {
        const id = next++;
        waiting.set(id, { ok, fail });
        // The file's bytes move to the worker instead of being copied.
        const transfer = args.filter((a): a is ArrayBuffer => a instanceof ArrayBuffer);
        worker.postMessage({ id, method, args } satisfies WorkerRequest, transfer);
      });
  const methods = Object.fromEntries(METHODS.map((m) => [m, call(m)])) as unknown as LibraryService;
  return { ...methods, mode: 'worker', onProgress };
}

let shared: LibraryClient | null = null;
/** The panel's shared client (one worker for the import panel and the pack list). */
export function libraryClient(): LibraryClient {
  return (shared ??= createLibraryClient());
}
