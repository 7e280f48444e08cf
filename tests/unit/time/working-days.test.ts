import { describe, expect, it } from 'vitest';
import { addWorkingDays, isWorkingDay, parseHolidays, workingDeadline } from '@/lib/time/working-days';
import { formatWall } from '@/lib/time/format';

const TZ = 'Asia/Shanghai';
// 2026-12-04 is a Friday.
const at = (day: number, hour: number) => Date.UTC(2026, 11, day, hour - 8);

describe('working days', () => {
  it('skips Saturdays and Sundays', () => {
    expect(isWorkingDay({ year: 2026, month: 12, day: 4 })).toBe(true);
    expect(isWorkingDay({ year: 2026, month: 12, day: 5 })).toBe(false);
    expect(isWorkingDay({ year: 2026, month: 12, day: 6 })).toBe(false);
    expect(addWorkingDays({ year: 2026, month: 12, day: 4 }, 1)).toEqual({ year: 2026, month: 12, day: 7 });
  });

  it.each([
    ['Monday 10:00, 3 days', at(7, 10), 3, '2026-12-10 23:59'],
    ['Friday 10:00, 3 days', at(4, 10), 3, '2026-12-09 23:59'],
    ['Saturday, 1 day', at(5, 15), 1, '2026-12-07 23:59'],
    ['Friday 23:30, 1 day', at(4, 23) + 30 * 60_000, 1, '2026-12-07 23:59'],
    ['0 days: the end of the same day', at(4, 10), 0, '2026-12-04 23:59'],
    ['10 days spans two weekends', at(7, 9), 10, '2026-12-21 23:59'],
  ])('%s', (_name, from, n, due) => {
    expect(formatWall(workingDeadline(from, n, TZ), TZ)).toBe(due);
  });

  it('the day is the agent’s day: 01:00 in Shanghai on Monday is Sunday in UTC', () => {
    const mondayEarly = at(7, 1);
    expect(formatWall(workingDeadline(mondayEarly, 1, TZ), TZ)).toBe('2026-12-08 23:59');
    expect(formatWall(workingDeadline(mondayEarly, 1, 'UTC'), 'UTC')).toBe('2026-12-07 23:59');
  });

  it('skips the listed public holidays (Huashu knows none by itself)', () => {
    // New Year 2027: Fri 1 Jan is a holiday → filed Thu 31 Dec, 1 day = Mon 4 Jan.
    const from = Date.UTC(2026, 11, 31, 2);
    expect(formatWall(workingDeadline(from, 1, TZ), TZ)).toBe('2027-01-01 23:59');
    expect(formatWall(workingDeadline(from, 1, TZ, ['2027-01-01']), TZ)).toBe('2027-01-04 23:59');
  });

  it('reads the Options holiday list leniently and keeps only real dates', () => {
    expect(parseHolidays('2027-01-01\n2026-10-01, 2026-10-02；x 2026-13-40 2027-01-01')).toEqual([
      '2026-10-01',
      '2026-10-02',
      '2027-01-01',
    ]);
  });

  it('a holiday list covering everything does not hang', () => {
    const all = Array.from({ length: 400 }, (_, i) => new Date(Date.UTC(2027, 0, 1 + i)).toISOString().slice(0, 10));
    expect(() => workingDeadline(Date.UTC(2026, 11, 31), 3, TZ, all)).not.toThrow();
  });
});
