/**
 * One check of one subscription: fetch the file, and when it changed run it through the same import session
 * as a file the agent picks (lib/library/import-session.ts: size limit, JSON, pack validation, preview against
 * the installed copy and the agent's edits). A failure of any kind writes nothing to the library and keeps the
 * installed version; it is recorded with its reason. A good new file is kept for the Scripts tab's preview, or
 * applied at once when the subscription says so (conflicts then keep the agent's own version, as an Apply with
 * no resolution does).
 */
import type { HuashuDB } from '../../db/db';
import { decodeText } from '../../pack/csv';
import { createImportSession } from '../import-session';
import { fetchPackFile, type FetchDeps, type FetchFailure, type KnownVersion } from './fetch-file';

export type CheckResult = 'unchanged' | 'upToDate' | 'waiting' | 'applied' | 'invalid' | 'permission' | FetchFailure;

/** The results that keep the installed version because something went wrong. */
export const FAILURES: readonly CheckResult[] = [
  'invalid',
  'permission',
  'offline',
  'timeout',
  'notFound',
  'http',
  'redirect',
  'contentType',
  'tooLarge',
  'empty',
];

export interface CheckRecord {
  at: number;
  result: CheckResult;
  /** HTTP status, content type, the pack's first problems…: shown after the plain-words reason. */
  detail?: string;
}

/** A good file that differs from the installed pack, waiting for the agent's Apply. */
export interface PendingUpdate {
  hash: string;
  packId: string;
  packName: string;
  fetchedAt: number;
  counts: { added: number; changed: number; removed: number };
  conflicts: number;
}

export interface Subscription {
  id: string;
  url: string;
  /** The one host permission it needs (lib/library/subscription/address.ts). */
  pattern: string;
  autoApply: boolean;
  addedAt: number;
  /** ETag / Last-Modified / SHA-256 of the last good file. */
  known: KnownVersion;
  /** Hash of the file last applied (by the agent or automatically) or found identical to the library. */
  appliedHash?: string;
  packId?: string;
  packName?: string;
  last?: CheckRecord;
  pending?: PendingUpdate;
}

export interface CheckDeps extends FetchDeps {
  db: HuashuDB;
  now: () => number;
  hasPermission: (pattern: string) => Promise<boolean>;
  /** Keep (text) or drop (null) the file waiting for the preview. */
  saveFile: (id: string, text: string | null) => Promise<void>;
}

export interface CheckOutcome {
  sub: Subscription;
  /** The library was written (an automatic apply). */
  libraryChanged: boolean;
}

/** Up to three of the pack's problems, then how many in all. */
function problems(errors: string[]): string {
  const shown = errors.slice(0, 3).join('; ');
  return errors.length > 3 ? `${shown}; … (${errors.length})` : shown;
}

/**
 * `force` (the agent's "check now", and the first check) reads the file even when the server or the hash says
 * it did not change, so a rolled-back update is offered again.
 */
export async function checkSubscription(
  sub: Subscription,
  deps: CheckDeps,
  opts: { force?: boolean } = {},
): Promise<CheckOutcome> {
  const record = (result: CheckResult, detail?: string, patch: Partial<Subscription> = {}): CheckOutcome => ({
    sub: { ...sub, ...patch, last: { at: deps.now(), result, ...(detail ? { detail } : {}) } },
    libraryChanged: false,
  });
  if (!(await deps.hasPermission(sub.pattern))) return record('permission', sub.pattern);

  const fetched = await fetchPackFile(sub.url, opts.force ? {} : sub.known, deps);
  if (fetched.kind === 'failed') return record(fetched.error, fetched.detail);
  if (fetched.kind === 'unchanged') return record('unchanged');

  const session = createImportSession(deps.db);
  // The same path as a picked file; the name makes it the JSON path (a subscription is a huashu.pack file).
  const loaded = await session.load(fetched.bytes.slice().buffer, 'subscription.json');
  if (loaded.kind === 'errors') return record('invalid', problems(loaded.errors));
  if (loaded.kind !== 'preview') return record('invalid', '(file): not a huashu.pack JSON file');

  const { preview } = loaded;
  const known: KnownVersion = {
    hash: fetched.hash,
    ...(fetched.etag ? { etag: fetched.etag } : {}),
    ...(fetched.lastModified ? { lastModified: fetched.lastModified } : {}),
  };
  const about = { known, packId: preview.packId, packName: preview.packName };
  if (preview.identical) {
    await deps.saveFile(sub.id, null);
    return record('upToDate', undefined, { ...about, appliedHash: fetched.hash, pending: undefined });
  }
  if (sub.autoApply) {
    const applied = await session.apply({});
    await deps.saveFile(sub.id, null);
    return {
      ...record(applied.changed ? 'applied' : 'upToDate', undefined, {
        ...about,
        appliedHash: fetched.hash,
        pending: undefined,
      }),
      libraryChanged: applied.changed,
    };
  }
  await deps.saveFile(sub.id, decodeText(fetched.bytes).text);
  return record('waiting', undefined, {
    ...about,
    pending: {
      hash: fetched.hash,
      packId: preview.packId,
      packName: preview.packName,
      fetchedAt: deps.now(),
      counts: preview.counts,
      conflicts: preview.conflicts.length,
    },
  });
}
