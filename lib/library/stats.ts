/**
 * Stats for the team lead, as pure functions over usage rows: a `huashu.stats` file per agent (what
 * "Export stats" writes), several merged into one report, and the views over it — most used scripts,
 * missed messages grouped, scripts never used, the team's answer variants per script — and a CSV.
 */
import { z } from 'zod';
import type { UsageRow } from '../db/schema';
import { toCsv } from '../text/csv';
import { formatPath } from '../pack/parse';
import type { Pack } from '../pack/schema';
import { bigrams, groupKey, jaccard } from './text';

export interface ScriptStat {
  packId: string;
  scriptId: string;
  /** Title when the file was written, for readers who do not have the pack. */
  title?: string;
  inserts: number;
  /** Inserts found by manual search (the engine missed the message). */
  fromSearch: number;
  /** Sum and count of the engine ranks (0-based) of the other inserts. */
  rankSum: number;
  ranked: number;
  /** Answer texts inserted, with how often. */
  variants: { text: string; count: number }[];
}

export interface StatsFile {
  format: 'huashu.stats';
  version: 1;
  agents: string[];
  from?: number;
  until?: number;
  events: number;
  searches: number;
  scripts: ScriptStat[];
  /** Buyer messages with no good match: the card had nothing, or the agent had to search. */
  missed: MissedText[];
  /** Pitches of featured products inserted from the card (absent in older files). */
  featured?: FeaturedStat[];
}

export interface FeaturedStat {
  packId: string;
  featuredId: string;
  /** Product name when the file was written. */
  name?: string;
  inserts: number;
}

export interface MissedText {
  text: string;
  count: number;
  /** When it was last missed (ms); absent in files written before it was recorded. */
  last?: number;
}

const count = z.number().int().nonnegative();
const statsSchema = z.object({
  format: z.literal('huashu.stats', { error: 'must be "huashu.stats"' }),
  version: z.literal(1, { error: 'unsupported version' }),
  agents: z.array(z.string().max(200)).max(1000),
  from: z.number().optional(),
  until: z.number().optional(),
  events: count,
  searches: count,
  scripts: z
    .array(
      z.object({
        packId: z.string().min(1).max(120),
        scriptId: z.string().min(1).max(120),
        title: z.string().max(500).optional(),
        inserts: count,
        fromSearch: count,
        rankSum: count,
        ranked: count,
        variants: z.array(z.object({ text: z.string().max(5000), count })).max(1000),
      }),
    )
    .max(100_000),
  missed: z.array(z.object({ text: z.string().max(500), count, last: z.number().optional() })).max(100_000),
  featured: z
    .array(
      z.object({
        packId: z.string().min(1).max(120),
        featuredId: z.string().min(1).max(120),
        name: z.string().max(500).optional(),
        inserts: count,
      }),
    )
    .max(10_000)
    .optional(),
});

export function parseStatsFile(text: string): { ok: true; file: StatsFile } | { ok: false; errors: string[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { ok: false, errors: [`(root): not JSON — ${(e as Error).message}`] };
  }
  const r = statsSchema.safeParse(raw);
  if (r.success) return { ok: true, file: r.data };
  return { ok: false, errors: r.error.issues.slice(0, 50).map((i) => `${formatPath(i.path)}: ${i.message}`) };
}

const sKey = (packId: string, scriptId: string) => `${packId}\n${scriptId}`;

