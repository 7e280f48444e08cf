/** When a department's answer to a feedback entry is due: working days from Options, per department. */
import type { Settings } from '../settings';
import { workingDeadline } from '../time/working-days';

/** Working days a department gets when Options name none. */
export const DEFAULT_DUE_DAYS = 3;
/** Longest deadline Options accept (a quarter of working days). */
export const MAX_DUE_DAYS = 60;

export type DuePolicy = Pick<Settings, 'feedbackDueDays' | 'holidays'> & { timeZone: string };

export function dueDaysFor(department: string, days: Settings['feedbackDueDays'] | undefined): number {
  const n = days && Object.hasOwn(days, department) ? days[department] : undefined;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= MAX_DUE_DAYS ? n : DEFAULT_DUE_DAYS;
}

/** The deadline for `department`'s answer to feedback filed (or sent) at `from`. */
export function dueAt(department: string, from: number, policy: DuePolicy): number {
  return workingDeadline(from, dueDaysFor(department, policy.feedbackDueDays), policy.timeZone, policy.holidays);
}
