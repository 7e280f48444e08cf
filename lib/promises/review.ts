/**
 * The daily clearing (日清): which promises are overdue, due today, later or done; what the evening
 * review lists; what the badge counts. Pure: the clock and the zone are passed in.
 */
import type { PromiseRow } from '../db/schema';
import { addDays, atMinutes, civilDateOf, dayNumber, parseClock } from '../time/civil';

export type Bucket = 'overdue' | 'today' | 'later' | 'done';
export const BUCKETS: Bucket[] = ['overdue', 'today', 'later', 'done'];

export interface Clock {
  now: number;
  timeZone: string;
}

export function bucketOf(p: PromiseRow, { now, timeZone }: Clock): Bucket {
  if (p.status === 'done') return 'done';
  if (p.due < now) return 'overdue';
  return dayNumber(civilDateOf(p.due, timeZone)) <= dayNumber(civilDateOf(now, timeZone)) ? 'today' : 'later';
}

/** Promises by bucket: open ones by due time (soonest first), done ones by when they were done (latest first). */
export function groupPromises(rows: readonly PromiseRow[], clock: Clock): Record<Bucket, PromiseRow[]> {
  const groups: Record<Bucket, PromiseRow[]> = { overdue: [], today: [], later: [], done: [] };
  for (const p of rows) groups[bucketOf(p, clock)].push(p);
  for (const b of ['overdue', 'today', 'later'] as const)
    groups[b].sort((a, b2) => a.due - b2.due || a.createdAt - b2.createdAt);
  groups.done.sort((a, b) => (b.doneAt ?? 0) - (a.doneAt ?? 0));
  return groups;
}

/** What the evening review goes through: every open promise, soonest due first. */
export function reviewList(rows: readonly PromiseRow[]): PromiseRow[] {
  return rows.filter((p) => p.status === 'open').sort((a, b) => a.due - b.due || a.createdAt - b.createdAt);
}

export function openCounts(rows: readonly PromiseRow[], now: number): { open: number; overdue: number } {
  let open = 0;
  let overdue = 0;
  for (const p of rows) {
    if (p.status !== 'open') continue;
    open++;
    if (p.due < now) overdue++;
  }
  return { open, overdue };
}

/** Open promises past due that the agent has not been told about yet. */
export function newlyOverdue(rows: readonly PromiseRow[], now: number): PromiseRow[] {
  return rows.filter((p) => p.status === 'open' && p.due < now && !p.overdueNotifiedAt);
}

export interface ShiftSettings {
  shift: { start: string; end: string };
}

/** Snooze choices: in 1 hour, tomorrow at the start of the shift, tomorrow at the end of the shift. */
export function snoozeChoices(
  clock: Clock,
  settings: ShiftSettings,
): { key: 'hour' | 'tomorrowStart' | 'tomorrowEnd'; due: number }[] {
  const tomorrow = addDays(civilDateOf(clock.now, clock.timeZone), 1);
  return [
    { key: 'hour', due: clock.now + 3600_000 },
    { key: 'tomorrowStart', due: atMinutes(tomorrow, parseClock(settings.shift.start, 9 * 60), clock.timeZone) },
    { key: 'tomorrowEnd', due: atMinutes(tomorrow, parseClock(settings.shift.end), clock.timeZone) },
  ];
}

/** Default new due time when carrying a promise over in the evening review: end of tomorrow's shift. */
export function carryOverDue(clock: Clock, settings: ShiftSettings): number {
  return snoozeChoices(clock, settings)[2].due;
}

/** Rows whose text, buyer or order number contains the query (case-insensitive); all rows for an empty query. */
export function filterPromises<T extends Pick<PromiseRow, 'text' | 'buyer' | 'orderId'>>(
  rows: readonly T[],
  query: string,
): readonly T[] {
  const q = query.trim().toLowerCase();
  if (!q) return rows;
  return rows.filter(
    (p) =>
      p.text.toLowerCase().includes(q) ||
      !!p.buyer?.toLowerCase().includes(q) ||
      !!p.orderId?.toLowerCase().includes(q),
  );
}
