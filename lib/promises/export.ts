/**
 * The promise log out and back in: CSV and Markdown by day (shift handover), and a JSON backup that
 * re-imports without duplicates (rows are matched by `uid`; the copy changed last wins).
 */
import { z } from 'zod';
import type { HuashuDB } from '../db/db';
import { toStorageError } from '../db/errors';
import { FEEDBACK_STATUSES, type FeedbackRow, type PromiseRow } from '../db/schema';
import { CAPTURE_SOURCES } from '../capture';
import { toCsv } from '../text/csv';
import { formatWall } from '../time/format';
import { civilDateOf, dayNumber, isoDay } from '../time/civil';

/** Day ("YYYY-MM-DD" on the agent's wall clock) a promise belongs to in a by-day export: its due day. */
export function dayOf(p: PromiseRow, timeZone: string): string {
  return isoDay(civilDateOf(p.due, timeZone));
}

/**
 * What a handover for `day` lists: promises due that day, logged that day, or still open from before.
 * Sorted by due time.
 */
export function promisesForDay(rows: readonly PromiseRow[], day: string, timeZone: string): PromiseRow[] {
  const [y, m, d] = day.split('-').map(Number);
  const target = dayNumber({ year: y, month: m, day: d });
  return rows
    .filter((p) => {
      const due = dayNumber(civilDateOf(p.due, timeZone));
      const logged = dayNumber(civilDateOf(p.createdAt, timeZone));
      return due === target || logged === target || (p.status === 'open' && due < target);
    })
    .sort((a, b) => a.due - b.due);
}

const CSV_HEADER = [
  'day',
  'due',
  'status',
  'buyer',
  'order',
  'promise',
  'console',
  'url',
  'logged',
  'done',
  'notes',
  'uid',
];

export function promisesToCsv(rows: readonly PromiseRow[], timeZone: string): string {
  const sorted = [...rows].sort((a, b) => a.due - b.due);
  return toCsv(
    CSV_HEADER,
    sorted.map((p) => [
      dayOf(p, timeZone),
      formatWall(p.due, timeZone),
      p.status,
      p.buyer ?? '',
      p.orderId ?? '',
      p.text,
      p.consoleId ?? '',
      p.url ?? '',
      formatWall(p.createdAt, timeZone),
      p.doneAt ? formatWall(p.doneAt, timeZone) : '',
      p.notes.map((n) => `${formatWall(n.at, timeZone)} ${n.text}`).join(' | '),
      p.uid,
    ]),
  );
}

