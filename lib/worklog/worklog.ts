/**
 * The daily work log (工作日志): what an agent's day held — promises made / kept / still open / overdue,
 * feedback filed by department, the buyer questions no script answered, the scripts used most — and two
 * free-text fields, as a versioned `huashu-worklog` file, Markdown and CSV. Pure: rows, day and clock in.
 */
import { z } from 'zod';
import type { FeedbackRow, PromiseRow, UsageRow } from '../db/schema';
import { statsFromUsage } from '../library/stats';
import { toCsv } from '../text/csv';
import { civilDateOf, isoDay } from '../time/civil';
import { formatWall } from '../time/format';

export const WORKLOG_FORMAT = 'huashu-worklog';
export const WORKLOG_VERSION = 1;
/** How many of the most used scripts and missed questions a log keeps. */
export const TOP = 10;
const MISSED_MAX = 50;

const count = z.number().int().nonnegative();
const text = (max: number) => z.string().max(max);
const openPromise = z.object({
  uid: text(120).min(1),
  text: text(5000),
  buyer: text(200).optional(),
  orderId: text(200).optional(),
  due: z.number(),
  owner: text(200).optional(),
});
const worklogSchema = z.object({
  format: z.literal(WORKLOG_FORMAT),
  version: z.number().int().min(1),
  agent: text(200),
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD'),
  timeZone: text(100).optional(),
  exportedAt: z.number(),
  promises: z.object({ made: count, kept: count, open: count, overdue: count }),
  openPromises: z.array(openPromise).max(10_000).default([]),
  feedback: z
    .array(z.object({ department: text(120), label: text(200).optional(), count }))
    .max(1000)
    .default([]),
  missed: z
    .array(z.object({ text: text(500), count }))
    .max(1000)
    .default([]),
  topScripts: z
    .array(z.object({ packId: text(120), scriptId: text(120), title: text(500).optional(), count }))
    .max(1000)
    .default([]),
  problems: text(20_000).default(''),
  needs: text(20_000).default(''),
});

export type WorkLog = z.output<typeof worklogSchema>;
export type OpenPromise = z.output<typeof openPromise>;

export interface WorkLogInput {
  agent: string;
  /** "YYYY-MM-DD" on the agent's wall clock. */
  day: string;
  timeZone: string;
  now: number;
  promises: readonly PromiseRow[];
  feedback: readonly FeedbackRow[];
  usage: readonly UsageRow[];
  problems: string;
  needs: string;
  titleOf?: (packId: string, scriptId: string) => string | undefined;
  departmentLabel?: (id: string) => string;
}

export function buildWorkLog(input: WorkLogInput): WorkLog {
  const { day, timeZone: tz, now } = input;
  const onDay = (at: number | undefined) => at !== undefined && isoDay(civilDateOf(at, tz)) === day;
  const live = input.promises.filter((p) => p.status !== 'deleted');
  const open = live.filter((p) => p.status === 'open').sort((a, b) => a.due - b.due);
  const departments = new Map<string, number>();
  for (const f of input.feedback)
    if (onDay(f.createdAt)) departments.set(f.department, (departments.get(f.department) ?? 0) + 1);
  const stats = statsFromUsage(
    input.usage.filter((u) => onDay(u.at)),
    input.agent,
    input.titleOf,
  );
  return {
    format: WORKLOG_FORMAT,
    version: WORKLOG_VERSION,
    agent: input.agent,
    day,
    timeZone: tz,
    exportedAt: now,
    promises: {
      made: live.filter((p) => onDay(p.createdAt)).length,
      kept: live.filter((p) => p.status === 'done' && onDay(p.doneAt)).length,
      open: open.length,
      overdue: open.filter((p) => p.due < now).length,
    },
    openPromises: open.map((p) =>
      strip({
        uid: p.uid,
        text: p.text,
        buyer: p.buyer,
        orderId: p.orderId,
        due: p.due,
        owner: p.owner ?? (input.agent || undefined),
      }),
    ),
    feedback: [...departments]
      .map(([department, n]) => strip({ department, label: input.departmentLabel?.(department), count: n }))
      .sort((a, b) => b.count - a.count || a.department.localeCompare(b.department)),
    missed: stats.missed.slice(0, MISSED_MAX).map(({ text: t, count: c }) => ({ text: t, count: c })),
    topScripts: stats.scripts
      .slice(0, TOP)
      .map((s) => strip({ packId: s.packId, scriptId: s.scriptId, title: s.title, count: s.inserts })),
    problems: input.problems.trim(),
    needs: input.needs.trim(),
  };
}

function strip<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

export type ParsedWorkLog = { ok: true; log: WorkLog } | { ok: false; error: string };

