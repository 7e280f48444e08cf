/**
 * Where a feedback entry stands with its department: new → sent → answered → closed. Pure: the caller
 * passes the time and, when a deadline may be computed, the due-day policy of Options.
 */
import { clipText } from '../db/rows';
import { FEEDBACK_STATUSES, type FeedbackRow, type FeedbackStatus } from '../db/schema';
import { dueAt, type DuePolicy } from './due';
import { suggestTopic } from './suggest';

export { FEEDBACK_STATUSES, type FeedbackStatus };

export const isFeedbackStatus = (s: unknown): s is FeedbackStatus =>
  (FEEDBACK_STATUSES as readonly unknown[]).includes(s);

/** Rows from before v4 (or older files) have no status: they are new. */
export function statusOf(f: Pick<FeedbackRow, 'status'>): FeedbackStatus {
  return isFeedbackStatus(f.status) ? f.status : 'new';
}

/** Still waiting for the department (not answered, not closed). */
export function isOpen(f: Pick<FeedbackRow, 'status'>): boolean {
  const s = statusOf(f);
  return s === 'new' || s === 'sent';
}

/** Open and past its deadline at `now`. */
export function isOverdue(f: Pick<FeedbackRow, 'status' | 'dueAt'>, now: number): boolean {
  return isOpen(f) && f.dueAt !== undefined && now > f.dueAt;
}

/** Answered after its deadline (for the meeting: who answers late). */
export function answeredLate(f: Pick<FeedbackRow, 'answeredAt' | 'dueAt'>): boolean {
  return f.answeredAt !== undefined && f.dueAt !== undefined && f.answeredAt > f.dueAt;
}

export interface FeedbackPatch {
  department?: string;
  topic?: string;
  text?: string;
  status?: FeedbackStatus;
  /** The department's answer; a non-empty answer moves a new or sent entry to "answered". */
  answer?: string;
  /** A deadline set by hand; null removes it. */
  dueAt?: number | null;
}

/**
 * The row after `patch` at `now`. Entering a status stamps its time (sentAt, answeredAt, closedAt); an
 * entry sent without a deadline gets one from `policy`; a new entry moved to another department gets
 * that department's deadline (it has not reached anyone yet). `updatedAt` always moves forward, so the
 * changed copy wins when files are merged.
 */
export function patchFeedback(row: FeedbackRow, patch: FeedbackPatch, now: number, policy?: DuePolicy): FeedbackRow {
  const next: FeedbackRow = { ...row };
  if (patch.text !== undefined) {
    const { text, truncatedFrom } = clipText(patch.text);
    if (text) next.text = text;
    next.truncatedFrom = truncatedFrom;
  }
  if (patch.department !== undefined && patch.department !== row.department) {
    next.department = patch.department;
    next.topic = patch.topic ?? suggestTopic(patch.department, next.text);
    if (policy && statusOf(row) === 'new' && patch.dueAt === undefined)
      next.dueAt = dueAt(patch.department, row.createdAt, policy);
  } else if (patch.topic !== undefined) {
    next.topic = patch.topic;
  }
  if (patch.dueAt !== undefined) {
    if (patch.dueAt === null) delete next.dueAt;
    else next.dueAt = patch.dueAt;
  }
  let status = patch.status;
  if (patch.answer !== undefined) {
    const answer = clipText(patch.answer).text;
    if (answer) next.answer = answer;
    else delete next.answer;
    if (answer && status === undefined && isOpen(row)) status = 'answered';
  }
  if (status !== undefined && status !== statusOf(row)) {
    next.status = status;
    if (status === 'sent') {
      next.sentAt = now;
      if (next.dueAt === undefined && policy) next.dueAt = dueAt(next.department, now, policy);
    } else if (status === 'answered') next.answeredAt = now;
    else if (status === 'closed') next.closedAt = now;
  }
  next.updatedAt = Math.max(now, row.updatedAt + 1);
  return next;
}
