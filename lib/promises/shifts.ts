/** Which named shift (Settings › shifts) an instant falls in. Pure: the zone is passed in. */
import type { Shift } from '../settings';
import { zonedParts } from '../time/civil';

/** "HH:MM" → minutes since midnight, "24:00" allowed (end of day); NaN when it is not a time. */
export function shiftMinutes(text: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m) return NaN;
  const v = Number(m[1]) * 60 + Number(m[2]);
  return Number(m[2]) < 60 && v <= 24 * 60 ? v : NaN;
}

/** "白班 09:00-18:00" lines (the Options text box) → shifts; lines that do not read as a shift are returned apart. */
export function parseShifts(text: string): { shifts: Shift[]; bad: string[] } {
  const shifts: Shift[] = [];
  const bad: string[] = [];
  for (const line of text.split(/\r?\n/).map((l) => l.trim())) {
    if (!line) continue;
    const m = /^(.+?)\s+(\d{1,2}:\d{2})\s*[-–—~～至到]\s*(\d{1,2}:\d{2})$/.exec(line);
    if (!m || Number.isNaN(shiftMinutes(m[2])) || Number.isNaN(shiftMinutes(m[3]))) bad.push(line);
    else shifts.push({ name: m[1].trim(), start: m[2].padStart(5, '0'), end: m[3].padStart(5, '0') });
  }
  return { shifts, bad };
}

export function formatShifts(shifts: readonly Shift[]): string {
  return shifts.map((s) => `${s.name} ${s.start}-${s.end}`).join('\n');
}

/** The shift `now` falls in (an end at or before the start runs past midnight); undefined when none. */
export function shiftAt(shifts: readonly Shift[], now: number, timeZone: string): Shift | undefined {
  const p = zonedParts(now, timeZone);
  const at = p.hour * 60 + p.minute;
  return shifts.find((s) => {
    const start = shiftMinutes(s.start);
    const end = shiftMinutes(s.end);
    if (Number.isNaN(start) || Number.isNaN(end)) return false;
    return end > start ? at >= start && at < end : at >= start || at < end;
  });
}