export function parseWorkLog(json: string): ParsedWorkLog {
  let data: unknown;
  try {
    data = JSON.parse(json.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, error: `not JSON: ${(e as Error).message}` };
  }
  const head = (data ?? {}) as { format?: unknown; version?: unknown };
  if (head.format !== WORKLOG_FORMAT)
    return { ok: false, error: `format: expected "${WORKLOG_FORMAT}", got ${JSON.stringify(head.format ?? null)}` };
  if (typeof head.version === 'number' && head.version > WORKLOG_VERSION)
    return {
      ok: false,
      error: `version ${head.version} was written by a newer Huashu (this one reads up to ${WORKLOG_VERSION}): update Huashu`,
    };
  const r = worklogSchema.safeParse(data);
  if (!r.success) {
    const issue = r.error.issues[0];
    return { ok: false, error: `${issue.path.join('.') || '(root)'}: ${issue.message}` };
  }
  return { ok: true, log: r.data };
}

/** "huashu-worklog-2026-12-03-小王" (the extension is added by the caller). */
export function workLogName(log: Pick<WorkLog, 'day' | 'agent'>): string {
  return ['huashu-worklog', log.day, log.agent.trim()]
    .filter(Boolean)
    .join('-')
    .replace(/[\\/:*?"<>|\s]+/g, '-');
}

export interface WorkLogLabels {
  title: string;
  made: string;
  kept: string;
  open: string;
  overdue: string;
  feedback: string;
  missed: string;
  topScripts: string;
  problems: string;
  needs: string;
  none: string;
}

export const EN_WORKLOG_LABELS: WorkLogLabels = {
  title: 'Daily work log',
  made: 'Promises made',
  kept: 'Kept',
  open: 'Still open',
  overdue: 'Overdue',
  feedback: 'Feedback filed, by department',
  missed: 'Buyer questions no script answered',
  topScripts: 'Scripts used most',
  problems: 'Problems met today',
  needs: 'Buyer needs noticed',
  none: 'none',
};

export function mdInline(s: string): string {
  return s
    .replace(/\s+/g, ' ')
    .replace(/([|\\`*_[\]<>#])/g, '\\$1')
    .trim();
}

const list = (items: string[], none: string) => (items.length ? items.map((i) => `- ${i}`) : [`- ${none}`]);
const freeText = (s: string, none: string) => (s ? s.split(/\r?\n/).map((l) => `> ${mdInline(l)}`) : [`- ${none}`]);

export function workLogToMarkdown(log: WorkLog, labels: WorkLogLabels = EN_WORKLOG_LABELS): string {
  const p = log.promises;
  const tz = log.timeZone ?? 'UTC';
  return [
    `# ${labels.title} ${log.day} ${mdInline(log.agent)}`.trimEnd(),
    '',
    `| ${labels.made} | ${labels.kept} | ${labels.open} | ${labels.overdue} |`,
    '| ---: | ---: | ---: | ---: |',
    `| ${p.made} | ${p.kept} | ${p.open} | ${p.overdue} |`,
    '',
    ...log.openPromises.map(
      (o) => `- [ ] ${formatWall(o.due, tz)} ${mdInline(o.text)}${o.buyer ? ` — ${mdInline(o.buyer)}` : ''}`,
    ),
    '',
    `## ${labels.feedback}`,
    '',
    ...list(
      log.feedback.map((f) => `${mdInline(f.label ?? f.department)}: ${f.count}`),
      labels.none,
    ),
    '',
    `## ${labels.missed}`,
    '',
    ...list(
      log.missed.map((m) => `${mdInline(m.text)} ×${m.count}`),
      labels.none,
    ),
    '',
    `## ${labels.topScripts}`,
    '',
    ...list(
      log.topScripts.map((s) => `${mdInline(s.title ?? s.scriptId)} ×${s.count}`),
      labels.none,
    ),
    '',
    `## ${labels.problems}`,
    '',
    ...freeText(log.problems, labels.none),
    '',
    `## ${labels.needs}`,
    '',
    ...freeText(log.needs, labels.none),
    '',
  ].join('\n');
}

/** One table: section, item, count (a spreadsheet sorts and filters it). */
export function workLogToCsv(log: WorkLog): string {
  const rows: (string | number)[][] = [
    ['promises', 'made', log.promises.made],
    ['promises', 'kept', log.promises.kept],
    ['promises', 'open', log.promises.open],
    ['promises', 'overdue', log.promises.overdue],
    ...log.feedback.map((f) => ['feedback', f.label ?? f.department, f.count]),
    ...log.missed.map((m) => ['missed', m.text, m.count]),
    ...log.topScripts.map((s) => ['script', s.title ?? s.scriptId, s.count]),
    ['problems', log.problems, ''],
    ['needs', log.needs, ''],
  ];
  return toCsv(
    ['day', 'agent', 'section', 'item', 'count'],
    rows.map((r) => [log.day, log.agent, ...r]),
  );
}
