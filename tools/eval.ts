/**
 * npm run eval -- --pack <pack.json> [--pack …] --cases <cases.jsonl> [--json]
 *   [--baseline]            plain Fuse.js (questions+keywords, default options) through the same scoring
 *   [--ablation]            one row per engine feature switched off
 *   [--split tune|test]     a fixed random half of the cases (stratified by kind); default all
 *   [--fit]                 fit the confidence model on the chosen cases and print the coefficients
 *   [--loo]                 also report "script removed" rejection: each case's script taken out of the
 *                           pack, how often the engine then rightly shows nothing (one build per script)
 *   [--baseline bm25]       plain BM25 over character unigrams + bigrams run beside the engine (extra fields)
 *   [--conversations <f>]   whole chats: each buyer turn gets the conversation so far as context
 * npm run eval -- --stores <dir> [--json] [--baseline bm25] [--refit] [--loo]
 *                           every folder of pack.json + cases.jsonl under <dir>: one table, one JSON line a store
 *                           (tools/eval-stores.ts)
 * npm run eval -- --buyer-types [f] [--emotion [f]] [--json]
 *                           the buyer-type and emotion readers on labelled examples (tools/eval-readers.ts)
 * Runs the extension's path: engine.suggest (detection → normalisation → matching → threshold).
 */
import { buildBaseline, buildBm25Baseline } from '../lib/match/baseline';
import {
  CALIBRATION,
  CALIBRATION_KEYS,
  type Calibration,
  featureVector,
  type MatchFeatures,
} from '../lib/match/calibrate';
import { detect } from '../lib/match/question-detect';
import { buildEngine, DEFAULT_FEATURES, type EngineFeatures, type EngineOptions } from '../lib/match/engine';
import type { ConversationContext } from '../lib/match/types';
import type { Pack } from '../lib/pack/schema';
import { args, type Case, loadCases, loadPack, percentile, round, split } from './cases';
import { type ConversationResult, evaluateConversations, loadConversations } from './eval-conversations';
import { findStores, pool, scoreStores, storesTable } from './eval-stores';
import { readerSummary, scoreBuyerTypes, scoreEmotions } from './eval-readers';

export interface Answerer {
  /** Suggestions best first; `context` is the conversation before the message (engines may ignore it). */
  answer(text: string, context?: ConversationContext): { scriptId: string; confidence: number }[];
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
  /**
   * Of the cases where a card was shown, the share whose first suggestion is right (`expect`, or for a
   * multi case its `also`): the precision of what the agent sees. A card on an `expect: null` case is wrong.
   */
  shownPrecision: number;
  /** Cases where a card was shown. */
  shown: number;
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
  let shown = 0;
  let shownRight = 0;
  const misses: EvalResult['misses'] = [];
  for (const c of cases) {
    const t0 = performance.now();
    const got = answerer.answer(c.text).slice(0, 3);
    times.push(performance.now() - t0);
    const k = kinds.get(c.kind) ?? { n: 0, top1: 0, top3: 0, rejected: 0, answerable: c.expect !== null };
    kinds.set(c.kind, k);
    k.n++;
    const ids = got.map((g) => g.scriptId);
    if (ids.length) {
      shown++;
      if (c.expect !== null && (ids[0] === c.expect || (c.also ?? []).includes(ids[0]))) shownRight++;
    }
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
    shownPrecision: round(shown ? shownRight / shown : 0),
    shown,
    byKind,
    ...(multi ? { alsoHit: round(alsoHit / multi) } : {}),
    misses,
  };
}

export function huashuAnswerer(packs: Pack[], options?: EngineOptions): Answerer {
  const engine = buildEngine(packs, options);
  return { answer: (text, context) => engine.suggest(text, { limit: 3, context }).suggestions };
}

/** Plain BM25 over character unigrams + bigrams; every script sharing a term is shown (no threshold). */
export function bm25Answerer(packs: Pack[]): Answerer {
  const base = buildBm25Baseline(packs);
  return { answer: (text) => base.search(text, 3).map((r) => ({ scriptId: r.scriptId, confidence: r.score })) };
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
  ['- conversation context', { context: false }],
  ['- ultimatums (condition as the request)', { ultimatums: false }],
  ['+ character BM25 (fused candidates)', { charBm25: true }],
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
  return fitLogistic(calibrationSamples(packs, cases));
}

