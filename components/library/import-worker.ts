/**
 * Web Worker of the side panel's import: decoding, CSV/JSON parsing, validation, the diff against the
 * installed copy and the Apply transaction all run here, off the panel's main thread. It talks to
 * import-client.ts with numbered requests; progress is posted as it goes.
 */
import { db } from '@/lib/db/db';
import { createImportSession, type ImportSession } from '@/lib/library/import-session';

export type WorkerRequest = { id: number; method: keyof ImportSession; args: unknown[] };
export type WorkerReply =
  | { id: number; result: unknown }
  | { id: number; error: string }
  | { progress: import('@/lib/library/import-session').ImportProgress };

interface WorkerScope {
  postMessage(message: WorkerReply): void;
  addEventListener(type: 'message', listener: (e: MessageEvent<WorkerRequest>) => void): void;
}
const scope = self as unknown as WorkerScope;

const session = createImportSession(db, (progress) => scope.postMessage({ progress }));

scope.addEventListener('message', async ({ data: { id, method, args } }) => {
  try {
    const result = await (session[method] as (...a: unknown[]) => Promise<unknown>)(...args);
    scope.postMessage({ id, result });
  } catch (e) {
    scope.postMessage({ id, error: e instanceof Error ? e.message : String(e) });
  }
});