export function statsFromUsage(
  usage: UsageRow[],
  agent: string,
  titleOf: (packId: string, scriptId: string) => string | undefined = () => undefined,
  featuredName: (packId: string, featuredId: string) => string | undefined = () => undefined,
): StatsFile {
  const featured = new Map<string, FeaturedStat>();
  const scripts = new Map<string, ScriptStat & { v: Map<string, number> }>();
  const missed = new Map<string, MissedText>();
  let searches = 0;
  let from: number | undefined;
  let until: number | undefined;
  const miss = (text: string, at: number) => {
    const k = groupKey(text);
    if (!k) return;
    const m = missed.get(k);
    if (m) {
      m.count++;
      m.last = Math.max(m.last ?? at, at);
    } else missed.set(k, { text, count: 1, last: at });
  };
  // The card writes a miss row for a message it had nothing for, or beside an insert found by search: such
  // an insert then does not count as a second miss. Inserts by search without one (older rows) still count.
  const recorded = new Set(usage.filter((u) => u.kind === 'miss' && u.message).map((u) => u.message));
  for (const u of usage) {
    from = from === undefined ? u.at : Math.min(from, u.at);
    until = until === undefined ? u.at : Math.max(until, u.at);
    if (u.kind === 'search') searches++;
    if (u.kind === 'miss' && u.message) miss(u.message, u.at);
    if (u.kind === 'insert' && u.packId && u.featuredId) {
      const k = sKey(u.packId, u.featuredId);
      const f = featured.get(k);
      if (f) f.inserts++;
      else {
        const name = featuredName(u.packId, u.featuredId);
        featured.set(k, { packId: u.packId, featuredId: u.featuredId, ...(name && { name }), inserts: 1 });
      }
      continue;
    }
    if (u.kind !== 'insert' || !u.packId || !u.scriptId) continue;
    const k = sKey(u.packId, u.scriptId);
    let s = scripts.get(k);
    if (!s) {
      const title = titleOf(u.packId, u.scriptId);
      s = {
        packId: u.packId,
        scriptId: u.scriptId,
        inserts: 0,
        fromSearch: 0,
        rankSum: 0,
        ranked: 0,
        variants: [],
        v: new Map(),
      };
      if (title) s.title = title;
      scripts.set(k, s);
    }
    s.inserts++;
    if (u.rank === -1) {
      s.fromSearch++;
      if (u.message && !recorded.has(u.message)) miss(u.message, u.at);
    } else if (u.rank !== undefined) {
      s.rankSum += u.rank;
      s.ranked++;
    }
    if (u.answer) s.v.set(u.answer, (s.v.get(u.answer) ?? 0) + 1);
  }
  return {
    format: 'huashu.stats',
    version: 1,
    agents: [agent],
    ...(from === undefined ? {} : { from, until }),
    events: usage.length,
    searches,
    scripts: [...scripts.values()]
      .map(({ v, ...s }) => ({ ...s, variants: byCount([...v].map(([text, count]) => ({ text, count }))) }))
      .sort((a, b) => b.inserts - a.inserts || a.scriptId.localeCompare(b.scriptId)),
    missed: byCount([...missed.values()]),
    ...(featured.size > 0 && { featured: byInserts([...featured.values()]) }),
  };
}

const byInserts = (xs: FeaturedStat[]) =>
  xs.sort((a, b) => b.inserts - a.inserts || a.featuredId.localeCompare(b.featuredId));

const byCount = <T extends { count: number; text: string }>(xs: T[]) =>
  xs.sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));

/** Several agents' files → one report (counts add up; the same wording counts once per group key). */
export function mergeStats(files: StatsFile[]): StatsFile {
  const scripts = new Map<string, ScriptStat & { v: Map<string, number> }>();
  const missed = new Map<string, MissedText>();
  const featured = new Map<string, FeaturedStat>();
  const agents: string[] = [];
  let events = 0;
  let searches = 0;
  let from: number | undefined;
  let until: number | undefined;
  for (const f of files) {
    for (const a of f.agents) if (!agents.includes(a)) agents.push(a);
    events += f.events;
    searches += f.searches;
    if (f.from !== undefined) from = from === undefined ? f.from : Math.min(from, f.from);
    if (f.until !== undefined) until = until === undefined ? f.until : Math.max(until, f.until);
    for (const s of f.scripts) {
      const k = sKey(s.packId, s.scriptId);
      let t = scripts.get(k);
      if (!t) {
        t = { ...s, inserts: 0, fromSearch: 0, rankSum: 0, ranked: 0, variants: [], v: new Map() };
        scripts.set(k, t);
      }
      t.title ??= s.title;
      t.inserts += s.inserts;
      t.fromSearch += s.fromSearch;
      t.rankSum += s.rankSum;
      t.ranked += s.ranked;
      for (const v of s.variants) t.v.set(v.text, (t.v.get(v.text) ?? 0) + v.count);
    }
    for (const x of f.featured ?? []) {
      const k = sKey(x.packId, x.featuredId);
      const t = featured.get(k);
      if (t) {
        t.inserts += x.inserts;
        t.name ??= x.name;
      } else featured.set(k, { ...x });
    }
    for (const m of f.missed) {
      const k = groupKey(m.text);
      const t = missed.get(k);
      if (t) {
        t.count += m.count;
        if (m.last !== undefined) t.last = Math.max(t.last ?? m.last, m.last);
      } else missed.set(k, { ...m });
    }
  }
  return {
    format: 'huashu.stats',
    version: 1,
    agents,
    ...(from === undefined ? {} : { from, until }),
    events,
    searches,
    scripts: [...scripts.values()]
      .map(({ v, ...s }) => ({ ...s, variants: byCount([...v].map(([text, count]) => ({ text, count }))) }))
      .sort((a, b) => b.inserts - a.inserts || a.scriptId.localeCompare(b.scriptId)),
    missed: byCount([...missed.values()]),
    ...(featured.size > 0 && { featured: byInserts([...featured.values()]) }),
  };
}

