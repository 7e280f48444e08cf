import { describe, expect, it } from 'vitest';
import type { PromiseRow } from '@/lib/db/schema';
import { formatDue, formatWall, fromDateTimeLocal, toDateTimeLocal } from '@/lib/time/format';
import {
  bucketOf,
  carryOverDue,
  groupPromises,
  newlyOverdue,
  openCounts,
  reviewList,
  snoozeChoices,
} from '@/lib/promises/review';

const TZ = 'Asia/Shanghai';
const NOW = Date.UTC(2026, 10, 25, 2, 30); // Wed 10:30
const H = 3600_000;
const clock = { now: NOW, timeZone: TZ };

let n = 0;
function row(p: Partial<PromiseRow>): PromiseRow {
  n++;
  return {
    uid: `u${n}`,
    text: `p${n}`,
    createdAt: NOW - H,
    updatedAt: NOW - H,
    due: NOW,
    status: 'open',
    notes: [],
    ...p,
  };
}

describe('buckets', () => {
  const overdue = row({ due: NOW - 1 });
  const today = row({ due: NOW + 5 * H }); // 15:30
  const tonight = row({ due: NOW + 13 * H + 29 * 60_000 }); // 23:59
  const tomorrow = row({ due: NOW + 14 * H }); // 00:30 tomorrow
  const done = row({ due: NOW - 1, status: 'done', doneAt: NOW - 10 });
  const doneLater = row({ due: NOW + H, status: 'done', doneAt: NOW - 5 });

  it('sorts each promise into overdue / today / later / done', () => {
    expect([overdue, today, tonight, tomorrow, done].map((p) => bucketOf(p, clock))).toEqual([
      'overdue',
      'today',
      'today',
      'later',
      'done',
    ]);
  });

  it('orders open groups by due time, done by when it was done (latest first)', () => {
    const g = groupPromises([tomorrow, tonight, today, done, overdue, doneLater], clock);
    expect(g.today.map((p) => p.uid)).toEqual([today.uid, tonight.uid]);
    expect(g.done.map((p) => p.uid)).toEqual([doneLater.uid, done.uid]);
  });

  it('the evening review lists exactly the open promises', () => {
    const rows = [tomorrow, done, overdue, today, doneLater];
    expect(reviewList(rows).map((p) => p.uid)).toEqual([overdue.uid, today.uid, tomorrow.uid]);
    expect(openCounts(rows, NOW)).toEqual({ open: 3, overdue: 1 });
  });

  it('tells about an overdue promise once', () => {
    const told = row({ due: NOW - H, overdueNotifiedAt: NOW - 1 });
    expect(newlyOverdue([overdue, told, today, done], NOW).map((p) => p.uid)).toEqual([overdue.uid]);
  });
});

describe('snooze and carry over', () => {
  const settings = { shift: { start: '09:00', end: '21:00' } };
  it('offers in an hour, tomorrow at the start and at the end of the shift', () => {
    const c = snoozeChoices(clock, settings);
    expect(c.map((x) => [x.key, formatWall(x.due, TZ)])).toEqual([
      ['hour', '2026-11-25 11:30'],
      ['tomorrowStart', '2026-11-26 09:00'],
      ['tomorrowEnd', '2026-11-26 21:00'],
    ]);
    expect(formatWall(carryOverDue(clock, settings), TZ)).toBe('2026-11-26 21:00');
  });
});

describe('format', () => {
  it.each([
    [NOW + 2 * H, '今天 12:30'],
    [NOW + 24 * H, '明天 10:30'],
    [NOW - 24 * H, '昨天 10:30'],
    [NOW + 48 * H, '周五 10:30'],
    [NOW + 10 * 24 * H, '12-05 10:30'],
    [NOW + 60 * 24 * H, '2027-01-24 10:30'],
  ])('formatDue(%s) = %s', (due, text) => expect(formatDue(due, NOW, TZ)).toBe(text));

  it('speaks English and Traditional Chinese', () => {
    expect(formatDue(NOW + 24 * H, NOW, TZ, 'en')).toBe('Tomorrow 10:30');
    expect(formatDue(NOW + 48 * H, NOW, TZ, 'zh_TW')).toBe('週五 10:30');
  });

  it('round-trips datetime-local values on the agent’s clock, whatever the browser’s zone', () => {
    expect(toDateTimeLocal(NOW, TZ)).toBe('2026-11-25T10:30');
    expect(fromDateTimeLocal('2026-11-25T10:30', TZ)).toBe(NOW);
    expect(fromDateTimeLocal('2026-11-25T10:30', 'Europe/London')).toBe(Date.UTC(2026, 10, 25, 10, 30));
    expect(fromDateTimeLocal('garbage', TZ)).toBeNaN();
  });
});
