/**
 * What the page hands the background when the agent logs a promise or files feedback, and what comes
 * back. One owner for these types: the transport (lib/messaging.ts), the stored rows (lib/db/schema.ts)
 * and the domain modules (lib/promises, lib/feedback) all import them from here.
 */
import { StorageError } from './db/errors';

/** Where a promise's or a feedback entry's text was taken from. */
export const CAPTURE_SOURCES = [
  'selection',
  'replyBox',
  'lastAgentMessage',
  'lastBuyerMessage',
  'offer',
  'card',
] as const;
export type CaptureSource = (typeof CAPTURE_SOURCES)[number];

/** What the page gives for a promise or a feedback entry (from the selection, the reply box or the chat). */
export interface PageCapture {
  /** The promise's id, chosen by the page so that a retry is recognised (see lib/promises/store.ts). */
  uid?: string;
  /** The page's secret for this entry: it must come with the retry, the Undo and the Edit. */
  ownerKey?: string;
  text: string;
  source: CaptureSource;
  buyer?: string;
  orderId?: string;
  consoleId?: string;
  url: string;
}

/** Why logging a capture failed, in terms the page's toast can show. */
export type LogError = 'noConversation' | 'empty' | 'notFound' | 'quota' | 'storage' | 'refused';

/** A thrown error as a result that can cross the message boundary (never a thrown error in the page). */
export function failure(e: unknown): { ok: false; error: LogError } {
  if (e instanceof StorageError) return { ok: false, error: e.kind };
  console.error('[huashu] log', e);
  return { ok: false, error: 'storage' };
}