export interface MissedGroup {
  /** The most frequent wording of the group. */
  label: string;
  count: number;
  /** When a message of the group was last missed (ms), if known. */
  last?: number;
  texts: MissedText[];
}

/**
 * Group similar missed messages (character-bigram Jaccard ≥ `threshold` with the group's first,
 * most frequent wording), so the lead sees "12× asking about X" instead of 12 rows.
 */
export function groupMissed(missed: MissedText[], threshold = 0.5, order: 'count' | 'newest' = 'count'): MissedGroup[] {
  const groups: (MissedGroup & { grams: Set<string> })[] = [];
  for (const m of byCount([...missed])) {
    const grams = bigrams(groupKey(m.text));
    const g = groups.find((x) => jaccard(x.grams, grams) >= threshold);
    if (g) {
      g.count += m.count;
      g.texts.push(m);
      if (m.last !== undefined) g.last = Math.max(g.last ?? m.last, m.last);
    } else
      groups.push({ label: m.text, count: m.count, texts: [m], grams, ...(m.last !== undefined && { last: m.last }) });
  }
  const out = groups.map(({ grams: _g, ...g }) => g);
  if (order === 'newest') {
    for (const g of out) g.texts.sort((a, b) => (b.last ?? 0) - (a.last ?? 0));
    return out.sort((a, b) => (b.last ?? 0) - (a.last ?? 0) || b.count - a.count);
  }
  return out.sort((a, b) => b.count - a.count);
}

/** Scripts of the given packs that no insert in the report used. */
export function neverUsed(report: StatsFile, packs: Pack[]): { packId: string; scriptId: string; title: string }[] {
  const used = new Set(report.scripts.filter((s) => s.inserts > 0).map((s) => sKey(s.packId, s.scriptId)));
  return packs.flatMap((p) =>
    p.scripts
      .filter((s) => !used.has(sKey(p.pack.id, s.id)))
      .map((s) => ({ packId: p.pack.id, scriptId: s.id, title: s.title ?? s.questions[0] })),
  );
}

export const averageRank = (s: ScriptStat) => (s.ranked ? s.rankSum / s.ranked : undefined);

export interface AnswerVariant {
  text: string;
  count: number;
  tone?: string;
  /** One of the script's answers now (else a wording only seen in usage: someone's own edit). */
  current: boolean;
}

/**
 * The answer variants of one script side by side: the current answers (with their use counts, 0 when
 * never inserted) and any other wording the team inserted (their own edited versions).
 */
export function answerVariants(
  report: StatsFile,
  packId: string,
  scriptId: string,
  current: { text: string; tone: string }[],
): AnswerVariant[] {
  const stat = report.scripts.find((s) => s.packId === packId && s.scriptId === scriptId);
  const counts = new Map(stat?.variants.map((v) => [v.text, v.count]));
  const out: AnswerVariant[] = current.map((a) => ({
    text: a.text,
    tone: a.tone,
    count: counts.get(a.text) ?? 0,
    current: true,
  }));
  for (const v of stat?.variants ?? [])
    if (!current.some((a) => a.text === v.text)) out.push({ text: v.text, count: v.count, current: false });
  return out.sort((a, b) => b.count - a.count);
}

/** The report as one CSV table: used scripts, never-used scripts, missed-message groups. */
export function statsCsv(report: StatsFile, packs: Pack[]): string {
  const rows: (string | number)[][] = [];
  for (const s of report.scripts) {
    const avg = averageRank(s);
    rows.push([
      'used',
      s.packId,
      s.scriptId,
      s.title ?? '',
      s.inserts,
      s.fromSearch,
      avg === undefined ? '' : avg.toFixed(2),
    ]);
  }
  for (const s of neverUsed(report, packs)) rows.push(['never-used', s.packId, s.scriptId, s.title, 0, 0, '']);
  for (const g of groupMissed(report.missed))
    rows.push(['missed', '', '', g.texts.map((t) => t.text).join(' / '), g.count, '', '']);
  return toCsv(['kind', 'pack', 'script', 'title / messages', 'count', 'from search', 'average rank'], rows);
}
