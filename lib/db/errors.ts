/**
 * What went wrong with IndexedDB, in terms the agent can act on. Every write of the promise log runs in
 * its own transaction, so a failed write changes nothing that was stored before.
 */
export type StorageErrorKind = 'quota' | 'storage';

export class StorageError extends Error {
  constructor(
    readonly kind: StorageErrorKind,
    cause: unknown,
  ) {
    super(kind === 'quota' ? 'IndexedDB quota exceeded' : `IndexedDB error: ${describe(cause)}`, { cause });
    this.name = 'StorageError';
  }
}

function describe(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}

/** True for a quota error, whether Dexie wrapped it (QuotaExceededError / AbortError with inner) or not. */
export function isQuotaError(e: unknown): boolean {
  for (let cur: unknown = e, depth = 0; cur && depth < 5; depth++) {
    const err = cur as { name?: string; inner?: unknown; cause?: unknown; failures?: unknown[] };
    if (err.name === 'QuotaExceededError' || /quota/i.test(String((cur as Error).message ?? ''))) return true;
    if (err.failures?.some(isQuotaError)) return true;
    cur = err.inner ?? err.cause;
  }
  return false;
}

export function toStorageError(e: unknown): StorageError {
  if (e instanceof StorageError) return e;
  return new StorageError(isQuotaError(e) ? 'quota' : 'storage', e);
}

/** Run one storage operation; whatever it throws comes out as a StorageError. */
export async function withStorageErrors<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw toStorageError(e);
  }
}

/** A page-chosen uid is already stored for another page (another ownerKey): nothing was written. */
export class UidTaken extends Error {
  constructor(uid: string) {
    super(`entry ${uid} belongs to another page`);
    this.name = 'UidTaken';
  }
}
