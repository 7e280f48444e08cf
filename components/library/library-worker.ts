/**
 * Web Worker of the side panel's library: import (decode, parse, validate, diff, Apply), pack summaries,
 * export, rollback and ordering run here, off the panel's main thread. It talks to library-client.ts
 * with numbered requests; import progress is posted as it goes.
 */
import { db } from '@/lib/db/db';
import type { ImportProgress } from '@/lib/library/import-session';
import { createLibraryService, type LibraryService } from '@/lib/library/service';

export type WorkerRequest = { id: number; method: keyof LibraryService; args: unknown[] };
export type WorkerReply =
  { id: number; result: unknown } | { id: number; error: string } | { progress: ImportProgress };

interface WorkerScope {
  postMessage(message: WorkerReply): void;
  addEventListener(type: 'message', listener: (e: MessageEvent<WorkerRequest>) => void): void;
}
const scope = self as unknown as WorkerScope;

const service = createLibraryService(db, (progress) => scope.postMessage({ progress }));

scope.addEventListener('message', async ({ data: { id, method, args } }) => {
  try {
    const result = await (service[method] as (...a: unknown[]) => Promise<unknown>)(...args);
    scope.postMessage({ id, result });
  } catch (e) {
    scope.postMessage({ id, error: e instanceof Error ? e.message : String(e) });
  }
});
