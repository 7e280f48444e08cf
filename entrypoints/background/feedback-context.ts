/** What the background adds to feedback it files (used by the shortcut and the card's messages). */
import type { FilingContext } from '@/lib/feedback/log';
import { getSettings } from '@/lib/settings';
import { resolveTimeZone } from '@/lib/time/civil';

/** The agent's name and the deadline rules of Options, read at each filing (Options may have changed). */
export async function filingContext(): Promise<FilingContext> {
  try {
    const s = await getSettings();
    const due = { feedbackDueDays: s.feedbackDueDays, holidays: s.holidays, timeZone: resolveTimeZone(s.timeZone) };
    return { agent: s.agentName, due };
  } catch {
    return {}; // filed without a name or deadline rather than not at all
  }
}
