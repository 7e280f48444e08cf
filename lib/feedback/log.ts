/** The background's side of "file this feedback" (see lib/promises/log.ts). */
import type { HuashuDB } from '../db/db';
import type { FeedbackRow } from '../db/schema';
import { failure, type LogError, type PageCapture } from '../capture';
import { findOrderId } from '../text/order-id';
import { addFeedback, deleteFeedback, updateFeedback, type FeedbackPatch } from './store';

export type LogFeedbackResult = { ok: true; feedback: FeedbackRow } | { ok: false; error: LogError };

export async function logFeedback(
  db: HuashuDB,
  capture: PageCapture & { department?: string },
  now: number,
): Promise<LogFeedbackResult> {
  const text = (capture.text ?? '').trim();
  if (!text) return { ok: false, error: 'empty' };
  try {
    const feedback = await addFeedback(db, {
      text,
      department: capture.department,
      buyer: capture.buyer,
      orderId: capture.orderId ?? findOrderId(text.slice(0, 2000)),
      consoleId: capture.consoleId,
      url: capture.url,
      source: capture.source,
      now,
    });
    return { ok: true, feedback };
  } catch (e) {
    return failure(e);
  }
}

export async function undoFeedback(db: HuashuDB, uid: string): Promise<{ ok: boolean }> {
  try {
    return { ok: await deleteFeedback(db, uid) };
  } catch {
    return { ok: false };
  }
}

export async function changeFeedback(
  db: HuashuDB,
  uid: string,
  patch: FeedbackPatch,
  now: number,
): Promise<LogFeedbackResult> {
  try {
    const feedback = await updateFeedback(db, uid, patch, now);
    return feedback ? { ok: true, feedback } : { ok: false, error: 'notFound' };
  } catch (e) {
    return failure(e);
  }
}
