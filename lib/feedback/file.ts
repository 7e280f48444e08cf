/**
 * The feedback file: one agent's feedback (with status, deadline and the departments' answers) for the
 * lead, who merges several agents' files into one meeting view. Rows are matched by `uid`; for the same
 * uid the copy changed last (`updatedAt`) wins, so merging a file again changes nothing.
 *
 * Versions: 2 is this file (`format: "huashu.feedback"`). Version 1 of feedback rows is the `feedback`
 * array of the promise-log backup (`format: "huashu.promises", version: 1`, lib/promises/export.ts);
 * those files import here too (their rows have no status: they are new, without a deadline).
 */
import { z } from 'zod';
import type { HuashuDB } from '../db/db';
import { toStorageError } from '../db/errors';
import type { FeedbackRow } from '../db/schema';
import { CAPTURE_SOURCES } from '../capture';
import { FEEDBACK_STATUSES } from './status';

export const FEEDBACK_FORMAT = 'huashu.feedback';
export const FEEDBACK_VERSION = 2;
const BACKUP_FORMAT = 'huashu.promises';

const optText = z.string().optional();
const optTime = z.number().finite().optional();

const rowSchema = z.object({
  uid: z.string().min(1),
  text: z.string(),
  department: z.string().min(1),
  topic: z.string().min(1).default('other'),
  buyer: optText,
  orderId: optText,
  consoleId: optText,
  url: optText,
  createdAt: z.number().finite(),
  updatedAt: optTime,
  source: z.enum(CAPTURE_SOURCES).optional(),
  truncatedFrom: z.number().optional(),
  // v2 (absent in version 1 files)
  status: z.enum(FEEDBACK_STATUSES).default('new'),
  dueAt: optTime,
  answer: optText,
  agent: optText,
  sentAt: optTime,
  answeredAt: optTime,
  closedAt: optTime,
});

const fileSchema = z.object({
  format: z.literal(FEEDBACK_FORMAT),
  version: z.number().int().min(2),
  exportedAt: z.number(),
  agent: z.string().default(''),
  feedback: z.array(rowSchema),
});

const backupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(1),
  exportedAt: z.number(),
  feedback: z.array(rowSchema).default([]),
});

export interface FeedbackFile {
  format: typeof FEEDBACK_FORMAT;
  version: number;
  exportedAt: number;
  /** Settings.agentName of the exporting agent ('' when unset). */
  agent: string;
  feedback: FeedbackRow[];
}

export type FileError =
  | { kind: 'json'; detail: string }
  | { kind: 'format' }
  | { kind: 'newer'; version: number }
  | { kind: 'field'; detail: string };

export type ParsedFeedbackFile = { ok: true; file: FeedbackFile } | { ok: false; error: FileError };

/** The file for `rows` (local-only fields left out: the row id and the logging page's secret). */
export function makeFeedbackFile(rows: readonly FeedbackRow[], agent: string, now: number): FeedbackFile {
  return {
    format: FEEDBACK_FORMAT,
    version: FEEDBACK_VERSION,
    exportedAt: now,
    agent: agent.trim(),
    feedback: rows.map(({ id: _id, ownerKey: _k, ...f }) => ({ ...f, status: f.status ?? 'new' })),
  };
}

function issueText(error: z.ZodError): string {
  const issue = error.issues[0];
  return `${issue.path.join('.') || '(root)'}: ${issue.message}`;
}

/** Read a feedback file (version 2) or a promise-log backup (version 1); nothing is written. */
export function parseFeedbackFile(json: string): ParsedFeedbackFile {
  let data: unknown;
  try {
    data = JSON.parse(json.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, error: { kind: 'json', detail: (e as Error).message } };
  }
  const head = (typeof data === 'object' && data !== null ? data : {}) as { format?: unknown; version?: unknown };
  if (head.format !== FEEDBACK_FORMAT && head.format !== BACKUP_FORMAT) return { ok: false, error: { kind: 'format' } };
  const newest = head.format === FEEDBACK_FORMAT ? FEEDBACK_VERSION : 1;
  if (typeof head.version === 'number' && head.version > newest)
    return { ok: false, error: { kind: 'newer', version: head.version } };
  if (head.format === BACKUP_FORMAT) {
    const parsed = backupSchema.safeParse(data);
    if (!parsed.success) return { ok: false, error: { kind: 'field', detail: issueText(parsed.error) } };
    const rows = parsed.data.feedback.map((f) => normalize(f, ''));
    return { ok: true, file: { ...makeFeedbackFile(rows, '', parsed.data.exportedAt), version: 1 } };
  }
  const parsed = fileSchema.safeParse(data);
  if (!parsed.success) return { ok: false, error: { kind: 'field', detail: issueText(parsed.error) } };
  const { agent } = parsed.data;
  return {
    ok: true,
    file: { ...parsed.data, format: FEEDBACK_FORMAT, feedback: parsed.data.feedback.map((f) => normalize(f, agent)) },
  };
}

