import { describe, expect, it } from 'vitest';
import { defaultDue, nextShiftEnd, parseDue } from '@/lib/promises/due';
import { zonedParts } from '@/lib/time/civil';

const SHANGHAI = 'Asia/Shanghai';
// Wednesday 2026-11-25 10:30 in Shanghai.
const NOW = Date.UTC(2026, 10, 25, 2, 30);
const ctx = { now: NOW, timeZone: SHANGHAI, shiftEnd: '21:00' };

function wall(epoch: number, tz = SHANGHAI): string {
  const p = zonedParts(epoch, tz);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${two(p.month)}-${two(p.day)} ${two(p.hour)}:${two(p.minute)}`;
}

// [text, expected due on the Shanghai wall clock, explicit?]
const TABLE: [string, string, boolean?][] = [
  // Chinese: days
  ['今天一定发出', '2026-11-25 21:00'],
  ['今晚给您发货', '2026-11-25 22:00'],
  ['明天上午给您补发', '2026-11-26 12:00'],
  ['明天给您回复', '2026-11-26 21:00'],
  ['后天到货', '2026-11-27 21:00'],
  ['大后天给您寄', '2026-11-28 21:00'],
  ['明早联系您', '2026-11-26 12:00'],
  ['明晚之前处理好', '2026-11-26 22:00'],
  ['中午之前给您答复', '2026-11-25 13:00'],
  // Chinese: durations
  ['3天内给您退款', '2026-11-28 10:30'],
  ['三天之内给您处理', '2026-11-28 10:30'],
  ['48小时内发货', '2026-11-27 10:30'],
  ['24小时之内', '2026-11-26 10:30'],
  ['半小时内回复您', '2026-11-25 11:00'],
  ['两个小时内给您答复', '2026-11-25 12:30'],
  ['1个半小时内', '2026-11-25 12:00'],
  ['两三天内到', '2026-11-28 10:30'],
  ['2个工作日内退款到账', '2026-11-27 21:00'],
  ['三个工作日内', '2026-11-30 21:00'],
  ['一周内给您补寄', '2026-12-02 10:30'],
  ['退款1-3个工作日到账', '2026-11-30 21:00'],
  ['24小时发货', '2026-11-26 10:30'],
  // Chinese: weekdays and dates
  ['周五前给您寄出', '2026-11-27 21:00'],
  ['星期五之前', '2026-11-27 21:00'],
  ['礼拜五发', '2026-11-27 21:00'],
  ['周三给您处理', '2026-11-25 21:00'],
  ['下周一给您答复', '2026-11-30 21:00'],
  ['下星期三', '2026-12-02 21:00'],
  ['这周六发货', '2026-11-28 21:00'],
  ['这周日之前', '2026-11-29 21:00'],
  ['周末前寄出', '2026-11-27 21:00'],
  ['这周内给您回复', '2026-11-29 21:00'],
  ['12月3日前发货', '2026-12-03 21:00'],
  ['30号前一定到', '2026-11-30 21:00'],
  ['5号之前补发', '2026-12-05 21:00'],
  ['月底前给您开票', '2026-11-30 21:00'],
  // Chinese: clock times
  ['下午3点前给您回电话', '2026-11-25 15:00'],
  ['3点前发出', '2026-11-25 15:00'],
  ['晚上8点半之前', '2026-11-25 20:30'],
  ['明天下午两点给您电话', '2026-11-26 14:00'],
  ['明天10:00前', '2026-11-26 10:00'],
  ['十点半之前给您回复', '2026-11-25 22:30'],
  // Chinese: soon, and no time
  ['马上给您处理', '2026-11-25 11:00'],
  ['稍后给您回复', '2026-11-25 11:30'],
  ['我帮您登记一下', '2026-11-25 21:00', false],
  ['尽快给您安排', '2026-11-25 21:00', false],
  ['麻烦您快一点确认', '2026-11-25 21:00', false],
  // Traditional Chinese
  ['後天給您補發', '2026-11-27 21:00'],
  ['下週一回覆您', '2026-11-30 21:00'],
  ['兩天內處理', '2026-11-27 10:30'],
  ['明天下午3點', '2026-11-26 15:00'],
  ['星期五前寄出', '2026-11-27 21:00'],
  // Not dates or times: order numbers, building numbers, prices
  ['订单号2026112512345 给您补发', '2026-11-25 21:00', false],
  ['送到3号楼', '2026-11-25 21:00', false],
  ['差价12.50元给您退', '2026-11-25 21:00', false],
  // Full-width digits
  ['３天内发货', '2026-11-28 10:30'],
  // English
  ["I'll ship it today", '2026-11-25 21:00'],
  ["We'll send it out tonight", '2026-11-25 22:00'],
  ['Tomorrow morning at the latest', '2026-11-26 12:00'],
  ['by tomorrow', '2026-11-26 21:00'],
  ['within 3 days', '2026-11-28 10:30'],
  ['within 48 hours', '2026-11-27 10:30'],
  ['in two hours', '2026-11-25 12:30'],
  ['within the hour', '2026-11-25 11:30'],
  ['within 2 business days', '2026-11-27 21:00'],
  ['in a couple of days', '2026-11-27 10:30'],
  ['by Friday', '2026-11-27 21:00'],
  ['before Friday', '2026-11-27 21:00'],
  ['by Fri', '2026-11-27 21:00'],
  ['next Monday', '2026-11-30 21:00'],
  ['this Friday', '2026-11-27 21:00'],
  ['on Tuesday', '2026-12-01 21:00'],
  ['by 3pm', '2026-11-25 15:00'],
  ['by 5:30 pm tomorrow', '2026-11-26 17:30'],
  ['at 10:00 tomorrow', '2026-11-26 10:00'],
  ['by noon', '2026-11-25 12:00'],
  ['this afternoon', '2026-11-25 18:00'],
  ['end of day', '2026-11-25 21:00'],
  ['EOD', '2026-11-25 21:00'],
  ['by Dec 3', '2026-12-03 21:00'],
  ['by the 3rd of December', '2026-12-03 21:00'],
  ['by the end of the month', '2026-11-30 21:00'],
  ['day after tomorrow', '2026-11-27 21:00'],
  ['right away', '2026-11-25 11:00'],
  ['shortly', '2026-11-25 11:30'],
  ["I'll refund you", '2026-11-25 21:00', false],
  // Mixed
  ['亲，tomorrow 给您发', '2026-11-26 21:00'],
];

describe('parseDue (Wednesday 2026-11-25 10:30, Asia/Shanghai, shift ends 21:00)', () => {
  it('has at least 40 phrasings', () => expect(TABLE.length).toBeGreaterThanOrEqual(40));

  it.each(TABLE)('%s → %s', (text, expected, explicit = true) => {
    const r = parseDue(text, ctx);
    expect(wall(r.due)).toBe(expected);
    expect(r.explicit).toBe(explicit);
    if (explicit) expect(r.phrase).toBeTruthy();
  });
});

describe('parseDue after the shift (Wednesday 22:30)', () => {
  const late = { ...ctx, now: Date.UTC(2026, 10, 25, 14, 30) };
  it.each([
    ['给您补发', '2026-11-26 21:00'],
    ['今天一定发', '2026-11-25 23:59'],
    ['今晚发出', '2026-11-25 23:59'],
    ['下午3点前', '2026-11-26 15:00'],
    ['上午给您回复', '2026-11-26 12:00'],
    ['3天内', '2026-11-28 22:30'],
  ])('%s → %s', (text, expected) => {
    expect(wall(parseDue(text, late).due)).toBe(expected);
  });
});

describe('time zones', () => {
  it('reads the same words on the agent’s wall clock in another zone', () => {
    // Wednesday 2026-11-25 10:30 in New York.
    const now = Date.UTC(2026, 10, 25, 15, 30);
    const r = parseDue('明天上午给您补发', { now, timeZone: 'America/New_York', shiftEnd: '18:00' });
    expect(wall(r.due, 'America/New_York')).toBe('2026-11-26 12:00');
    expect(r.due).toBe(Date.UTC(2026, 10, 26, 17, 0));
  });

  it('crosses the end of daylight saving time (New York, 2026-11-01)', () => {
    // Sunday 2026-11-01 00:30 EDT; clocks go back at 02:00.
    const now = Date.UTC(2026, 10, 1, 4, 30);
    const tz = 'America/New_York';
    expect(parseDue('today', { now, timeZone: tz, shiftEnd: '21:00' }).due).toBe(Date.UTC(2026, 10, 2, 2, 0));
    expect(parseDue('tomorrow', { now, timeZone: tz, shiftEnd: '21:00' }).due).toBe(Date.UTC(2026, 10, 3, 2, 0));
    // A duration is exact, whatever the wall clock does.
    expect(parseDue('24小时内', { now, timeZone: tz, shiftEnd: '21:00' }).due).toBe(now + 24 * 3600_000);
  });

  it('crosses a year end', () => {
    const now = Date.UTC(2026, 11, 30, 2, 0); // Wednesday 2026-12-30 10:00 Shanghai
    expect(wall(parseDue('周五前', { ...ctx, now }).due)).toBe('2027-01-01 21:00');
    expect(wall(parseDue('1月3号前', { ...ctx, now }).due)).toBe('2027-01-03 21:00');
    expect(wall(parseDue('3号前', { ...ctx, now }).due)).toBe('2027-01-03 21:00');
  });
});

describe('shift ends', () => {
  it('defaultDue is today’s shift end, or tomorrow’s once it has passed', () => {
    expect(wall(defaultDue(NOW, SHANGHAI, '18:30'))).toBe('2026-11-25 18:30');
    expect(wall(defaultDue(Date.UTC(2026, 10, 25, 11, 0), SHANGHAI, '18:30'))).toBe('2026-11-26 18:30');
  });

  it('nextShiftEnd is strictly after now', () => {
    const end = defaultDue(NOW, SHANGHAI, '21:00');
    expect(nextShiftEnd(end, SHANGHAI, '21:00')).toBe(end + 24 * 3600_000);
  });

  it('falls back to 21:00 for an unreadable shift end', () => {
    expect(wall(defaultDue(NOW, SHANGHAI, 'late'))).toBe('2026-11-25 21:00');
  });
});
