/**
 * The shift handover (日清 across shifts): the open promises an agent hands to the next shift, as a
 * versioned JSON file (`huashu-handover`) and as Markdown for the team's chat group; and the merge rules
 * that bring a file into another agent's log without duplicates. Pure except `importHandover`.
 *
 * Merge rules, per promise (matched by uid):
 * - not stored here: added as it is in the file (its owner kept; `handedBy` = the file's agent);
 * - undone here (status 'deleted'): left alone (the agent removed it on purpose);
 * - done on one side, open on the other: done wins (a handover never reopens a closed promise, and a
 *   promise the previous shift closed closes here too);
 * - otherwise the copy changed last (`updatedAt`) wins; on a tie nothing changes;
 * - notes are united (by time and text) whichever copy wins.
 * The same file merged twice changes nothing the second time (tests/unit/promises/handover*.test.ts).
 */
import { z } from 'zod';
import type { HuashuDB } from '../db/db';
import { withStorageErrors } from '../db/errors';
import type { PromiseRow } from '../db/schema';
import { CAPTURE_SOURCES } from '../capture';
import { formatWall } from '../time/format';
import { BACKUP_FORMAT } from './export';

export const HANDOVER_FORMAT = 'huashu-handover';
export const HANDOVER_VERSION = 1;

const optText = z.string().max(2000).optional();
const handoverPromise = z.object({
  uid: z.string().min(1).max(120),
  text: z.string().min(1).max(5000),
  buyer: optText,
  orderId: optText,
  consoleId: optText,
  url: optText,
  createdAt: z.number(),
  updatedAt: z.number().optional(),
  due: z.number(),
  dueExplicit: z.boolean().optional(),
  status: z.enum(['open', 'done']),
  doneAt: z.number().optional(),
  notes: z.array(z.object({ at: z.number(), text: z.string().max(5000) })).default([]),
  source: z.enum(CAPTURE_SOURCES).optional(),
  carriedOver: z.number().optional(),
  owner: optText,
  shift: optText,
  closedBy: optText,
});

const handoverSchema = z.object({
  format: z.literal(HANDOVER_FORMAT),
  version: z.number().int().min(1),
  exportedAt: z.number(),
  agent: z.string().max(200).default(''),
  shift: z.string().max(200).optional(),
  timeZone: z.string().max(100).optional(),
  promises: z.array(handoverPromise).max(100_000),
});

export type HandoverPromise = z.output<typeof handoverPromise>;
export type HandoverFile = z.output<typeof handoverSchema>;

/** A handover of the open promises in `rows` (undone and done ones stay here), soonest due first. */
export function makeHandover(
  rows: readonly PromiseRow[],
  from: { agent: string; shift?: string; timeZone: string; now: number },
): HandoverFile {
  return {
    format: HANDOVER_FORMAT,
    version: HANDOVER_VERSION,
    exportedAt: from.now,
    agent: from.agent,
    ...(from.shift ? { shift: from.shift } : {}),
    timeZone: from.timeZone,
    promises: rows
      .filter((p) => p.status === 'open')
      .sort((a, b) => a.due - b.due || a.createdAt - b.createdAt)
      .map((p) => toHandover(p, from.agent)),
  };
}

function toHandover(p: PromiseRow, agent: string): HandoverPromise {
  const keep = {
    uid: p.uid,
    text: p.text,
    buyer: p.buyer,
    orderId: p.orderId,
    consoleId: p.consoleId,
    url: p.url,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    due: p.due,
    dueExplicit: p.dueExplicit,
    status: p.status === 'done' ? 'done' : 'open',
    doneAt: p.doneAt,
    notes: p.notes,
    source: p.source,
    carriedOver: p.carriedOver,
    // A promise logged before the agent had a name is theirs: the file says who handed it over.
    owner: p.owner ?? (agent || undefined),
    shift: p.shift,
    closedBy: p.closedBy,
  } satisfies HandoverPromise;
  return Object.fromEntries(Object.entries(keep).filter(([, v]) => v !== undefined)) as HandoverPromise;
}

