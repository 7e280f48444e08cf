/** The background's side of "file this feedback" (see lib/promises/log.ts). */
import type { HuashuDB } from '../db/db';
import type { FeedbackRow } from '../db/schema';
import { failure, type LogError, type PageCapture } from '../capture';
import { findOrderId } from '../text/order-id';
import { UidTaken } from '../db/errors';
import { addFeedback, deleteFeedback, ownFeedback, updateFeedback, type FeedbackPatch } from './store';
import type { DuePolicy } from './due';

/** What the background knows about the agent when feedback is filed (from Settings). */
export interface FilingContext {
  agent?: string;
  due?: DuePolicy;
}

export type LogFeedbackResult = { ok: true; feedback: FeedbackRow } | { ok: false; error: LogError };

export async function logFeedback(
  db: HuashuDB,
  capture: PageCapture & { department?: string },
  now: number,
  context: FilingContext = {},
): Promise<LogFeedbackResult> {
  const text = (capture.text ?? '').trim();
  if (!text) return { ok: false, error: 'empty' };
  try {
    const feedback = await addFeedback(db, {
      uid: capture.uid,
      ownerKey: capture.ownerKey,
      text,
      department: capture.department,
      buyer: capture.buyer,
      orderId: capture.orderId ?? findOrderId(text.slice(0, 2000)),
      consoleId: capture.consoleId,
      url: capture.url,
      source: capture.source,
      agent: context.agent,
      due: context.due,
      now,
    });
    return { ok: true, feedback };
  } catch (e) {
    if (e instanceof UidTaken) return { ok: false, error: 'refused' };
    return failure(e);
  }
}

/** The toast's Undo (feedback is removed), only with the key it was filed with. Undoing twice is ok. */
export async function undoFeedback(db: HuashuDB, uid: string, ownerKey: string | undefined): Promise<{ ok: boolean }> {
  try {
    if (!(await ownFeedback(db, uid, ownerKey))) return { ok: false };
    return { ok: await deleteFeedback(db, uid) };
  } catch {
    return { ok: false };
  }
}

export async function changeFeedback(
  db: HuashuDB,
  uid: string,
  ownerKey: string | undefined,
  patch: Pick<FeedbackPatch, 'department' | 'topic' | 'text'>,
  now: number,
  policy?: DuePolicy,
): Promise<LogFeedbackResult> {
  try {
    if (!(await ownFeedback(db, uid, ownerKey))) return { ok: false, error: 'notFound' };
    // The page may change only what the toast shows: department, topic, text (not status or answer).
    const { department, topic, text } = patch;
    const feedback = await updateFeedback(db, uid, { department, topic, text }, now, policy);
    return feedback ? { ok: true, feedback } : { ok: false, error: 'notFound' };
  } catch (e) {
    return failure(e);
  }
}
