/**
 * Due time of a promise, read from what the agent wrote (Chinese or English), in the agent's time zone.
 * Pure: the clock, the zone and the shift end are passed in.
 *
 * Rules (a due time is a deadline: the last moment the promise is still kept):
 * - Durations are exact: 3天内 / within 3 days = now + 72 h; 48小时内 = now + 48 h; N个工作日内 = end of the
 *   shift on the Nth working day (Mon–Fri) after today.
 * - A day without a time (明天, 后天, 周五前, 下周一, by Friday, 25号, end of month) = end of that day's shift.
 *   "Before Friday" is read as "by Friday", as agents use it. 下周X / next X = that day of next week (weeks
 *   start on Monday); 周X / X alone = the next such day, today included.
 * - Parts of the day end at: morning 12:00, 中午 13:00 (noon 12:00), afternoon 18:00, 傍晚 19:00,
 *   evening / tonight 22:00. End of day / EOD / close of business = end of the shift.
 * - A clock time without am/pm: 1–7 o'clock means the afternoon; on today, a time already past moves 12 h
 *   later when that is still today, else to tomorrow.
 * - 马上 / right away = now + 30 min; 稍后 / shortly = now + 1 h.
 * - No time at all → end of today's shift (end of tomorrow's shift when today's has passed); "today" after
 *   the shift has ended → 23:59 today.
 */
import { normalizeText } from '../text/lexicon-normalize';
import {
  addDays,
  atMinutes,
  civilDateOf,
  dayNumber,
  daysInMonth,
  parseClock,
  weekdayOf,
  zonedParts,
  type CivilDate,
} from '../time/civil';

export interface DueContext {
  /** Epoch ms of "now". */
  now: number;
  /** IANA zone of the agent (already resolved, see resolveTimeZone). */
  timeZone: string;
  /** End of the agent's shift, "HH:MM". */
  shiftEnd: string;
}

export interface DueResult {
  /** Epoch ms. */
  due: number;
  /** False when the text named no time and the end of the shift was used. */
  explicit: boolean;
  /** What the due time was read from (normalised text), for display. */
  phrase?: string;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const PART_OF_DAY_END: [RegExp, number][] = [
  [/(凌晨)/, 6 * 60],
  [/(早上|早晨|一早|清早|上午|明早|今早|this morning|tomorrow morning|in the morning|\bmorning\b)/, 12 * 60],
  [/(中午|午饭前|lunchtime|lunch time|midday)/, 13 * 60],
  [/(\bnoon\b)/, 12 * 60],
  [/(下午|午后|this afternoon|in the afternoon|\bafternoon\b)/, 18 * 60],
  [/(傍晚)/, 19 * 60],
  [/(晚上|今晚|明晚|夜里|今夜|晚间|tonight|this evening|in the evening|\bevening\b)/, 22 * 60],
];

const EN_NUMBERS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  'a couple of': 2,
  'a couple': 2,
  couple: 2,
  'a few': 3,
  few: 3,
  24: 24,
};

const EN_WEEKDAYS: Record<string, number> = {
  sunday: 0,
  sun: 0,
  monday: 1,
  mon: 1,
  tuesday: 2,
  tue: 2,
  tues: 2,
  wednesday: 3,
  wed: 3,
  thursday: 4,
  thu: 4,
  thur: 4,
  thurs: 4,
  friday: 5,
  fri: 5,
  saturday: 6,
  sat: 6,
};

const CN_WEEKDAYS: Record<string, number> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  日: 0,
  天: 0,
  '1': 1,
  '2': 2,
  '3': 3,
  '4': 4,
  '5': 5,
  '6': 6,
  '7': 0,
};

const EN_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;

interface Found<T> {
  value: T;
  phrase: string;
}

/** The first match of `re` in `s` that `map` accepts. */
function first<T>(s: string, re: RegExp, map: (m: RegExpExecArray) => T | undefined): Found<T> | undefined {
  for (const m of s.matchAll(new RegExp(re.source, `${re.flags.replace('g', '')}g`))) {
    const value = map(m as RegExpExecArray);
    if (value !== undefined) return { value, phrase: m[0].trim() };
  }
  return undefined;
}

