/** Row types of Huashu's one IndexedDB database (extension origin only — never opened by a content script). */
import type { CaptureSource } from '../capture';
import type { ConsoleProfile, Pack, Script } from '../pack/schema';

export interface PackRow {
  /** = pack.pack.id */
  id: string;
  pack: Pack;
  /** Lower number = higher priority when several packs answer the same question. */
  priority: number;
  active: boolean;
  source: 'default' | 'import' | 'user';
  installedAt: number;
  /** The copy replaced by the last import, for one-step rollback. */
  previous?: Pack;
  /** What else the last import replaced, so that rollback restores the library exactly. */
  previousState?: PreviousState;
}

export interface PreviousState {
  /** false: the last import installed this pack; rollback removes it. */
  existed: boolean;
  installedAt?: number;
  source?: PackRow['source'];
  /** The agent's edits that the import dropped (redundant, or resolved with the lead's version). */
  overrides: OverrideRow[];
}

/** The agent's own edits of a pack's scripts; `script: null` marks a deleted script. */
export interface OverrideRow {
  packId: string;
  scriptId: string;
  script: Script | null;
  updatedAt: number;
}

/** v3: 'deleted' is an undone promise, kept so that the Promises tab can restore it. */
export type PromiseStatus = 'open' | 'done' | 'deleted';

export interface PromiseNote {
  at: number;
  text: string;
}

/** A promise made in chat (日清). v1 fields, then the fields added in v2 (see lib/db/db.ts). */
export interface PromiseRow {
  id?: number;
  /** Stable id across export/import (re-import never duplicates). */
  uid: string;
  text: string;
  buyer?: string;
  orderId?: string;
  consoleId?: string;
  url?: string;
  createdAt: number;
  /** Epoch ms the promise is due. */
  due: number;
  status: PromiseStatus;
  doneAt?: number;
  notes: PromiseNote[];
  /** v2: last change (logged, edited, done, carried over, note); the newer copy wins on import. */
  updatedAt: number;
  /** v2: false when the text named no time and the end of the shift was used. */
  dueExplicit?: boolean;
  /** v2: where the text came from. */
  source?: CaptureSource;
  /** v2: length of the original text when it was cut (a 20,000-character selection). */
  truncatedFrom?: number;
  /** v2: how many times it was carried over to a new due time in the evening review. */
  carriedOver?: number;
  /** v2: when the agent was told it is overdue (told once). */
  overdueNotifiedAt?: number;
  /** v3 (indexed): when the toast's Undo deleted it (status 'deleted'); cleared by restore. */
  deletedAt?: number;
  /** v3: the status to restore ('open' or 'done'). */
  deletedFrom?: 'open' | 'done';
  /**
   * v3: a secret the logging page chose (never exported): only a page that knows it may log the same uid
   * again, undo or edit the promise from its toast (another tab knowing the uid cannot).
   */
  ownerKey?: string;
  /**
   * Team fields (not indexed: no schema version). `owner`: the agent who logged it (Settings › agent name);
   * `shift`: the shift it was logged in; `closedBy`: who marked it done; `handedBy`: the agent whose handover
   * file brought it to this machine (absent for promises logged here).
   */
  owner?: string;
  shift?: string;
  closedBy?: string;
  handedBy?: string;
}

/** Buyer feedback filed to a department. v1 fields, then v2 (see lib/db/db.ts). */
export interface FeedbackRow {
  id?: number;
  uid: string;
  text: string;
  /** A DepartmentId of lib/feedback/departments.ts (free text kept as is). */
  department: string;
  /** Topic id inside the department; optional in v1, always set from v2 on. */
  topic: string;
  buyer?: string;
  orderId?: string;
  url?: string;
  createdAt: number;
  /** v2 */
  updatedAt: number;
  consoleId?: string;
  source?: CaptureSource;
  truncatedFrom?: number;
  /** v3 (not indexed): the logging page's secret, as PromiseRow.ownerKey (never exported). */
  ownerKey?: string;
  /** v4 (indexed): where the department's answer stands; rows from before v4 are 'new'. */
  status?: FeedbackStatus;
  /** v4 (indexed): when the department's answer is due (epoch ms); absent = no deadline. */
  dueAt?: number;
  /** v4: the department's answer, as the agent copied it in. */
  answer?: string;
  /** v4: the agent who filed it (Settings.agentName at filing, or the feedback file's agent). */
  agent?: string;
  /** v4: when it was sent to the department / answered / closed. */
  sentAt?: number;
  answeredAt?: number;
  closedAt?: number;
}

/** v4: new → sent (to the department) → answered (their answer recorded) → closed (settled with the buyer). */
export const FEEDBACK_STATUSES = ['new', 'sent', 'answered', 'closed'] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

export interface UsageRow {
  id?: number;
  at: number;
  kind: 'insert' | 'search' | 'miss';
  packId?: string;
  scriptId?: string;
  /** Rank of the inserted suggestion (0-based); -1 when it came from manual search. */
  rank?: number;
  /** The buyer message it answered (stays on this machine). */
  message?: string;
  /** The answer text inserted (for the best-answer review of the team's variants). */
  answer?: string;
  /** The featured product whose pitch was inserted (not indexed: no schema version needed). */
  featuredId?: string;
  /** The agent handled this row in Scripts › Learn (added its wording, or declined). */
  dismissed?: boolean;
}

/** A console the agent enabled (optional host permission granted) and its taught profile, if any. */
export interface SiteRow {
  /** Match pattern, e.g. "https://desk.example.com/*". */
  pattern: string;
  enabledAt: number;
  profile?: ConsoleProfile;
}