/** A parsed row as stored: updatedAt filled in, the file's agent for rows that name none, no undefined keys. */
function normalize(f: z.infer<typeof rowSchema>, fileAgent: string): FeedbackRow {
  const row: Record<string, unknown> = { ...f, updatedAt: f.updatedAt ?? f.createdAt };
  const agent = (f.agent ?? '').trim() || fileAgent.trim();
  if (agent) row.agent = agent;
  else delete row.agent;
  for (const k of Object.keys(row)) if (row[k] === undefined) delete row[k];
  return row as unknown as FeedbackRow;
}

// ---- merging ----

export interface MergeCounts {
  added: number;
  updated: number;
  unchanged: number;
}

/** The fields a file carries, in a fixed key order (to compare two copies of a row). */
function portable(f: FeedbackRow): string {
  const { id: _id, ownerKey: _k, ...rest } = f;
  return JSON.stringify(Object.fromEntries(Object.entries(rest).sort(([a], [b]) => a.localeCompare(b))));
}

/**
 * True when `a` should replace `b`: changed later; on the same `updatedAt` with other content, the larger
 * canonical text wins, so that the result does not depend on which file was merged first.
 */
export function wins(a: FeedbackRow, b: FeedbackRow): boolean {
  if (a.updatedAt !== b.updatedAt) return a.updatedAt > b.updatedAt;
  return portable(a) > portable(b);
}

/**
 * What merging `incoming` into `stored` writes (pure). Duplicates inside `incoming` collapse to the
 * winning copy; a stored row is replaced only by a winning copy and keeps its local id and page secret.
 */
export function planMerge(
  stored: readonly FeedbackRow[],
  incoming: readonly FeedbackRow[],
): { put: FeedbackRow[]; counts: MergeCounts } {
  const byUid = new Map<string, FeedbackRow>();
  for (const row of incoming) {
    const prev = byUid.get(row.uid);
    if (!prev || wins(row, prev)) byUid.set(row.uid, row);
  }
  const have = new Map(stored.map((r) => [r.uid, r]));
  const counts: MergeCounts = { added: 0, updated: 0, unchanged: 0 };
  const put: FeedbackRow[] = [];
  for (const row of byUid.values()) {
    const { id: _id, ownerKey: _k, ...fresh } = row;
    const old = have.get(row.uid);
    if (!old) {
      put.push(fresh);
      counts.added++;
    } else if (wins(row, old)) {
      put.push({
        ...fresh,
        ...(old.id !== undefined ? { id: old.id } : {}),
        ...(old.ownerKey ? { ownerKey: old.ownerKey } : {}),
      });
      counts.updated++;
    } else {
      counts.unchanged++;
    }
  }
  return { put, counts };
}

/** `stored` after merging `incoming` (pure; the database does the same with planMerge). */
export function mergeRows(stored: readonly FeedbackRow[], incoming: readonly FeedbackRow[]): FeedbackRow[] {
  const { put } = planMerge(stored, incoming);
  const out = new Map(stored.map((r) => [r.uid, r]));
  for (const r of put) out.set(r.uid, r);
  return [...out.values()];
}

/** Merge a parsed file into the database in one transaction: all of it or, on a storage error, none. */
export async function importFeedbackFile(db: HuashuDB, file: FeedbackFile): Promise<MergeCounts> {
  try {
    return await db.transaction('rw', db.feedback, async () => {
      const uids = [...new Set(file.feedback.map((f) => f.uid))];
      const stored = await db.feedback.where('uid').anyOf(uids).toArray();
      const { put, counts } = planMerge(stored, file.feedback);
      if (put.length) await db.feedback.bulkPut(put);
      return counts;
    });
  } catch (e) {
    throw toStorageError(e);
  }
}
