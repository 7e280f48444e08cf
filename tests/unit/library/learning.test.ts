/**
 * Learning from inserts, on the tuning stores (tests/fixtures/stores/tune): the misses of one half of a
 * store's cases, added as questions through the real pipeline (recordUsage → learnCandidates → acceptLearn,
 * in the override layer), are answered afterwards, and the other half does not get worse by much.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyPackImport } from '@/lib/library/import';
import { loadActivePacks } from '@/lib/library/packs';
import { acceptLearn, learnCandidates, recordUsage } from '@/lib/library/usage';
import { buildEngine } from '@/lib/match/engine';
import type { Engine } from '@/lib/match/types';
import { parsePack } from '@/lib/pack/parse';
import type { Pack } from '@/lib/pack/schema';
import { freshDb } from './db';

interface Case {
  text: string;
  expect: string | null;
  kind: string;
}
const STORES = ['skincare', 'pets', 'appliances'];

function readStore(store: string): { sample: Pack; cases: Case[] } {
  const dir = (p: string) => new URL(`../../fixtures/stores/tune/${store}/${p}`, import.meta.url);
  const parsed = parsePack(readFileSync(dir('pack.json'), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const cases: Case[] = readFileSync(dir('cases.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
  return { sample: parsed.pack, cases };
}

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

/** Learn from `learnHalf` through the real pipeline, then score `testHalf` before and after. */
async function learnAndScore(sample: Pack, learnHalf: Case[], testHalf: Case[]) {
  const db = freshDb();
  try {
    await applyPackImport(db, sample);
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
    const learned = learnHalf.filter((c) => c.expect && before.suggest(c.text).suggestions[0]?.scriptId !== c.expect);
    const learnedTop1 = learned.filter((c) => after.suggest(c.text).suggestions[0]?.scriptId === c.expect).length;
    console.log(
      `[learning] ${misses} misses learned from ${learnHalf.length} cases; other half (${testHalf.length} cases):`,
      `top-1 ${scoreBefore.top1.toFixed(3)} → ${scoreAfter.top1.toFixed(3)},`,
      `top-3 ${scoreBefore.top3.toFixed(3)} → ${scoreAfter.top3.toFixed(3)},`,
      `rejected ${scoreBefore.rejected.toFixed(3)} → ${scoreAfter.rejected.toFixed(3)};`,
      `learned messages now top-1: ${learnedTop1}/${learned.length}`,
    );
    expect(misses).toBeGreaterThan(0);
    return { before: scoreBefore, after: scoreAfter, learned: learned.length, learnedTop1 };
  } finally {
    await db.delete();
  }
}

describe.each(STORES)('learning from inserts (tuning store %s)', (store) => {
  const { sample, cases } = readStore(store);
  // Both directions (learn from A, test on B; then B → A), so the result does not hang on one lucky split.
  // What learning promises: a message the agent answered by hand is answered next time, and the new
  // questions do not crowd out other scripts. (That it lifts *other* wordings is not promised: measured on
  // these stores it moves the other half by -0.03…+0.02 top-1.)
  it('the learned messages are answered afterwards; the other half stays within 0.05', async () => {
    const [a, b] = split(cases);
    const runs = [await learnAndScore(sample, a, b), await learnAndScore(sample, b, a)];
    for (const { before, after, learned, learnedTop1 } of runs) {
      expect(learnedTop1 / learned).toBeGreaterThanOrEqual(0.9);
      expect(after.top1).toBeGreaterThanOrEqual(before.top1 - 0.05);
      expect(after.top3).toBeGreaterThanOrEqual(before.top3 - 0.05);
      expect(after.rejected).toBeGreaterThanOrEqual(before.rejected - 0.05);
    }
  });
});
