/**
 * Wall-clock arithmetic in an IANA time zone, with nothing but Intl (no date library). Promise due times
 * are stored as epoch ms; everything the agent reads or types ("tomorrow 12:00", "end of shift") is a
 * civil date and time in the agent's zone.
 */

/** A civil date: what the calendar on the agent's wall shows. `month` is 1–12. */
export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

export interface ZonedDateTime extends CivilDate {
  hour: number;
  minute: number;
  second: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
}

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when `tz` is an IANA zone this runtime knows. */
export function isValidTimeZone(tz: string): boolean {
  if (!tz) return false;
  try {
    formatter(tz);
    return true;
  } catch {
    return false;
  }
}

/** The agent's zone: the setting when valid, else the runtime's own zone, else UTC. */
export function resolveTimeZone(setting: string | undefined): string {
  if (setting && isValidTimeZone(setting)) return setting;
  const own = new Intl.DateTimeFormat().resolvedOptions().timeZone;
  return own && isValidTimeZone(own) ? own : 'UTC';
}

/** Days since 1970-01-01 of a civil date (proleptic Gregorian). */
export function dayNumber(d: CivilDate): number {
  return Math.floor(Date.UTC(d.year, d.month - 1, d.day) / DAY_MS);
}

export function fromDayNumber(n: number): CivilDate {
  const dt = new Date(n * DAY_MS);
  return { year: dt.getUTCFullYear(), month: dt.getUTCMonth() + 1, day: dt.getUTCDate() };
}

export function addDays(d: CivilDate, n: number): CivilDate {
  return fromDayNumber(dayNumber(d) + n);
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(d: CivilDate): number {
  return (((dayNumber(d) + 4) % 7) + 7) % 7;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The wall-clock reading of an instant in `timeZone`. */
export function zonedParts(epoch: number, timeZone: string): ZonedDateTime {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(epoch))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const date = { year: parts.year, month: parts.month, day: parts.day };
  return {
    ...date,
    hour: parts.hour % 24,
    minute: parts.minute,
    second: parts.second,
    weekday: weekdayOf(date),
  };
}

/** Offset of `timeZone` from UTC at an instant, in ms (Shanghai: +8 h). */
function offsetAt(epoch: number, timeZone: string): number {
  const p = zonedParts(epoch, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(epoch / 1000) * 1000;
}

/**
 * The instant a wall clock in `timeZone` shows `date hour:minute`. In a DST gap (a time that does not
 * exist) the result is the instant just after the gap; in a DST overlap, the earlier of the two instants.
 */
export function zonedToEpoch(date: CivilDate, hour: number, minute: number, timeZone: string): number {
  const wall = Date.UTC(date.year, date.month - 1, date.day, hour, minute);
  const first = wall - offsetAt(wall, timeZone);
  const second = wall - offsetAt(first, timeZone);
  if (first === second) return first;
  // Offsets disagree near a transition: prefer the candidate that reads back as the asked wall time.
  for (const candidate of [Math.min(first, second), Math.max(first, second)]) {
    const p = zonedParts(candidate, timeZone);
    if (p.hour === hour && p.minute === minute && p.day === date.day) return candidate;
  }
  return Math.max(first, second);
}

export function civilDateOf(epoch: number, timeZone: string): CivilDate {
  const { year, month, day } = zonedParts(epoch, timeZone);
  return { year, month, day };
}

/** "HH:MM" → minutes since midnight; falls back to `fallback` when the text is not a time. */
export function parseClock(text: string, fallback = 21 * 60): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m) return fallback;
  const h = Number(m[1]);
  const min = Number(m[2]);
  return h < 24 && min < 60 ? h * 60 + min : fallback;
}

/** The instant of `minutes` past midnight on a civil date in `timeZone`. */
export function atMinutes(date: CivilDate, minutes: number, timeZone: string): number {
  return zonedToEpoch(date, Math.floor(minutes / 60), minutes % 60, timeZone);
}

/** "YYYY-MM-DD" of a civil date (sortable; used for grouping by day). */
export function isoDay(d: CivilDate): string {
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** ISO-8601 week label of a civil date, e.g. "2026-W48" (weeks start on Monday). */
export function isoWeek(d: CivilDate): string {
  const n = dayNumber(d);
  const weekday = (weekdayOf(d) + 6) % 7; // Monday = 0
  const thursday = fromDayNumber(n - weekday + 3);
  const jan1 = dayNumber({ year: thursday.year, month: 1, day: 1 });
  const week = Math.floor((dayNumber(thursday) - jan1) / 7) + 1;
  return `${thursday.year}-W${String(week).padStart(2, '0')}`;
}

/** Monday of the ISO week a civil date falls in. */
export function mondayOf(d: CivilDate): CivilDate {
  return addDays(d, -((weekdayOf(d) + 6) % 7));
}