/** Feature vectors and right/wrong labels of the top suggestions behind `fitCalibration`. */
export function calibrationSamples(
  packs: Pack[],
  cases: Case[],
  options: EngineOptions = {},
): { X: number[][]; y: number[] } {
  const X: number[][] = [];
  const y: number[] = [];
  const addTop = (engine: ReturnType<typeof buildEngine>, c: Case, positive: (id: string) => boolean) => {
    const det = detect(c.text);
    if (!det.needsAnswer) return;
    // The top suggestion only (fitting on the top 3 was measured: worse on the tune stores).
    const tops = engine.explain(det.whole.text, det.whole.kind, 3, det.whole.focus).slice(0, 1);
    for (const top of tops) {
      X.push(featureVector(top.features as MatchFeatures));
      y.push(positive(top.scriptId) ? 1 : 0);
    }
  };
  const full = buildEngine(packs, options);
  for (const c of cases) addTop(full, c, (id) => id === c.expect || (c.also ?? []).includes(id));
  const byScript = new Map<string, Case[]>();
  for (const c of cases)
    if (c.expect && !c.also?.length) byScript.set(c.expect, [...(byScript.get(c.expect) ?? []), c]);
  for (const [scriptId, group] of byScript) {
    const reduced = packs.map((p) => ({ ...p, scripts: p.scripts.filter((s) => s.id !== scriptId) }));
    const engine = buildEngine(reduced, options);
    for (const c of group) addTop(engine, c, () => false);
  }
  return { X, y };
}