function enNumber(word: string): number {
  const w = word.trim();
  if (/^\d+(\.\d+)?$/.test(w)) return Number(w);
  return EN_NUMBERS[w] ?? NaN;
}

type Duration = { ms: number } | { workingDays: number };

/** 3天内, 48小时内, 半小时内, 2个工作日内, 3天后; within 3 days, in 2 hours, within the hour, 24h. */
function findDuration(s: string): Found<Duration> | undefined {
  const zh = first(
    s,
    /(\d+(?:\.\d+)?|半)(?:\s*[-~到至]\s*(\d+(?:\.\d+)?))?\s*(个半|个)?\s*(工作日|小时|钟头|分钟|天|日|周|星期|礼拜)\s*(之内|以内|内|后|之后|以后)?/,
    (m) => {
      // 3天内, 1-3个工作日 (to the upper bound), 24小时发货; a bare "3天" is not a deadline.
      const verbAfter = /^[发到回处退送寄给完]/.test(m.input.slice(m.index + m[0].length));
      if (m[5] === undefined && m[4] !== '工作日' && !verbAfter) return undefined;
      const upper = m[2] ?? m[1];
      const n = upper === '半' ? 0.5 : Number(upper) + (m[3] === '个半' ? 0.5 : 0);
      if (!(n > 0)) return undefined;
      switch (m[4]) {
        case '工作日':
          return { workingDays: Math.ceil(n) };
        case '小时':
        case '钟头':
          return { ms: n * HOUR };
        case '分钟':
          return { ms: n * MINUTE };
        case '天':
        case '日':
          return { ms: n * DAY };
        default:
          return { ms: n * 7 * DAY };
      }
    },
  );
  if (zh) return zh;
  const en = first(
    s,
    /\b(?:within|in|inside(?: of)?|under)\s+(?:the next\s+|next\s+)?(\d+(?:\.\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a couple(?: of)?|a few)\s*(business days?|working days?|days?|hours?|hrs?|h|minutes?|mins?|weeks?)\b/,
    (m) => {
      const n = enNumber(m[1]);
      if (!(n > 0)) return undefined;
      const unit = m[2];
      if (/^(business|working)/.test(unit)) return { workingDays: Math.ceil(n) };
      if (/^day/.test(unit)) return { ms: n * DAY };
      if (/^(hour|hr|h$)/.test(unit)) return { ms: n * HOUR };
      if (/^min/.test(unit)) return { ms: n * MINUTE };
      return { ms: n * 7 * DAY };
    },
  );
  if (en) return en;
  const hourWords = first(s, /\b(?:within|in) (?:the (?:next )?hour|half an hour)\b/, (m) => ({
    ms: m[0].includes('half') ? 30 * MINUTE : HOUR,
  }));
  if (hourWords) return hourWords;
  return first(s, /\b(\d+)\s*(?:days?|hours?|hrs?) from now\b/, (m) => ({
    ms: Number(m[1]) * (/day/.test(m[0]) ? DAY : HOUR),
  }));
}

type DayAnchor = { offset: number } | { date: CivilDate };

/** Which day: 今天/明天/后天/大后天, 周五/下周一/这周三, 周末, 月底, 25号, 12月3日; today, tomorrow, by Friday… */
function findDay(s: string, today: CivilDate): Found<DayAnchor> | undefined {
  const todayWeekday = weekdayOf(today);
  const weekdayFromToday = (target: number, week: 'next-occurrence' | 'this' | 'next' | 'after-next') => {
    const mondayOffset = -((todayWeekday + 6) % 7);
    const targetFromMonday = (target + 6) % 7;
    switch (week) {
      case 'next-occurrence':
        return (target - todayWeekday + 7) % 7;
      case 'this': {
        const off = mondayOffset + targetFromMonday;
        return off < 0 ? off + 7 : off;
      }
      case 'next':
        return mondayOffset + 7 + targetFromMonday;
      case 'after-next':
        return mondayOffset + 14 + targetFromMonday;
    }
  };
  const sundayThisWeek = weekdayFromToday(0, 'this');

  const finders: (() => Found<DayAnchor> | undefined)[] = [
    () => first(s, /(大后天|day after the day after tomorrow)/, () => ({ offset: 3 })),
    () => first(s, /(后天|day after tomorrow)/, () => ({ offset: 2 })),
    () => first(s, /(明天|明日|明儿|明早|明晚|明个|\btomorrow\b|\btmrw?\b)/, () => ({ offset: 1 })),
    // Weekdays, Chinese: 下下周一, 下周一, 这周三, 本周五, 周五, 星期五, 礼拜天.
    () =>
      first(s, /(下下|下个?|这个?|本)?\s*(?:周|星期|礼拜)([一二三四五六日天1-7])/, (m) => {
        const target = CN_WEEKDAYS[m[2]];
        const prefix = m[1] ?? '';
        const week = prefix.startsWith('下下')
          ? 'after-next'
          : prefix.startsWith('下')
            ? 'next'
            : prefix
              ? 'this'
              : 'next-occurrence';
        return { offset: weekdayFromToday(target, week) };
      }),
    // Weekdays, English: next Monday, this Friday, by Fri, before Friday, on Tuesday, Friday.
    () =>
      first(
        s,
        /\b(?:(next|this|coming|by|before|on|until|till)\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday|(?<=(?:next|this|coming|by|before|on|until|till)\s+)(?:mon|tues?|wed|thur?s?|fri|sat|sun))\b/,
        (m) => {
          const target = EN_WEEKDAYS[m[2]];
          if (target === undefined) return undefined;
          const week = m[1] === 'next' ? 'next' : m[1] === 'this' ? 'this' : 'next-occurrence';
          return { offset: weekdayFromToday(target, week) };
        },
      ),
    () => first(s, /(周末前|周末之前|before the weekend)/, () => ({ offset: weekdayFromToday(5, 'next-occurrence') })),
    () =>
      first(s, /(这周末|本周末|周末|this weekend|the weekend|by the end of the week|end of (?:the|this) week)/, () => ({
        offset: sundayThisWeek,
      })),
    () => first(s, /(本周内|这周内|这周|本周|this week)/, () => ({ offset: sundayThisWeek })),
    () => first(s, /(下周|下个星期|下星期|下礼拜|next week)/, () => ({ offset: sundayThisWeek + 7 })),
    () =>
      first(s, /(月底|月末|本月底|end of (?:the |this )?month|month end)/, () => ({
        date: { ...today, day: daysInMonth(today.year, today.month) },
      })),
    // Full dates: 2026-12-03, 2026/12/3.
    () =>
      first(s, /\b(20\d{2})[-/.](\d{1,2})[-/.](\d{1,2})\b/, (m) => validDate(Number(m[1]), Number(m[2]), Number(m[3]))),
    // 12月3日, 12月3号.
    () => first(s, /(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]/, (m) => upcomingMonthDay(today, Number(m[1]), Number(m[2]))),
    // Dec 3, December 3rd, 3 Dec, 3rd of December.
    () =>
      first(s, /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b/, (m) =>
        upcomingMonthDay(today, EN_MONTHS.indexOf(m[1].slice(0, 3) as (typeof EN_MONTHS)[number]) + 1, Number(m[2])),
      ),
    () =>
      first(
        s,
        /\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/,
        (m) => upcomingMonthDay(today, EN_MONTHS.indexOf(m[2] as (typeof EN_MONTHS)[number]) + 1, Number(m[1])),
      ),
    // 25号前, 3日之前 (a day of this month, or next month when past) — not 3号楼, 1号线, order numbers.
    () =>
      first(s, /(?<![\d\w月])(\d{1,2})\s*[号日](?![楼线门店仓口码位床房库车机柜])/, (m) =>
        upcomingDayOfMonth(today, Number(m[1])),
      ),
    // by 12/3, before 12/3, 12/3前 (month/day).
    () =>
      first(s, /(?:\b(?:by|before|on|until)\s+(\d{1,2})\/(\d{1,2})\b|(\d{1,2})\/(\d{1,2})\s*(?:前|之前))/, (m) =>
        upcomingMonthDay(today, Number(m[1] ?? m[3]), Number(m[2] ?? m[4])),
      ),
    () =>
      first(
        s,
        /(今天|今日|今儿|今晚|今早|今夜|当天|\btoday\b|\btonight\b|this (?:morning|afternoon|evening)|end of (?:the )?day|\beod\b|close of business|\bcob\b|later today)/,
        () => ({ offset: 0 }),
      ),
  ];
  for (const find of finders) {
    const found = find();
    if (found) return found;
  }
  return undefined;
}

function validDate(year: number, month: number, day: number): DayAnchor | undefined {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { date: { year, month, day } };
}

function upcomingMonthDay(today: CivilDate, month: number, day: number): DayAnchor | undefined {
  const thisYear = validDate(today.year, month, day);
  if (!thisYear || !('date' in thisYear)) return undefined;
  return dayNumber(thisYear.date) >= dayNumber(today) ? thisYear : validDate(today.year + 1, month, day);
}

function upcomingDayOfMonth(today: CivilDate, day: number): DayAnchor | undefined {
  if (day < 1 || day > 31) return undefined;
  if (day >= today.day && day <= daysInMonth(today.year, today.month)) return { date: { ...today, day } };
  for (let i = 1; i <= 2; i++) {
    const next = addDays({ ...today, day: 1 }, 32 * i);
    const candidate = { year: next.year, month: next.month, day };
    if (day <= daysInMonth(candidate.year, candidate.month)) return { date: candidate };
  }
  return undefined;
}

interface Clock {
  /** Minutes since midnight. */
  minutes: number;
  /** True when am/pm or a 24-hour reading makes the hour unambiguous. */
  definite: boolean;
}

/** 15:00, 3点, 3点半, 10点20分, 3pm, 3:30 pm, 5 o'clock. */
function findClock(s: string): Found<Clock> | undefined {
  const ampm = first(s, /\b(\d{1,2})(?::(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)(?![a-z])/, (m) => {
    let h = Number(m[1]);
    const min = Number(m[2] ?? 0);
    if (h > 12 || min > 59) return undefined;
    const pm = m[3].startsWith('p');
    if (pm && h < 12) h += 12;
    if (!pm && h === 12) h = 0;
    return { minutes: h * 60 + min, definite: true };
  });
  if (ampm) return ampm;
  const colon = first(s, /(?<![\d:])(\d{1,2})[:：](\d{2})(?![\d:])/, (m) => {
    const h = Number(m[1]);
    const min = Number(m[2]);
    if (h > 24 || min > 59) return undefined;
    return { minutes: Math.min(h * 60 + min, 24 * 60 - 1), definite: h === 0 || h > 12 };
  });
  if (colon) return colon;
  const zh = first(s, /(?<!\d)(\d{1,2})\s*点\s*(半|一刻|三刻|(\d{1,2})\s*分?|钟)?/, (m) => {
    const h = Number(m[1]);
    if (h > 24) return undefined;
    const min = m[2] === '半' ? 30 : m[2] === '一刻' ? 15 : m[2] === '三刻' ? 45 : m[3] ? Number(m[3]) : 0;
    if (min > 59) return undefined;
    return { minutes: Math.min(h * 60 + min, 24 * 60 - 1), definite: h === 0 || h > 12 };
  });
  if (zh) return zh;
  return first(s, /\b(\d{1,2})\s*o'?clock\b/, (m) => {
    const h = Number(m[1]);
    return h <= 12 ? { minutes: h * 60, definite: false } : undefined;
  });
}

function findPartOfDay(s: string): Found<number> | undefined {
  for (const [re, end] of PART_OF_DAY_END) {
    const found = first(s, re, () => end);
    if (found) return found;
  }
  return undefined;
}

function findSoon(s: string): Found<number> | undefined {
  return (
    first(s, /(马上|立刻|立即|立马|这就|现在就|right away|right now|\bimmediately\b)/, () => 30 * MINUTE) ??
    first(s, /(稍后|稍等|一会儿|一会|待会|等会|过会|晚点|\bshortly\b|in a moment|in a bit|\bsoon\b)/, () => HOUR)
  );
}

/** Clock minutes for a part of the day: 下午3点 → 15:00, 晚上8点 → 20:00, 中午1点 → 13:00, 3点 → 15:00. */
function resolveHour(clock: Clock, partEnd: number | undefined): number {
  let { minutes } = clock;
  const h = Math.floor(minutes / 60);
  if (clock.definite) return minutes;
  if (partEnd !== undefined) {
    if (partEnd >= 18 * 60 && h < 12) minutes += 12 * 60;
    else if (partEnd === 13 * 60 && h >= 1 && h <= 3) minutes += 12 * 60;
    return Math.min(minutes, 24 * 60 - 1);
  }
  // Nobody promises 3 a.m.: 1–7 o'clock without a part of the day is the afternoon.
  if (h >= 1 && h <= 7) minutes += 12 * 60;
  return minutes;
}

function addWorkingDays(today: CivilDate, n: number): CivilDate {
  let d = today;
  let left = n;
  while (left > 0) {
    d = addDays(d, 1);
    const wd = weekdayOf(d);
    if (wd !== 0 && wd !== 6) left--;
  }
  return d;
}

/** Read the due time of a promise from its text (see the rules at the top of this file). */
export function parseDue(text: string, ctx: DueContext): DueResult {
  const s = normalizeText(text);
  const { now, timeZone } = ctx;
  const shiftEnd = parseClock(ctx.shiftEnd);
  const today = civilDateOf(now, timeZone);
  const at = (date: CivilDate, minutes: number) => atMinutes(date, minutes, timeZone);
  const phraseOf = (...found: (Found<unknown> | undefined)[]) =>
    found
      .filter((f): f is Found<unknown> => !!f)
      .map((f) => f.phrase)
      .join(' ');

  const duration = findDuration(s);
  if (duration) {
    const d = duration.value;
    const due = 'ms' in d ? now + d.ms : at(addWorkingDays(today, d.workingDays), shiftEnd);
    return { due, explicit: true, phrase: duration.phrase };
  }

  const day = findDay(s, today);
  const clock = findClock(s);
  const part = findPartOfDay(s);

  if (day || clock || part) {
    const date = !day ? today : 'offset' in day.value ? addDays(today, day.value.offset) : day.value.date;
    const phrase = phraseOf(day, part, clock);
    let minutes: number;
    if (clock) minutes = resolveHour(clock.value, part?.value);
    else if (part) minutes = part.value;
    else minutes = shiftEnd;
    let due = at(date, minutes);
    if (due <= now) {
      const sameDay = dayNumber(date) === dayNumber(today);
      if (!day && clock && !clock.value.definite && !part && minutes < 12 * 60 && at(today, minutes + 12 * 60) > now) {
        due = at(today, minutes + 12 * 60);
      } else if (!day) {
        // "下午3点" said at 16:00, "上午" said at 14:00: the next one.
        due = at(addDays(today, 1), minutes);
      } else if (sameDay && !clock) {
        // "today" / "tonight" after it has passed: still today.
        due = at(today, 23 * 60 + 59);
      }
    }
    return { due, explicit: true, phrase };
  }

  const soon = findSoon(s);
  if (soon) return { due: now + soon.value, explicit: true, phrase: soon.phrase };

  return { due: defaultDue(now, timeZone, ctx.shiftEnd), explicit: false };
}

/** End of today's shift, or of tomorrow's when today's has passed. */
export function defaultDue(now: number, timeZone: string, shiftEndText: string): number {
  const shiftEnd = parseClock(shiftEndText);
  const today = civilDateOf(now, timeZone);
  const todayEnd = atMinutes(today, shiftEnd, timeZone);
  return todayEnd > now ? todayEnd : atMinutes(addDays(today, 1), shiftEnd, timeZone);
}

/** The next end of shift strictly after `now` (for the evening review alarm). */
export function nextShiftEnd(now: number, timeZone: string, shiftEndText: string): number {
  return defaultDue(now + 1, timeZone, shiftEndText);
}

/** Hour and minute of an instant on the agent's wall clock (for tests and display). */
export function wallClock(epoch: number, timeZone: string): string {
  const p = zonedParts(epoch, timeZone);
  return `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
}
