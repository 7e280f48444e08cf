/**
 * Usage rows (which suggestion the agent inserted, at which rank, after which buyer message; manual
 * searches; misses) — kept on this machine only — and learning from them: a message the engine ranked
 * low or missed, answered by the agent with a script, becomes a new question of that script in one click.
 */
import type { HuashuDB } from '../db/db';
import type { UsageRow } from '../db/schema';
import type { Pack, Script } from '../pack/schema';
import { addQuestion, type EditResult } from './editor';
import { learnWording } from './learn-text';
import { groupKey } from './text';

/** What the card reports: an insertion, a manual search, or a buyer question that got no card. */
export interface UsageEvent {
  kind: 'insert' | 'search' | 'miss';
  packId?: string;
  scriptId?: string;
  rank?: number;
  message?: string;
  /** The answer text that was inserted (the agent may have edited the script in their own layer). */
  answer?: string;
  /** The featured product whose pitch was inserted (with `packId`; no `scriptId`). */
  featuredId?: string;
}

/** Oldest rows go beyond this many, so a long-running install stays small. */
export const USAGE_LIMIT = 50_000;
const KINDS = new Set<UsageRow['kind']>(['insert', 'search', 'miss']);
const cut = (s: unknown, n: number) => (typeof s === 'string' && s.trim() ? s.trim().slice(0, n) : undefined);

/** Store one usage event (from the card via the background). Malformed events are ignored. */
export async function recordUsage(
  db: HuashuDB,
  event: UsageEvent,
  now = Date.now(),
  limit = USAGE_LIMIT,
): Promise<number | undefined> {
  if (!event || !KINDS.has(event.kind)) return undefined;
  const row: UsageRow = { at: now, kind: event.kind };
  const packId = cut(event.packId, 120);
  const scriptId = cut(event.scriptId, 120);
  const message = cut(event.message, 500);
  const answer = cut(event.answer, 5000);
  const featuredId = cut(event.featuredId, 120);
  if (packId) row.packId = packId;
  if (scriptId) row.scriptId = scriptId;
  if (Number.isInteger(event.rank)) row.rank = Math.max(-1, Math.min(99, event.rank!));
  if (message) row.message = message;
  if (answer) row.answer = answer;
  if (featuredId) row.featuredId = featuredId;
  const id = await db.usage.add(row);
  const extra = (await db.usage.count()) - limit;
  if (extra > 0) await db.usage.orderBy('at').limit(extra).delete();
  return id;
}

export interface LearnCandidate {
  packId: string;
  scriptId: string;
  title: string;
  /** The buyer's message (the latest one of the group). */
  message: string;
  /** What would be added as a question: the clause of the message that asks this (see learn-text.ts). */
  wording: string;
  /** How often the agent answered this wording with this script. */
  count: number;
  /** Best rank the engine gave it (-1: only found by manual search). */
  rank: number;
  usageIds: number[];
  lastAt: number;
}

/**
 * Inserts whose message the engine did not rank first (or missed: rank -1), grouped by script and
 * learned wording, most frequent first. Wordings the script already has, and dismissed rows, are left out.
 */
export function learnCandidates(usage: UsageRow[], packs: Pack[]): LearnCandidate[] {
  const scripts = new Map<string, Script>(
    packs.flatMap((p) => p.scripts.map((s) => [`${p.pack.id}\n${s.id}`, s] as [string, Script])),
  );
  const known = new Map<string, Set<string>>();
  const groups = new Map<string, LearnCandidate>();
  for (const u of usage) {
    if (u.kind !== 'insert' || u.dismissed || u.rank === 0 || !u.message || !u.packId || !u.scriptId) continue;
    const sk = `${u.packId}\n${u.scriptId}`;
    const script = scripts.get(sk);
    if (!script) continue;
    let questions = known.get(sk);
    if (!questions) known.set(sk, (questions = new Set(script.questions.map(groupKey))));
    const wording = learnWording(u.message, script);
    const mk = groupKey(wording);
    if (!mk || questions.has(mk)) continue;
    const key = `${sk}\n${mk}`;
    const rank = u.rank ?? -1;
    const g = groups.get(key);
    if (!g) {
      groups.set(key, {
        packId: u.packId,
        scriptId: u.scriptId,
        title: script.title ?? script.questions[0],
        message: u.message,
        wording,
        count: 1,
        rank,
        usageIds: u.id === undefined ? [] : [u.id],
        lastAt: u.at,
      });
      continue;
    }
    g.count++;
    if (u.id !== undefined) g.usageIds.push(u.id);
    if (rank >= 0 && (g.rank < 0 || rank < g.rank)) g.rank = rank;
    if (u.at >= g.lastAt) [g.lastAt, g.message, g.wording] = [u.at, u.message, wording];
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || b.lastAt - a.lastAt);
}

/**
 * One click: the wording (as shown, or as the agent corrected it) becomes a question of the script; the
 * rows are marked handled so a corrected wording does not bring the candidate back.
 */
export async function acceptLearn(db: HuashuDB, c: LearnCandidate, wording = c.wording): Promise<EditResult> {
  const r = await addQuestion(db, c.packId, c.scriptId, wording);
  if (r.ok) await dismissLearn(db, c);
  return r;
}

export async function dismissLearn(db: HuashuDB, c: LearnCandidate): Promise<void> {
  await db.transaction('rw', db.usage, async () => {
    for (const id of c.usageIds) await db.usage.update(id, { dismissed: true });
  });
}