/** Logistic regression of `y` on `X` into the calibration's coefficients. */
export function fitLogistic({ X, y }: { X: number[][]; y: number[] }): Calibration {
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
  const c = {} as Calibration;
  CALIBRATION_KEYS.forEach((key, j) => (c[key] = round(w[j] ?? 0, 3)));
  return c;
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

export function table(rows: (string | number)[][]): string {
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

function runStores(a: Record<string, string[]>) {
  const baseline = a.baseline?.[0] === 'bm25' ? 'bm25' : a.baseline ? 'fuse' : undefined;
  const stores = a.stores.flatMap((dir) => findStores(dir));
  if (!stores.length) {
    console.error(`no folder with pack.json + cases.jsonl under ${a.stores.join(', ')}`);
    process.exit(2);
  }
  if (a.ablation) {
    // One pooled row per feature switched off, per split present (run it on tune stores while tuning).
    const rows: (string | number)[][] = [];
    const out: Record<string, Record<string, ReturnType<typeof pool>>> = {};
    for (const [name, features] of ABLATIONS) {
      const sc = scoreStores(stores, { engine: { features } });
      for (const split of ['tune', 'test', 'dev'] as const) {
        const group = sc.filter((s) => s.split === split);
        if (!group.length) continue;
        const p = pool(group);
        (out[name] ??= {})[split] = p;
        const r = storesTable([{ ...p, store: `${name}`, split, scripts: 0, fit: 'shipped' }])[1];
        rows.push([r[0], r[1], `${group.length} stores`, ...r.slice(3)]);
      }
    }
    if (a.json) console.log(JSON.stringify({ ablation: out }));
    else console.log(table([storesTable([])[0], ...rows]));
    return;
  }
  const scores = scoreStores(stores, { baseline, refit: Boolean(a.refit), loo: Boolean(a.loo) });
  if (a.json) {
    for (const s of scores) console.log(JSON.stringify(s));
    return;
  }
  console.log(
    `${stores.length} stores under ${a.stores.join(', ')}; each scored against its own pack` +
      (a.refit ? ', confidence model refitted without the scored store (tune stores only)' : ', shipped calibration'),
  );
  console.log(table(storesTable(scores)));
}

function printConversations(title: string, r: ConversationResult) {
  console.log(`\n${title}: ${r.conversations} conversations, ${r.buyerTurns} buyer turns`);
  console.log(`needing no card ${r.noCardTurns}: got none ${r.noCardRate}`);
  console.log(`with a script ${r.labelled}: top-1 ${r.top1}  top-3 ${r.top3}`);
  console.log(`cards shown ${r.shown}: right script first ${r.shownPrecision}`);
  if (r.misses.length) {
    console.log(`\nmisses (${r.misses.length}): conversation.turn message → expected · got`);
    for (const m of r.misses)
      console.log(
        `  ${m.id}.${m.turn} ${m.text}\n      → ${m.expected ?? '(nothing)'} · ${m.got.join(', ') || '(nothing)'}`,
      );
  }
}

function main() {
  const a = args(process.argv.slice(2));
  if (a.stores) return runStores(a);
  if (a['buyer-types'] || a.emotion) {
    const file = (v?: string[]) => (v?.[0] && v[0] !== 'true' ? v[0] : undefined);
    const scores = [
      ...(a['buyer-types'] ? [scoreBuyerTypes(file(a['buyer-types']))] : []),
      ...(a.emotion ? [scoreEmotions(file(a.emotion))] : []),
    ];
    for (const s of scores) console.log(a.json ? JSON.stringify({ ...s, misses: s.misses.length }) : readerSummary(s));
    return;
  }
  const packPaths = a.pack ?? [];
  const casePath = a.cases?.[0];
  const convPath = a.conversations?.[0];
  if (!packPaths.length || (!casePath && !convPath)) {
    console.error(
      'usage: npm run eval -- --pack <pack.json> [--pack …] --cases <cases.jsonl> [--conversations <file.jsonl>] [--json] [--baseline [bm25]] [--ablation] [--split tune|test] [--fit] [--loo]\n' +
        '       npm run eval -- --stores <dir> [--stores …] [--json] [--baseline bm25] [--refit] [--loo]\n' +
        '       npm run eval -- --buyer-types [file.jsonl] [--emotion [file.jsonl]] [--json]',
    );
    process.exit(2);
  }
  const packs = packPaths.map(loadPack);
  const json = Boolean(a.json);
  if (!casePath) return runConversations(packs, convPath!, a.baseline?.[0] === 'bm25', json);
  const which = (a.split?.[0] ?? 'all') as 'tune' | 'test' | 'all';
  const cases = split(loadCases(casePath), which);

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

  // --baseline alone: plain Fuse.js instead of the engine (as before); --baseline bm25: BM25 beside it.
  const fuseOnly = a.baseline && a.baseline[0] !== 'bm25';
  const answerer = fuseOnly ? baselineAnswerer(packs) : huashuAnswerer(packs);
  const r = evaluate(answerer, cases, warmUpTexts(packs));
  if (!json)
    printResult(
      `${fuseOnly ? 'plain Fuse.js baseline' : 'Huashu'} on ${cases.length} cases (${which}) of ${casePath}`,
      r,
    );
  const loo = a.loo && !fuseOnly ? leaveOneOutRejection(packs, cases) : undefined;
  if (loo !== undefined && !json) console.log(`\nscript removed from the pack → nothing shown: ${loo}`);
  const bm25 = a.baseline?.[0] === 'bm25' ? evaluate(bm25Answerer(packs), cases, warmUpTexts(packs)) : undefined;
  if (bm25 && !json)
    console.log(
      `\nplain BM25 (character unigrams + bigrams) on the same cases: top-1 ${bm25.top1}  top-3 ${bm25.top3}  rejected ${bm25.rejected}  shownPrecision ${bm25.shownPrecision}`,
    );
  const conv = convPath ? evaluateConversations(answerer, loadConversations(convPath)) : undefined;
  if (conv && !json) printConversations(`Huashu on ${convPath}`, conv);
  const { misses: _misses, ...summary } = r;
  const strip = <T extends { misses: unknown }>({ misses: _x, ...rest }: T) => rest;
  if (json)
    console.log(
      JSON.stringify({
        ...summary,
        ...(loo === undefined ? {} : { scriptRemovedRejected: loo }),
        ...(bm25 ? { baseline: { name: 'bm25', ...strip(bm25) } } : {}),
        ...(conv ? { conversations: strip(conv) } : {}),
      }),
    );
}

function runConversations(packs: Pack[], path: string, withBm25: boolean, json: boolean) {
  const conversations = loadConversations(path);
  const r = evaluateConversations(huashuAnswerer(packs), conversations);
  const b = withBm25 ? evaluateConversations(bm25Answerer(packs), conversations) : undefined;
  if (json) {
    const { misses: _m, ...summary } = r;
    const base = b ? (({ misses: _b, ...rest }) => rest)(b) : undefined;
    console.log(
      JSON.stringify({ conversations: summary, ...(base ? { baseline: { name: 'bm25', conversations: base } } : {}) }),
    );
    return;
  }
  printConversations(`Huashu on ${path}`, r);
  if (b)
    console.log(
      `\nplain BM25 on the same turns: no-card ${b.noCardRate}  top-1 ${b.top1}  shownPrecision ${b.shownPrecision}`,
    );
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '')) main();
