/** Due times as the agent reads them, on the agent's wall clock: "今天 21:00", "明天 12:00", "周五 21:00". */
import type { Locale } from '../i18n';
import { civilDateOf, dayNumber, isoDay, zonedParts, zonedToEpoch } from './civil';

/** The UI languages (one owner: lib/i18n.ts). */
export type Lang = Locale;

const WORDS: Record<Lang, { today: string; tomorrow: string; yesterday: string; weekdays: string[] }> = {
  zh_CN: {
    today: '今天',
    tomorrow: '明天',
    yesterday: '昨天',
    weekdays: ['周日', '周一', '周二', '周三', '周四', '周五', '周六'],
  },
  zh_TW: {
    today: '今天',
    tomorrow: '明天',
    yesterday: '昨天',
    weekdays: ['週日', '週一', '週二', '週三', '週四', '週五', '週六'],
  },
  en: {
    today: 'Today',
    tomorrow: 'Tomorrow',
    yesterday: 'Yesterday',
    weekdays: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
  },
};

const two = (n: number) => String(n).padStart(2, '0');

/** "2026-11-25 21:00" on the agent's wall clock (exports, tooltips). */
export function formatWall(epoch: number, timeZone: string): string {
  const p = zonedParts(epoch, timeZone);
  return `${isoDay(p)} ${two(p.hour)}:${two(p.minute)}`;
}

/** "HH:MM" on the agent's wall clock. */
export function formatTime(epoch: number, timeZone: string): string {
  const p = zonedParts(epoch, timeZone);
  return `${two(p.hour)}:${two(p.minute)}`;
}

/** Short relative form: 今天 21:00 / 明天 12:00 / 周五 21:00 (this week) / 12-03 21:00 / 2027-01-03 21:00. */
export function formatDue(epoch: number, now: number, timeZone: string, lang: Lang = 'zh_CN'): string {
  const w = WORDS[lang];
  const p = zonedParts(epoch, timeZone);
  const diff = dayNumber(p) - dayNumber(civilDateOf(now, timeZone));
  const time = `${two(p.hour)}:${two(p.minute)}`;
  if (diff === 0) return `${w.today} ${time}`;
  if (diff === 1) return `${w.tomorrow} ${time}`;
  if (diff === -1) return `${w.yesterday} ${time}`;
  if (diff > 1 && diff < 7) return `${w.weekdays[p.weekday]} ${time}`;
  const nowYear = zonedParts(now, timeZone).year;
  const date = p.year === nowYear ? `${two(p.month)}-${two(p.day)}` : isoDay(p);
  return `${date} ${time}`;
}

/** Value for <input type="datetime-local"> showing an instant on the agent's wall clock. */
export function toDateTimeLocal(epoch: number, timeZone: string): string {
  const p = zonedParts(epoch, timeZone);
  return `${isoDay(p)}T${two(p.hour)}:${two(p.minute)}`;
}

/** The instant an <input type="datetime-local"> value means on the agent's wall clock; NaN when invalid. */
export function fromDateTimeLocal(value: string, timeZone: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!m) return NaN;
  const [year, month, day, hour, minute] = m.slice(1).map(Number);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return NaN;
  return zonedToEpoch({ year, month, day }, hour, minute, timeZone);
}
