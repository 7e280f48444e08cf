/**
 * npm run eval -- --pack <pack.json> [--pack …] --cases <cases.jsonl> [--json]
 *   [--baseline]            plain Fuse.js (questions+keywords, default options) through the same scoring
 *   [--ablation]            one row per engine feature switched off
 *   [--split tune|test]     a fixed random half of the cases (stratified by kind); default all
 *   [--fit]                 fit the confidence model on the chosen cases and print the coefficients
 *   [--loo]                 also report "script removed" rejection: each case's script taken out of the
 *                           pack, how often the engine then rightly shows nothing (one build per script)
 * Runs the extension's path: engine.suggest (detection → normalisation → matching → threshold).
 */
import { buildBaseline } from '../lib/match/baseline';
import { CALIBRATION, type Calibration, featureVector, type MatchFeatures } from '../lib/match/calibrate';
import { detect } from '../lib/match/question-detect';
import { buildEngine, DEFAULT_FEATURES, type EngineFeatures, type EngineOptions } from '../lib/match/engine';
import type { Pack } from '../lib/pack/schema';
import { args, type Case, loadCases, loadPack, percentile, round, split } from './cases';

interface Answerer {
  answer(text: string): { scriptId: string; confidence: number }[];
}

interface KindStats {
  n: number;
  top1?: number;
  top3?: number;
  rejected?: number;
}

export interface EvalResult {
  answerable: number;
  top1: number;
  top3: number;
  unanswerable: number;
  rejected: number;
  p50Ms: number;
  p95Ms: number;
  byKind: Record<string, KindStats>;
  /** Multi cases: share whose second question's script is also among the suggestions. */
  alsoHit?: number;
  misses: { text: string; kind: string; expected: string | null; got: string[] }[];
}

export function evaluate(answerer: Answerer, cases: Case[], warmUp: string[] = []): EvalResult {
  // Warm-up (JIT, pinyin and T→S caches), not timed: the packs' own questions, else a few cases.
  for (const t of warmUp.length ? warmUp.slice(0, 60) : cases.slice(0, 5).map((c) => c.text)) answerer.answer(t);
  const times: number[] = [];
  const kinds = new Map<string, { n: number; top1: number; top3: number; rejected: number; answerable: boolean }>();
  let answerable = 0;
  let top1 = 0;
  let top3 = 0;
  let unanswerable = 0;
  let rejected = 0;
  let multi = 0;
  let alsoHit = 0;
  const misses: EvalResult['misses'] = [];
  for (const c of cases) {
    const t0 = performance.now();
    const got = answerer.answer(c.text).slice(0, 3);
    times.push(performance.now() - t0);
    const k = kinds.get(c.kind) ?? { n: 0, top1: 0, top3: 0, rejected: 0, answerable: c.expect !== null };
    kinds.set(c.kind, k);
    k.n++;
    const ids = got.map((g) => g.scriptId);
    let ok: boolean;
    if (c.expect === null) {
      unanswerable++;
      ok = got.length === 0;
      if (ok) {
        rejected++;
        k.rejected++;
      }
    } else {
      answerable++;
      ok = ids[0] === c.expect;
      if (ok) {
        top1++;
        k.top1++;
      }
      if (ids.includes(c.expect)) {
        top3++;
        k.top3++;
      }
      if (c.also?.length) {
        multi++;
        if (c.also.every((a) => ids.includes(a))) alsoHit++;
      }
    }
    if (!ok)
      misses.push({
        text: c.text,
        kind: c.kind,
        expected: c.expect,
        got: got.map((g) => `${g.scriptId} (${g.confidence.toFixed(2)})`),
      });
  }
  const byKind: Record<string, KindStats> = {};
  for (const [kind, k] of kinds) {
    byKind[kind] = k.answerable
      ? { n: k.n, top1: round(k.top1 / k.n), top3: round(k.top3 / k.n) }
      : { n: k.n, rejected: round(k.rejected / k.n) };
  }
  return {
    answerable,
    top1: round(answerable ? top1 / answerable : 0),
    top3: round(answerable ? top3 / answerable : 0),
    unanswerable,
    rejected: round(unanswerable ? rejected / unanswerable : 0),
    p50Ms: round(percentile(times, 50), 4),
    p95Ms: round(percentile(times, 95), 4),
    byKind,
    ...(multi ? { alsoHit: round(alsoHit / multi) } : {}),
    misses,
  };
}

export function huashuAnswerer(packs: Pack[], options?: EngineOptions): Answerer {
  const engine = buildEngine(packs, options);
  return { answer: (text) => engine.suggest(text, { limit: 3 }).suggestions };
}

