/**
 * Learning raises accuracy: the misses of one half of the public sample's cases, added as questions
 * through the real pipeline (recordUsage → learnCandidates → acceptLearn, in the override layer), make the
 * engine answer the other half better. Compared on the same engine before/after — no fixed numbers.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { applyPackImport } from '@/lib/library/import';
import { loadActivePacks } from '@/lib/library/packs';
import { acceptLearn, learnCandidates, recordUsage } from '@/lib/library/usage';
import { buildEngine } from '@/lib/match/engine';
import type { Engine } from '@/lib/match/types';
import { parsePack } from '@/lib/pack/parse';
import { freshDb } from './db';

const shared = (p: string) => new URL(`../../../../shared/eval/public/${p}`, import.meta.url);
const parsed = parsePack(readFileSync(shared('pack.json'), 'utf8'));
if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
const sample = parsed.pack;
interface Case {
  text: string;
  expect: string | null;
  kind: string;
}
const cases: Case[] = readFileSync(shared('cases.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l));

/** Alternate cases between the halves within each expected script, so both halves cover every script. */
function split(all: Case[]): [Case[], Case[]] {
  const seen = new Map<string, number>();
  const a: Case[] = [];
  const b: Case[] = [];
  for (const c of all) {
    const k = c.expect ?? '';
    const n = seen.get(k) ?? 0;
    seen.set(k, n + 1);
    (n % 2 === 0 ? a : b).push(c);
  }
  return [a, b];
}

function score(engine: Engine, test: Case[]) {
  let top1 = 0;
  let top3 = 0;
  let rejected = 0;
  let answerable = 0;
  let nulls = 0;
  for (const c of test) {
    const r = engine.suggest(c.text);
    const ids = r.needsAnswer ? r.suggestions.map((s) => s.scriptId) : [];
    if (c.expect === null) {
      nulls++;
      if (!ids.length) rejected++;
      continue;
    }
    answerable++;
    if (ids[0] === c.expect) top1++;
    if (ids.slice(0, 3).includes(c.expect)) top3++;
  }
  return { top1: top1 / answerable, top3: top3 / answerable, rejected: nulls ? rejected / nulls : 1 };
}

describe('learning from inserts', () => {
  const db = freshDb();
  afterAll(() => db.delete());

  it('adding the misses of one half raises accuracy (top-1 or top-3, neither falling) on the other half', async () => {
    await applyPackImport(db, sample);
    const [learnHalf, testHalf] = split(cases);
    const before = buildEngine(await loadActivePacks(db));
    const scoreBefore = score(before, testHalf);

    // The agent answers each learn-half message with the right script; the engine ranked it `rank`.
    let misses = 0;
    for (const c of learnHalf) {
      if (!c.expect) continue;
      const ids = before.suggest(c.text, { limit: 3 }).suggestions.map((s) => s.scriptId);
      const rank = ids.indexOf(c.expect);
      if (rank === 0) continue;
      misses++;
      await recordUsage(db, { kind: 'insert', packId: sample.pack.id, scriptId: c.expect, rank, message: c.text });
    }
    const candidates = learnCandidates(await db.usage.toArray(), await loadActivePacks(db));
    expect(candidates.length).toBe(misses);
    for (const cand of candidates) expect((await acceptLearn(db, cand)).ok).toBe(true);

    // Learned wordings live in the agent's layer; the installed copy is untouched.
    expect(await db.overrides.count()).toBeGreaterThan(0);
    expect((await db.packs.get(sample.pack.id))?.pack).toEqual(sample);
    expect(learnCandidates(await db.usage.toArray(), await loadActivePacks(db))).toEqual([]);

    const after = buildEngine(await loadActivePacks(db));
    const scoreAfter = score(after, testHalf);
    console.log(
      `[learning] ${misses} misses learned from ${learnHalf.length} cases; other half (${testHalf.length} cases):`,
      `top-1 ${scoreBefore.top1.toFixed(3)} → ${scoreAfter.top1.toFixed(3)},`,
      `top-3 ${scoreBefore.top3.toFixed(3)} → ${scoreAfter.top3.toFixed(3)},`,
      `rejected ${scoreBefore.rejected.toFixed(3)} → ${scoreAfter.rejected.toFixed(3)}`,
    );
    expect(misses).toBeGreaterThan(0);
    // Accuracy = the right script first (top-1) or among the three the card shows (top-3): neither may
    // drop, and at least one must rise.
    expect(scoreAfter.top1).toBeGreaterThanOrEqual(scoreBefore.top1);
    expect(scoreAfter.top3).toBeGreaterThanOrEqual(scoreBefore.top3);
    expect(scoreAfter.top1 + scoreAfter.top3).toBeGreaterThan(scoreBefore.top1 + scoreBefore.top3);
  });
});