export type ParsedHandover = { ok: true; file: HandoverFile } | { ok: false; error: string };

/**
 * Read a handover file. A promise backup (`huashu.promises`, the format before handovers) is read as a
 * handover of its open promises, without owners. A newer version, or anything else, is refused with a
 * message naming what is wrong.
 */
export function parseHandover(text: string): ParsedHandover {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, error: `not JSON: ${(e as Error).message}` };
  }
  const head = (data ?? {}) as { format?: unknown; version?: unknown };
  if (head.format === BACKUP_FORMAT && typeof data === 'object') return fromBackup(data as Record<string, unknown>);
  if (head.format !== HANDOVER_FORMAT)
    return { ok: false, error: `format: expected "${HANDOVER_FORMAT}", got ${JSON.stringify(head.format ?? null)}` };
  if (typeof head.version === 'number' && head.version > HANDOVER_VERSION)
    return {
      ok: false,
      error: `version ${head.version} was written by a newer Huashu (this one reads up to ${HANDOVER_VERSION}): update Huashu`,
    };
  const parsed = handoverSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, error: `${issue.path.join('.') || '(root)'}: ${issue.message}` };
  }
  return { ok: true, file: parsed.data };
}

function fromBackup(data: Record<string, unknown>): ParsedHandover {
  const list = Array.isArray(data.promises) ? data.promises : null;
  if (!list) return { ok: false, error: 'promises: expected an array' };
  const promises: HandoverPromise[] = [];
  for (const [i, raw] of list.entries()) {
    const r = handoverPromise.safeParse(raw);
    if (!r.success)
      return { ok: false, error: `promises.${i}.${r.error.issues[0].path.join('.')}: ${r.error.issues[0].message}` };
    if (r.data.status === 'open') promises.push(r.data);
  }
  return {
    ok: true,
    file: {
      format: HANDOVER_FORMAT,
      version: HANDOVER_VERSION,
      exportedAt: typeof data.exportedAt === 'number' ? data.exportedAt : 0,
      agent: '',
      promises,
    },
  };
}

export interface MergeCounts {
  added: number;
  updated: number;
  unchanged: number;
  /** Kept as they are here although the file differs (done here, or undone here). */
  kept: number;
}

export interface MergePlan extends MergeCounts {
  /** Rows to write (with the local id when the promise is stored here). */
  put: PromiseRow[];
}

const noteKey = (n: { at: number; text: string }) => `${n.at}\n${n.text}`;

function uniteNotes(a: PromiseRow['notes'], b: PromiseRow['notes']): PromiseRow['notes'] {
  const seen = new Set(a.map(noteKey));
  const extra = b.filter((n) => !seen.has(noteKey(n)) && (seen.add(noteKey(n)), true));
  return extra.length ? [...a, ...extra].sort((x, y) => x.at - y.at) : a;
}

function fromFile(p: HandoverPromise, file: HandoverFile): PromiseRow {
  const row: PromiseRow = {
    ...p,
    updatedAt: p.updatedAt ?? p.doneAt ?? p.createdAt,
    notes: [...p.notes].sort((x, y) => x.at - y.at),
  };
  if (file.agent) row.handedBy = file.agent;
  return row;
}

/**
 * What merging `file` into the rows stored here would write (pure). `stored` needs to hold at least the
 * rows whose uid is in the file. Within the file the copy changed last wins.
 */
export function planHandover(stored: readonly PromiseRow[], file: HandoverFile): MergePlan {
  const plan: MergePlan = { put: [], added: 0, updated: 0, unchanged: 0, kept: 0 };
  const byUid = new Map<string, PromiseRow>();
  for (const p of file.promises) {
    const row = fromFile(p, file);
    const prev = byUid.get(row.uid);
    if (!prev || row.updatedAt >= prev.updatedAt) byUid.set(row.uid, row);
  }
  const have = new Map(stored.map((r) => [r.uid, r]));
  for (const row of byUid.values()) {
    const local = have.get(row.uid);
    if (!local) {
      plan.put.push(row);
      plan.added++;
      continue;
    }
    if (local.status === 'deleted') {
      plan.kept++;
      continue;
    }
    const theirsWins = local.status === row.status ? row.updatedAt > local.updatedAt : row.status === 'done';
    const base = theirsWins ? keepLocal(local, row) : local;
    const notes = uniteNotes(base.notes, theirsWins ? local.notes : row.notes);
    if (!theirsWins && notes === local.notes) {
      if (local.status === row.status) plan.unchanged++;
      else plan.kept++;
      continue;
    }
    plan.put.push({ ...base, notes, updatedAt: Math.max(local.updatedAt, row.updatedAt) });
    if (theirsWins) plan.updated++;
    else plan.kept++;
  }
  return plan;
}

