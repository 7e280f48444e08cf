/**
 * Working-day arithmetic for answer deadlines ("the department answers within 3 working days"). Saturdays
 * and Sundays are never working days. Public holidays are not known to Huashu: the agent lists them in
 * Options ("YYYY-MM-DD", one a line); make-up working weekends (调休) are not modelled either.
 */
import { addDays, atMinutes, civilDateOf, isoDay, weekdayOf, type CivilDate } from './civil';

/** True for Monday–Friday days that are not in `holidays` ("YYYY-MM-DD"). */
export function isWorkingDay(d: CivilDate, holidays: ReadonlySet<string> = new Set()): boolean {
  const wd = weekdayOf(d);
  return wd !== 0 && wd !== 6 && !holidays.has(isoDay(d));
}

/** The civil date `n` working days after `d` (`d` itself is not counted; n = 0 gives `d`). */
export function addWorkingDays(d: CivilDate, n: number, holidays: ReadonlySet<string> = new Set()): CivilDate {
  let day = d;
  // Bounded: a holiday list covering every day for years must not hang the page.
  for (let left = Math.max(0, Math.floor(n)), guard = 0; left > 0 && guard < 3660; guard++) {
    day = addDays(day, 1);
    if (isWorkingDay(day, holidays)) left--;
  }
  return day;
}

/**
 * The deadline for an answer asked for at `from`: the end (23:59 on the agent's wall clock) of the
 * `n`-th working day after the day of `from`. Filed on Friday with n = 3: due Wednesday 23:59.
 */
export function workingDeadline(from: number, n: number, timeZone: string, holidays: readonly string[] = []): number {
  const day = addWorkingDays(civilDateOf(from, timeZone), n, new Set(holidays));
  return atMinutes(day, 23 * 60 + 59, timeZone);
}

/** Keep only well-formed "YYYY-MM-DD" days (the Options text area), sorted, without repeats. */
export function parseHolidays(text: string): string[] {
  const days = text
    .split(/[\s,，、;；]+/)
    .map((s) => s.trim())
    .filter((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)));
  return [...new Set(days)].sort();
}