export function baselineAnswerer(packs: Pack[]): Answerer {
  const base = buildBaseline(packs);
  return { answer: (text) => base.search(text, 3).map((r) => ({ scriptId: r.scriptId, confidence: 1 - r.score })) };
}

const ABLATIONS: [string, Partial<EngineFeatures>][] = [
  ['full engine', {}],
  ['- question detection', { detection: false }],
  ['- default lexicon', { defaultLexicon: false }],
  ['- all synonyms', { synonyms: false }],
  ['- pinyin (homophones)', { pinyin: false }],
  ['- English lexicon', { english: false }],
  ['- character unigrams', { unigrams: false }],
  ['- answers field', { answers: false }],
  ['- Fuse.js (English typos)', { fuzzy: false }],
];

/** The packs' own questions: warm-up messages that are not among the cases. */
export function warmUpTexts(packs: Pack[]): string[] {
  return packs.flatMap((p) => p.scripts.map((s) => s.questions[s.questions.length - 1]));
}

/**
 * Logistic regression (gradient descent, light L2) of "the top suggestion is right" on the
 * calibration features. Positives and negatives come from the cases as they are, plus one hard
 * negative per answerable case from the same pack with that case's script removed: the buyer's
 * question then has no answer in the pack, which is exactly what the threshold must catch.
 */
export function fitCalibration(packs: Pack[], cases: Case[]): Calibration {
  const X: number[][] = [];
  const y: number[] = [];
  const addTop = (engine: ReturnType<typeof buildEngine>, c: Case, positive: (id: string) => boolean) => {
    const det = detect(c.text);
    if (!det.needsAnswer) return;
    const top = engine.explain(det.whole.text, det.whole.kind, 3, det.whole.focus)[0];
    if (!top) return;
    X.push(featureVector(top.features as MatchFeatures));
    y.push(positive(top.scriptId) ? 1 : 0);
  };
  const full = buildEngine(packs);
  for (const c of cases) addTop(full, c, (id) => id === c.expect || (c.also ?? []).includes(id));
  const byScript = new Map<string, Case[]>();
  for (const c of cases)
    if (c.expect && !c.also?.length) byScript.set(c.expect, [...(byScript.get(c.expect) ?? []), c]);
  for (const [scriptId, group] of byScript) {
    const reduced = packs.map((p) => ({ ...p, scripts: p.scripts.filter((s) => s.id !== scriptId) }));
    const engine = buildEngine(reduced);
    for (const c of group) addTop(engine, c, () => false);
  }
  const d = X[0]?.length ?? 7;
  const w = new Array<number>(d + 1).fill(0);
  const lr = 0.1;
  const l2 = 0.01;
  for (let epoch = 0; epoch < 4000; epoch++) {
    const grad = new Array<number>(d + 1).fill(0);
    X.forEach((x, i) => {
      const z = w[0] + x.reduce((s, v, j) => s + v * w[j + 1], 0);
      const err = 1 / (1 + Math.exp(-z)) - y[i];
      grad[0] += err;
      x.forEach((v, j) => (grad[j + 1] += err * v));
    });
    for (let j = 0; j <= d; j++) w[j] -= lr * (grad[j] / X.length + (j ? l2 * w[j] : 0));
  }
  const r = (v: number) => round(v, 3);
  return {
    bias: r(w[0]),
    rel: r(w[1]),
    coverage: r(w[2]),
    focusCoverage: r(w[3]),
    unknown: r(w[4]),
    margin: r(w[5]),
    logLength: r(w[6]),
    statement: r(w[7]),
  };
}

/**
 * Out-of-scope check that needs no extra labels: remove each case's script from the pack and count
 * how often the engine then (rightly) shows nothing for that case.
 */
export function leaveOneOutRejection(packs: Pack[], cases: Case[], options: EngineOptions = {}): number {
  const byScript = new Map<string, Case[]>();
  for (const c of cases)
    if (c.expect && !c.also?.length) byScript.set(c.expect, [...(byScript.get(c.expect) ?? []), c]);
  let n = 0;
  let rejected = 0;
  for (const [scriptId, group] of byScript) {
    const reduced = packs.map((p) => ({ ...p, scripts: p.scripts.filter((s) => s.id !== scriptId) }));
    const engine = buildEngine(reduced, options);
    for (const c of group) {
      n++;
      if (!engine.suggest(c.text).suggestions.length) rejected++;
    }
  }
  return round(n ? rejected / n : 0);
}