/** Markdown text with no line breaks and no table-breaking pipes. */
function mdInline(s: string): string {
  return s
    .replace(/\s+/g, ' ')
    .replace(/([|\\`*_[\]<>])/g, '\\$1')
    .trim();
}

export interface MarkdownLabels {
  title: string;
  open: string;
  done: string;
  buyer: string;
  order: string;
  due: string;
  notes: string;
}

export const EN_LABELS: MarkdownLabels = {
  title: 'Promises',
  open: 'open',
  done: 'done',
  buyer: 'Buyer',
  order: 'Order',
  due: 'Due',
  notes: 'Notes',
};

/** One section per day (by due day), a checklist item per promise: the shift handover sheet. */
export function promisesToMarkdown(
  rows: readonly PromiseRow[],
  timeZone: string,
  labels: MarkdownLabels = EN_LABELS,
): string {
  const byDay = new Map<string, PromiseRow[]>();
  for (const p of [...rows].sort((a, b) => a.due - b.due)) {
    const day = dayOf(p, timeZone);
    byDay.set(day, [...(byDay.get(day) ?? []), p]);
  }
  const lines = [`# ${labels.title}`, ''];
  for (const [day, list] of byDay) {
    const open = list.filter((p) => p.status === 'open').length;
    lines.push(`## ${day} (${open} ${labels.open}, ${list.length - open} ${labels.done})`, '');
    for (const p of list) {
      const who = [
        p.buyer && `${labels.buyer}: ${mdInline(p.buyer)}`,
        p.orderId && `${labels.order}: ${mdInline(p.orderId)}`,
      ]
        .filter(Boolean)
        .join(' · ');
      lines.push(
        `- [${p.status === 'done' ? 'x' : ' '}] ${formatWall(p.due, timeZone).slice(11)} ${mdInline(p.text)}${who ? ` — ${who}` : ''}`,
      );
      for (const n of p.notes) lines.push(`  - ${formatWall(n.at, timeZone)} ${mdInline(n.text)}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

// ---- JSON backup ----

export const BACKUP_FORMAT = 'huashu.promises';
export const BACKUP_VERSION = 1;

const note = z.object({ at: z.number(), text: z.string() });
const source = z.enum(CAPTURE_SOURCES).optional();
const optText = z.string().optional();

const promiseSchema = z.object({
  uid: z.string().min(1),
  text: z.string(),
  buyer: optText,
  orderId: optText,
  consoleId: optText,
  url: optText,
  createdAt: z.number(),
  updatedAt: z.number().optional(),
  due: z.number(),
  status: z.enum(['open', 'done']),
  doneAt: z.number().optional(),
  notes: z.array(note).default([]),
  dueExplicit: z.boolean().optional(),
  source,
  truncatedFrom: z.number().optional(),
  carriedOver: z.number().optional(),
  // Team fields (shift handover): a restore keeps who logged, handed over and closed it.
  owner: optText,
  shift: optText,
  closedBy: optText,
  handedBy: optText,
});

const feedbackSchema = z.object({
  uid: z.string().min(1),
  text: z.string(),
  department: z.string(),
  topic: z.string().default('other'),
  buyer: optText,
  orderId: optText,
  consoleId: optText,
  url: optText,
  createdAt: z.number(),
  updatedAt: z.number().optional(),
  source,
  truncatedFrom: z.number().optional(),
  // v4 feedback fields (departments must answer): a restore keeps the status, deadline and answer.
  status: z.enum(FEEDBACK_STATUSES).optional(),
  dueAt: z.number().optional(),
  answer: optText,
  agent: optText,
  sentAt: z.number().optional(),
  answeredAt: z.number().optional(),
  closedAt: z.number().optional(),
});

const backupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.number().int().min(1).max(BACKUP_VERSION),
  exportedAt: z.number(),
  promises: z.array(promiseSchema),
  feedback: z.array(feedbackSchema).default([]),
});

export type Backup = z.infer<typeof backupSchema>;

/**
 * Strip local ids and local-only state; the backup is portable between machines. Undone (soft-deleted)
 * promises stay on this machine, and no page's ownerKey leaves it.
 */
export function makeBackup(promises: readonly PromiseRow[], feedback: readonly FeedbackRow[], now: number): Backup {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now,
    promises: promises.flatMap(
      ({ id: _id, overdueNotifiedAt: _n, ownerKey: _k, deletedAt: _d, deletedFrom: _f, status, ...p }) =>
        status === 'deleted' ? [] : [{ ...p, status }],
    ),
    feedback: feedback.map(({ id: _id, ownerKey: _k, ...f }) => f),
  };
}

export type ParsedBackup = { ok: true; backup: Backup } | { ok: false; error: string };

export function parseBackup(json: string): ParsedBackup {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    return { ok: false, error: `not JSON: ${(e as Error).message}` };
  }
  const parsed = backupSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: `${issue.path.join('.') || '(root)'}: ${issue.message}` };
  }
  return { ok: true, backup: parsed.data };
}

export interface ImportResult {
  added: number;
  updated: number;
  unchanged: number;
}

/**
 * Merge a backup into the database in one transaction (all or nothing): a uid not yet stored is added,
 * a uid stored with an older `updatedAt` is replaced, anything else is left alone. Importing the same
 * file twice changes nothing the second time.
 */
export async function importBackup(
  db: HuashuDB,
  backup: Backup,
): Promise<{ promises: ImportResult; feedback: ImportResult }> {
  try {
    return await db.transaction('rw', db.promises, db.feedback, async () => {
      const promises = await merge(
        db.promises,
        backup.promises.map((p) => ({ ...p, updatedAt: p.updatedAt ?? p.doneAt ?? p.createdAt }) as PromiseRow),
      );
      const feedback = await merge(
        db.feedback,
        backup.feedback.map(
          (f) => ({ ...f, status: f.status ?? 'new', updatedAt: f.updatedAt ?? f.createdAt }) as FeedbackRow,
        ),
      );
      return { promises, feedback };
    });
  } catch (e) {
    throw toStorageError(e);
  }
}

type Mergeable = { id?: number; uid: string; updatedAt: number };

async function merge<T extends Mergeable>(
  table: {
    where(i: string): { anyOf(v: string[]): { toArray(): Promise<T[]> } };
    bulkPut(rows: T[]): Promise<unknown>;
  },
  incoming: T[],
): Promise<ImportResult> {
  const result: ImportResult = { added: 0, updated: 0, unchanged: 0 };
  // The last copy of a uid inside the file wins over earlier ones.
  const byUid = new Map<string, T>();
  for (const row of incoming) {
    const prev = byUid.get(row.uid);
    if (!prev || row.updatedAt >= prev.updatedAt) byUid.set(row.uid, row);
  }
  const existing = new Map(
    (
      await table
        .where('uid')
        .anyOf([...byUid.keys()])
        .toArray()
    ).map((r) => [r.uid, r]),
  );
  const toPut: T[] = [];
  for (const row of byUid.values()) {
    const have = existing.get(row.uid);
    if (!have) {
      const { id: _id, ...fresh } = row;
      toPut.push(fresh as T);
      result.added++;
    } else if (row.updatedAt > have.updatedAt) {
      toPut.push({ ...row, id: have.id });
      result.updated++;
    } else {
      result.unchanged++;
    }
  }
  if (toPut.length) await table.bulkPut(toPut);
  return result;
}
