/**
 * Writes to the promise log. Each operation is one Dexie transaction on `promises`: it either happens
 * whole or not at all, so a failure (quota exceeded, a closed database) never touches promises already
 * logged. Errors come out as StorageError ('quota' | 'storage').
 */
import type { HuashuDB } from '../db/db';
import { UidTaken, withStorageErrors } from '../db/errors';
import { cleanPageValue } from '../insert/placeholders';

export { UidTaken };
import { clipText, newUid } from '../db/rows';
import type { CaptureSource } from '../capture';
import type { PromiseRow } from '../db/schema';

export interface NewPromise {
  /** Chosen by the page that logs it, so that a retry after a lost answer writes nothing twice. */
  uid?: string;
  /** The logging page's secret (see PromiseRow.ownerKey). */
  ownerKey?: string;
  text: string;
  due: number;
  dueExplicit: boolean;
  buyer?: string;
  orderId?: string;
  consoleId?: string;
  url?: string;
  source?: CaptureSource;
  /** The agent logging it and their current shift (Settings), for the shift handover. */
  owner?: string;
  shift?: string;
  now: number;
}

const write = withStorageErrors;

/**
 * Store a new open promise; the text is cut to MAX_TEXT characters. Returns the stored row (with id).
 * Idempotent by uid: when `input.uid` is stored already with the same ownerKey (a retry whose first answer
 * was lost when the service worker stopped), the stored row is returned and nothing is written; with another
 * ownerKey it throws UidTaken.
 */
export async function addPromise(db: HuashuDB, input: NewPromise): Promise<PromiseRow> {
  const { text, truncatedFrom } = clipText(input.text);
  const row: PromiseRow = {
    uid: input.uid ?? newUid(),
    text,
    buyer: cleanPageValue(input.buyer),
    orderId: cleanPageValue(input.orderId),
    consoleId: input.consoleId,
    url: input.url,
    source: input.source,
    createdAt: input.now,
    updatedAt: input.now,
    due: input.due,
    dueExplicit: input.dueExplicit,
    status: 'open',
    notes: [],
    ...(truncatedFrom ? { truncatedFrom } : {}),
    ...(input.ownerKey ? { ownerKey: input.ownerKey } : {}),
    ...(input.owner ? { owner: input.owner } : {}),
    ...(input.shift ? { shift: input.shift } : {}),
  };
  const stored = await write(() =>
    db.transaction('rw', db.promises, async () => {
      const have = input.uid ? await db.promises.where('uid').equals(input.uid).first() : undefined;
      if (have) return have.ownerKey === input.ownerKey ? have : null;
      const id = await db.promises.add(row);
      return { ...row, id };
    }),
  );
  if (!stored) throw new UidTaken(row.uid);
  return stored;
}

/** The promise `uid` when `ownerKey` is the one it was logged with (a page acting on its own promise). */
export async function ownPromise(db: HuashuDB, uid: string, ownerKey: string | undefined) {
  if (!ownerKey) return undefined;
  const row = await getPromise(db, uid);
  return row?.ownerKey === ownerKey ? row : undefined;
}

export function getPromise(db: HuashuDB, uid: string): Promise<PromiseRow | undefined> {
  return db.promises.where('uid').equals(uid).first();
}

/** Change one promise by uid inside a transaction; returns the updated row, or undefined when not found. */
async function change(
  db: HuashuDB,
  uid: string,
  now: number,
  fn: (row: PromiseRow) => void,
): Promise<PromiseRow | undefined> {
  return write(() =>
    db.transaction('rw', db.promises, async () => {
      const row = await db.promises.where('uid').equals(uid).first();
      if (!row) return undefined;
      fn(row);
      row.updatedAt = Math.max(now, row.updatedAt + 1);
      await db.promises.put(row);
      return row;
    }),
  );
}

/**
 * Undo a logging: the promise becomes 'deleted' (kept, listed in the Promises tab, restorable). Undefined
 * when the uid is not stored; an already deleted promise is returned as it is.
 */
export function softDeletePromise(db: HuashuDB, uid: string, now: number) {
  return change(db, uid, now, (row) => {
    if (row.status === 'deleted') return;
    row.deletedFrom = row.status;
    row.status = 'deleted';
    row.deletedAt = now;
  });
}

/** Bring an undone promise back to the status it had (open or done). Other rows are left as they are. */
export function restorePromise(db: HuashuDB, uid: string, now: number) {
  return change(db, uid, now, (row) => {
    if (row.status !== 'deleted') return;
    row.status = row.deletedFrom ?? 'open';
    row.deletedAt = undefined;
    row.deletedFrom = undefined;
  });
}

/** Remove a promise for good (the Promises tab's "delete for good" of an undone one). True when it existed. */
export async function deletePromise(db: HuashuDB, uid: string): Promise<boolean> {
  return write(() =>
    db.transaction('rw', db.promises, async () => (await db.promises.where('uid').equals(uid).delete()) > 0),
  );
}

export interface PromisePatch {
  text?: string;
  due?: number;
  buyer?: string;
  orderId?: string;
}

export function editPromise(db: HuashuDB, uid: string, patch: PromisePatch, now: number) {
  return change(db, uid, now, (row) => {
    if (patch.text !== undefined) {
      const { text, truncatedFrom } = clipText(patch.text);
      if (text) row.text = text;
      row.truncatedFrom = truncatedFrom;
    }
    if (patch.due !== undefined && Number.isFinite(patch.due)) {
      row.due = patch.due;
      row.dueExplicit = true;
      row.overdueNotifiedAt = undefined;
    }
    if (patch.buyer !== undefined) row.buyer = cleanPageValue(patch.buyer);
    if (patch.orderId !== undefined) row.orderId = cleanPageValue(patch.orderId);
  });
}

/** Mark done; `by` (the agent's name) records who closed it (a promise handed over from another shift). */
export function markDone(db: HuashuDB, uid: string, now: number, by?: string) {
  return change(db, uid, now, (row) => {
    row.status = 'done';
    row.doneAt = now;
    row.closedBy = by?.trim() || undefined;
  });
}

export function reopen(db: HuashuDB, uid: string, now: number) {
  return change(db, uid, now, (row) => {
    row.status = 'open';
    row.doneAt = undefined;
    row.closedBy = undefined;
  });
}

/** Push the due time to `until` (keeps it open). */
export function snooze(db: HuashuDB, uid: string, until: number, now: number) {
  return change(db, uid, now, (row) => {
    row.due = until;
    row.overdueNotifiedAt = undefined;
  });
}

/** Evening review: keep it open with a new due time, counting the carry-overs; an optional note. */
export function carryOver(db: HuashuDB, uid: string, newDue: number, now: number, note?: string) {
  return change(db, uid, now, (row) => {
    row.status = 'open';
    row.due = newDue;
    row.carriedOver = (row.carriedOver ?? 0) + 1;
    row.overdueNotifiedAt = undefined;
    if (note?.trim()) row.notes = [...row.notes, { at: now, text: clipText(note).text }];
  });
}

export function addNote(db: HuashuDB, uid: string, note: string, now: number) {
  return change(db, uid, now, (row) => {
    if (note.trim()) row.notes = [...row.notes, { at: now, text: clipText(note).text }];
  });
}

/** Mark promises as told-overdue (so the agent is told once). */
export async function markOverdueNotified(db: HuashuDB, uids: string[], now: number): Promise<void> {
  if (!uids.length) return;
  await write(() =>
    db.transaction('rw', db.promises, () =>
      db.promises
        .where('uid')
        .anyOf(uids)
        .modify((row) => {
          row.overdueNotifiedAt = now;
        }),
    ),
  );
}
