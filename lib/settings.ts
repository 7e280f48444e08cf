/**
 * Agent settings, kept in storage.local (readable by the content script without messaging, and
 * observable with `watch`). Defaults here are the single source of truth.
 */
import { storage } from 'wxt/utils/storage';

export interface Settings {
  /** Answer variant shown first when the buyer's register is unclear. */
  defaultTone: 'friendly' | 'formal';
  /** '' = follow the browser's language. */
  uiLanguage: '' | 'zh_CN' | 'zh_TW' | 'en';
  shift: { start: string; end: string };
  /** IANA time zone; '' = the browser's. */
  timeZone: string;
  /** Gift compensation budget per day, in the store's currency. */
  giftBudgetPerDay: number;
  /** Hide the card on consoles until the agent opens it. */
  cardCollapsed: boolean;
  /** Name written into exported stats files, so the lead can merge several agents' files. */
  agentName: string;
  /** Working days a department has to answer feedback, by DepartmentId; missing = 3 (lib/feedback/due.ts). */
  feedbackDueDays: Record<string, number>;
  /** Public holidays ("YYYY-MM-DD") skipped like weekends when counting working days. */
  holidays: string[];
  /** Named shifts for the shift handover (e.g. 白班 09:00–18:00, 晚班 18:00–24:00); may be empty. */
  shifts: Shift[];
}

export interface Shift {
  name: string;
  /** "HH:MM" on the agent's wall clock; an end of "24:00" (or before the start) runs to midnight / overnight. */
  start: string;
  end: string;
}

export const DEFAULT_SETTINGS: Settings = {
  defaultTone: 'friendly',
  uiLanguage: '',
  shift: { start: '09:00', end: '21:00' },
  timeZone: '',
  giftBudgetPerDay: 50,
  cardCollapsed: false,
  agentName: '',
  feedbackDueDays: {},
  holidays: [],
  shifts: [],
};

export const settingsItem = storage.defineItem<Settings>('local:settings', { fallback: DEFAULT_SETTINGS });

/** Set once the bundled default pack was installed; "delete all data" clears it (back to the first run). */
export const defaultPackInstalledItem = storage.defineItem<boolean>('local:defaultPackInstalled', { fallback: false });
export const defaultPackFlag = {
  get: () => defaultPackInstalledItem.getValue(),
  set: (value: boolean) => defaultPackInstalledItem.setValue(value),
};

export async function getSettings(): Promise<Settings> {
  const stored = await settingsItem.getValue();
  return {
    ...DEFAULT_SETTINGS,
    ...stored,
    shift: { ...DEFAULT_SETTINGS.shift, ...stored.shift },
    shifts: Array.isArray(stored.shifts) ? stored.shifts : [],
  };
}