function table(rows: (string | number)[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  return rows.map((r) => r.map((c, i) => String(c).padEnd(widths[i])).join('  ')).join('\n');
}

function printResult(title: string, r: EvalResult) {
  console.log(`\n${title}`);
  console.log(
    `answerable ${r.answerable}: top-1 ${r.top1}  top-3 ${r.top3}${r.alsoHit !== undefined ? `  (multi: second question also shown ${r.alsoHit})` : ''}`,
  );
  console.log(`unanswerable ${r.unanswerable}: rejected ${r.rejected}`);
  console.log(
    `latency per message: p50 ${r.p50Ms} ms  p95 ${r.p95Ms} ms (after a warm-up on the packs' own questions)\n`,
  );
  const rows: (string | number)[][] = [['kind', 'n', 'top-1', 'top-3', 'rejected']];
  for (const [kind, k] of Object.entries(r.byKind))
    rows.push([kind, k.n, k.top1 ?? '', k.top3 ?? '', k.rejected ?? '']);
  console.log(table(rows));
  if (r.misses.length) {
    console.log(`\nmisses (${r.misses.length}): message → expected · got (confidence)`);
    for (const m of r.misses)
      console.log(
        `  [${m.kind}] ${m.text}\n      → ${m.expected ?? '(nothing)'} · ${m.got.length ? m.got.join(', ') : '(nothing)'}`,
      );
  }
}

function main() {
  const a = args(process.argv.slice(2));
  const packPaths = a.pack ?? [];
  const casePath = a.cases?.[0];
  if (!packPaths.length || !casePath) {
    console.error(
      'usage: npm run eval -- --pack <pack.json> [--pack …] --cases <cases.jsonl> [--json] [--baseline] [--ablation] [--split tune|test] [--fit]',
    );
    process.exit(2);
  }
  const packs = packPaths.map(loadPack);
  const which = (a.split?.[0] ?? 'all') as 'tune' | 'test' | 'all';
  const cases = split(loadCases(casePath), which);
  const json = Boolean(a.json);

  if (a.fit) {
    const c = fitCalibration(packs, cases);
    console.log(`fitted on ${cases.length} cases (${which}); current:`, JSON.stringify(CALIBRATION));
    console.log(JSON.stringify(c));
    for (const t of [0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6]) {
      const opts = { calibration: c, threshold: t, statementThreshold: t + 0.1 };
      const r = evaluate(huashuAnswerer(packs, opts), cases);
      const loo = leaveOneOutRejection(packs, cases, opts);
      console.log(
        `threshold ${t} (statements ${round(t + 0.1, 2)}): top1 ${r.top1} top3 ${r.top3} rejected ${r.rejected}  script-removed rejected ${loo}`,
      );
    }
    return;
  }

  if (a.ablation) {
    const rows: (string | number)[][] = [['engine', 'top-1', 'top-3', 'rejected', 'p95 ms']];
    const out: Record<string, Omit<EvalResult, 'misses' | 'byKind'>> = {};
    const base = evaluate(baselineAnswerer(packs), cases, warmUpTexts(packs));
    rows.push(['plain Fuse.js baseline', base.top1, base.top3, base.rejected, base.p95Ms]);
    for (const [name, features] of ABLATIONS) {
      const r = evaluate(huashuAnswerer(packs, { features }), cases, warmUpTexts(packs));
      rows.push([name, r.top1, r.top3, r.rejected, r.p95Ms]);
      const { misses: _m, byKind: _b, ...rest } = r;
      out[name] = rest;
    }
    if (!json) {
      console.log(
        `ablation on ${cases.length} cases (${which}); enabled by default: ${Object.keys(DEFAULT_FEATURES).join(', ')}`,
      );
      console.log(table(rows));
    }
    if (json) console.log(JSON.stringify({ ablation: out }));
    return;
  }

  const answerer = a.baseline ? baselineAnswerer(packs) : huashuAnswerer(packs);
  const r = evaluate(answerer, cases, warmUpTexts(packs));
  if (!json)
    printResult(
      `${a.baseline ? 'plain Fuse.js baseline' : 'Huashu'} on ${cases.length} cases (${which}) of ${casePath}`,
      r,
    );
  const loo = a.loo && !a.baseline ? leaveOneOutRejection(packs, cases) : undefined;
  if (loo !== undefined && !json) console.log(`\nscript removed from the pack → nothing shown: ${loo}`);
  const { misses: _misses, ...summary } = r;
  if (json) console.log(JSON.stringify(loo === undefined ? summary : { ...summary, scriptRemovedRejected: loo }));
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '')) main();
