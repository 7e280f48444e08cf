/** Writes to the feedback table, one transaction each (see lib/promises/store.ts for the guarantees). */
import type { HuashuDB } from '../db/db';
import { UidTaken, withStorageErrors } from '../db/errors';
import { cleanPageValue } from '../insert/placeholders';
import type { CaptureSource } from '../capture';
import type { FeedbackRow } from '../db/schema';
import { clipText, newUid } from '../db/rows';
import { suggestDepartment, suggestTopic } from './suggest';
import { dueAt, type DuePolicy } from './due';
import { patchFeedback, type FeedbackPatch } from './status';

export type { FeedbackPatch };

export interface NewFeedback {
  /** Chosen by the page (a retry of the same uid and key stores nothing twice; see lib/promises/store.ts). */
  uid?: string;
  ownerKey?: string;
  text: string;
  /** When absent, suggested from the text. */
  department?: string;
  topic?: string;
  buyer?: string;
  orderId?: string;
  consoleId?: string;
  url?: string;
  source?: CaptureSource;
  /** The filing agent (Settings.agentName); blank is left out. */
  agent?: string;
  /** Deadline rules of Options; without them the entry has no deadline. */
  due?: DuePolicy;
  now: number;
}

const write = withStorageErrors;

export async function addFeedback(db: HuashuDB, input: NewFeedback): Promise<FeedbackRow> {
  const { text, truncatedFrom } = clipText(input.text);
  const suggestion = suggestDepartment(text);
  const department = input.department ?? suggestion.department;
  const topic = input.topic ?? (input.department ? suggestTopic(department, text) : suggestion.topic);
  const row: FeedbackRow = {
    uid: input.uid ?? newUid(),
    text,
    department,
    topic,
    buyer: cleanPageValue(input.buyer),
    orderId: cleanPageValue(input.orderId),
    consoleId: input.consoleId,
    url: input.url,
    source: input.source,
    createdAt: input.now,
    updatedAt: input.now,
    status: 'new',
    ...(input.due ? { dueAt: dueAt(department, input.now, input.due) } : {}),
    ...(input.agent?.trim() ? { agent: input.agent.trim() } : {}),
    ...(truncatedFrom ? { truncatedFrom } : {}),
    ...(input.ownerKey ? { ownerKey: input.ownerKey } : {}),
  };
  const stored = await write(() =>
    db.transaction('rw', db.feedback, async () => {
      const have = input.uid ? await db.feedback.where('uid').equals(input.uid).first() : undefined;
      if (have) return have.ownerKey === input.ownerKey ? have : null;
      const id = await db.feedback.add(row);
      return { ...row, id };
    }),
  );
  if (!stored) throw new UidTaken(row.uid);
  return stored;
}

/** The feedback entry `uid` when `ownerKey` is the one it was filed with. */
export async function ownFeedback(db: HuashuDB, uid: string, ownerKey: string | undefined) {
  if (!ownerKey) return undefined;
  const row = await db.feedback.where('uid').equals(uid).first();
  return row?.ownerKey === ownerKey ? row : undefined;
}

/**
 * Change an entry: department/topic/text, its status, the department's answer, its deadline (see
 * patchFeedback in status.ts for the rules). A new department without a topic gets the best topic in it.
 */
export async function updateFeedback(
  db: HuashuDB,
  uid: string,
  patch: FeedbackPatch,
  now: number,
  policy?: DuePolicy,
): Promise<FeedbackRow | undefined> {
  return write(() =>
    db.transaction('rw', db.feedback, async () => {
      const row = await db.feedback.where('uid').equals(uid).first();
      if (!row) return undefined;
      const next = patchFeedback(row, patch, now, policy);
      await db.feedback.put(next);
      return next;
    }),
  );
}

export async function deleteFeedback(db: HuashuDB, uid: string): Promise<boolean> {
  return write(() =>
    db.transaction('rw', db.feedback, async () => (await db.feedback.where('uid').equals(uid).delete()) > 0),
  );
}
