/**
 * The background's side of "log this promise": read the due time, store, and answer with a result the
 * page can show (never a thrown error across the message boundary).
 */
import type { HuashuDB } from '../db/db';
import type { PromiseRow } from '../db/schema';
import { failure, type LogError, type PageCapture } from '../capture';
import { parseDue } from './due';
import { findOrderId } from '../text/order-id';
import { addPromise, editPromise, ownPromise, softDeletePromise, UidTaken, type PromisePatch } from './store';

export type LogPromiseResult = { ok: true; promise: PromiseRow } | { ok: false; error: LogError };

export interface AgentClock {
  now: number;
  /** Resolved IANA zone. */
  timeZone: string;
  shiftEnd: string;
  /** The agent's name and current shift (Settings), stamped on what they log. */
  agent?: string;
  shift?: string;
}

export async function logPromise(db: HuashuDB, capture: PageCapture, clock: AgentClock): Promise<LogPromiseResult> {
  const text = (capture.text ?? '').trim();
  if (!text) return { ok: false, error: 'empty' };
  // The due time is read from the beginning of the text: a promise is short, a 20,000-character
  // selection is cut anyway.
  const head = text.slice(0, 2000);
  const { due, explicit } = parseDue(head, clock);
  try {
    const promise = await addPromise(db, {
      uid: capture.uid,
      ownerKey: capture.ownerKey,
      text,
      due,
      dueExplicit: explicit,
      buyer: capture.buyer,
      orderId: capture.orderId ?? findOrderId(head),
      consoleId: capture.consoleId,
      url: capture.url,
      source: capture.source,
      owner: clock.agent,
      shift: clock.shift,
      now: clock.now,
    });
    return { ok: true, promise };
  } catch (e) {
    if (e instanceof UidTaken) return { ok: false, error: 'refused' };
    return failure(e);
  }
}

/**
 * The toast's Undo: a soft delete (the Promises tab lists it and can restore it), only with the ownerKey the
 * promise was logged with — a page cannot undo another tab's promise by its uid.
 */
export async function undoPromise(
  db: HuashuDB,
  uid: string,
  ownerKey: string | undefined,
  now: number,
): Promise<{ ok: boolean }> {
  try {
    if (!(await ownPromise(db, uid, ownerKey))) return { ok: false };
    return { ok: !!(await softDeletePromise(db, uid, now)) };
  } catch {
    return { ok: false };
  }
}

/** The toast's Edit, under the same rule as Undo (the ownerKey); a deleted promise is not edited. */
export async function updatePromise(
  db: HuashuDB,
  uid: string,
  ownerKey: string | undefined,
  patch: PromisePatch,
  now: number,
): Promise<LogPromiseResult> {
  try {
    const own = await ownPromise(db, uid, ownerKey);
    if (!own || own.status === 'deleted') return { ok: false, error: 'notFound' };
    const promise = await editPromise(db, uid, patch, now);
    return promise ? { ok: true, promise } : { ok: false, error: 'notFound' };
  } catch (e) {
    return failure(e);
  }
}
