/** Writes to the feedback table, one transaction each (see lib/promises/store.ts for the guarantees). */
import type { HuashuDB } from '../db/db';
import { UidTaken, withStorageErrors } from '../db/errors';
import { cleanPageValue } from '../insert/placeholders';
import type { CaptureSource } from '../capture';
import type { FeedbackRow } from '../db/schema';
import { clipText, newUid } from '../db/rows';
import { suggestDepartment, suggestTopic } from './suggest';

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

export interface FeedbackPatch {
  department?: string;
  topic?: string;
  text?: string;
}

/** Change department/topic/text. A new department without a topic gets the best topic inside it. */
export async function updateFeedback(
  db: HuashuDB,
  uid: string,
  patch: FeedbackPatch,
  now: number,
): Promise<FeedbackRow | undefined> {
  return write(() =>
    db.transaction('rw', db.feedback, async () => {
      const row = await db.feedback.where('uid').equals(uid).first();
      if (!row) return undefined;
      if (patch.text !== undefined) {
        const { text, truncatedFrom } = clipText(patch.text);
        if (text) row.text = text;
        row.truncatedFrom = truncatedFrom;
      }
      if (patch.department !== undefined && patch.department !== row.department) {
        row.department = patch.department;
        row.topic = patch.topic ?? suggestTopic(patch.department, row.text);
      } else if (patch.topic !== undefined) {
        row.topic = patch.topic;
      }
      row.updatedAt = Math.max(now, row.updatedAt + 1);
      await db.feedback.put(row);
      return row;
    }),
  );
}

export async function deleteFeedback(db: HuashuDB, uid: string): Promise<boolean> {
  return write(() =>
    db.transaction('rw', db.feedback, async () => (await db.feedback.where('uid').equals(uid).delete()) > 0),
  );
}