/** Merge a parsed handover into the log in one transaction (all or nothing). */
export function importHandover(db: HuashuDB, file: HandoverFile): Promise<MergeCounts> {
  return withStorageErrors(() =>
    db.transaction('rw', db.promises, async () => {
      const uids = [...new Set(file.promises.map((p) => p.uid))];
      const stored = await db.promises.where('uid').anyOf(uids).toArray();
      const { put, ...counts } = planHandover(stored, file);
      if (put.length) await db.promises.bulkPut(put);
      return counts;
    }),
  );
}

/** The file's copy, with what only this machine knows (its id, the page's secret, when the agent was told). */
function keepLocal(local: PromiseRow, theirs: PromiseRow): PromiseRow {
  const row: PromiseRow = { ...theirs, id: local.id };
  if (local.ownerKey) row.ownerKey = local.ownerKey;
  if (local.overdueNotifiedAt && local.due === theirs.due) row.overdueNotifiedAt = local.overdueNotifiedAt;
  if (local.handedBy && !theirs.handedBy) row.handedBy = local.handedBy;
  if (!local.handedBy) delete row.handedBy;
  return row;
}

// ---- Markdown for the team chat group ----

export interface HandoverLabels {
  title: string;
  from: string;
  none: string;
  buyer: string;
  order: string;
  due: string;
  owner: string;
  link: string;
}

export const EN_HANDOVER_LABELS: HandoverLabels = {
  title: 'Shift handover',
  from: 'from',
  none: 'No open promises.',
  buyer: 'Buyer',
  order: 'Order',
  due: 'Due',
  owner: 'Owner',
  link: 'conversation',
};

function mdInline(s: string): string {
  return s
    .replace(/\s+/g, ' ')
    .replace(/([|\\`*_[\]<>])/g, '\\$1')
    .trim();
}

/** A safe link target: only http(s) addresses, with characters that would end the link escaped. */
function mdUrl(url: string | undefined): string | undefined {
  if (!url || !/^https?:\/\//i.test(url)) return undefined;
  return url.replace(/[()\s<>]/g, (c) => encodeURIComponent(c));
}

export function handoverToMarkdown(
  file: HandoverFile,
  timeZone: string,
  labels: HandoverLabels = EN_HANDOVER_LABELS,
): string {
  const who = [file.agent, file.shift]
    .filter(Boolean)
    .map((s) => mdInline(s!))
    .join(' · ');
  const lines = [
    `# ${labels.title} ${formatWall(file.exportedAt, timeZone).slice(0, 10)}${who ? ` (${labels.from} ${who})` : ''}`,
    '',
  ];
  if (!file.promises.length) lines.push(labels.none, '');
  for (const p of file.promises) {
    const meta = [
      p.buyer && `${labels.buyer}: ${mdInline(p.buyer)}`,
      p.orderId && `${labels.order}: ${mdInline(p.orderId)}`,
      p.owner && `${labels.owner}: ${mdInline(p.owner)}`,
    ].filter(Boolean);
    const url = mdUrl(p.url);
    lines.push(
      `- [ ] ${labels.due} ${formatWall(p.due, timeZone)} ${mdInline(p.text)}${meta.length ? ` — ${meta.join(' · ')}` : ''}${url ? ` [${labels.link}](${url})` : ''}`,
    );
    for (const n of p.notes) lines.push(`  - ${formatWall(n.at, timeZone)} ${mdInline(n.text)}`);
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
