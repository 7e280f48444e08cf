/**
 * `npm run eval -- --stores <dir>`: the protocol of issue 11 over every folder under <dir> that holds a
 * `pack.json` and a `cases.jsonl` (tests/fixtures/stores/{tune,test}/<store>/, or ../shared/eval/public).
 * Each store is scored against its own pack only; a store's `conversations.jsonl` is replayed turn by turn.
 *
 * Leave-one-store-out: the one part of the engine fitted on labelled data is the confidence model
 * (lib/match/calibrate.ts CALIBRATION, fitted on the public sample before any store existed). By default the
 * shipped coefficients are used, so no store was fitted on. With `--refit` each store is scored with a model
 * refitted on the tuning stores other than itself (test stores are never fitted on).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { Calibration } from '../lib/match/calibrate';
import type { EngineOptions } from '../lib/match/engine';
import type { Pack } from '../lib/pack/schema';
import { type Case, loadCases, loadPack, round } from './cases';
import {
  type Answerer,
  baselineAnswerer,
  bm25Answerer,
  calibrationSamples,
  evaluate,
  type EvalResult,
  fitLogistic,
  huashuAnswerer,
  leaveOneOutRejection,
  warmUpTexts,
} from './eval';
import { type ConversationResult, evaluateConversations, loadConversations } from './eval-conversations';

export interface Store {
  /** Path relative to the root given, e.g. "test/snacks". */
  name: string;
  /** "tune" or "test" from the folder it sits in; anything else is a development set ("dev"). */
  split: 'tune' | 'test' | 'dev';
  pack: Pack;
  cases: Case[];
  conversationsPath?: string;
}

export function findStores(root: string): Store[] {
  const out: Store[] = [];
  const walk = (dir: string) => {
    if (existsSync(join(dir, 'pack.json')) && existsSync(join(dir, 'cases.jsonl'))) {
      const segments = resolve(dir).split(sep);
      const split = segments.includes('test') ? 'test' : segments.includes('tune') ? 'tune' : 'dev';
      const rel = relative(root, dir) || segments[segments.length - 1];
      const name = split === 'dev' || rel.split(sep).includes(split) ? rel : `${split}/${rel}`;
      const conversations = join(dir, 'conversations.jsonl');
      out.push({
        name,
        split,
        pack: loadPack(join(dir, 'pack.json')),
        cases: loadCases(join(dir, 'cases.jsonl')),
        ...(existsSync(conversations) ? { conversationsPath: conversations } : {}),
      });
    }
    for (const entry of readdirSync(dir).sort()) {
      const sub = join(dir, entry);
      if (statSync(sub).isDirectory() && entry !== 'node_modules' && !entry.startsWith('.')) walk(sub);
    }
  };
  walk(root);
  return out;
}

export interface SystemScore {
  n: number;
  answerable: number;
  top1: number;
  top3: number;
  unanswerable: number;
  rejected: number;
  /** English messages to the (Chinese) pack; undefined when the store has none. */
  englishN: number;
  englishTop1?: number;
  shown: number;
  shownPrecision: number;
  p95Ms: number;
  byKind: EvalResult['byKind'];
  conversations?: Omit<ConversationResult, 'misses'>;
  scriptRemovedRejected?: number;
  /** Cases behind scriptRemovedRejected (one script, not multi). */
  scriptRemovedN?: number;
}

export interface StoreScore extends SystemScore {
  store: string;
  split: Store['split'];
  scripts: number;
  /** "shipped" (CALIBRATION as committed) or "refit without <store>" (--refit). */
  fit: string;
  /** Same cases through the baseline asked for with --baseline (bm25 or fuse). */
  baseline?: SystemScore & { name: string };
}

export interface StoresOptions {
  baseline?: 'bm25' | 'fuse';
  refit?: boolean;
  loo?: boolean;
  /** Engine options for every store (features switched off for an ablation); calibration from --refit wins. */
  engine?: EngineOptions;
}

function score(answerer: Answerer, store: Store, loo?: () => number): SystemScore {
  const r = evaluate(answerer, store.cases, warmUpTexts([store.pack]));
  const en = r.byKind.english;
  const conv = store.conversationsPath
    ? evaluateConversations(answerer, loadConversations(store.conversationsPath))
    : undefined;
  const { misses: _m, ...convSummary } = conv ?? { misses: [] };
  return {
    n: store.cases.length,
    answerable: r.answerable,
    top1: r.top1,
    top3: r.top3,
    unanswerable: r.unanswerable,
    rejected: r.rejected,
    englishN: en?.n ?? 0,
    ...(en ? { englishTop1: en.top1 } : {}),
    shown: r.shown,
    shownPrecision: r.shownPrecision,
    p95Ms: r.p95Ms,
    byKind: r.byKind,
    ...(conv ? { conversations: convSummary as Omit<ConversationResult, 'misses'> } : {}),
    ...(loo
      ? {
          scriptRemovedRejected: loo(),
          scriptRemovedN: store.cases.filter((c) => c.expect && !c.also?.length).length,
        }
      : {}),
  };
}

export function scoreStores(stores: Store[], options: StoresOptions = {}): StoreScore[] {
  // Calibration samples of each tuning store, computed once, pooled per left-out store.
  const samples = new Map<string, { X: number[][]; y: number[] }>();
  if (options.refit)
    for (const s of stores)
      if (s.split === 'tune')
        samples.set(s.name, calibrationSamples([s.pack], s.cases, { features: options.engine?.features }));
  return stores.map((store) => {
    let calibration: Calibration | undefined;
    let fit = 'shipped';
    if (options.refit) {
      const others = [...samples].filter(([name]) => name !== store.name);
      if (others.length) {
        calibration = fitLogistic({
          X: others.flatMap(([, s]) => s.X),
          y: others.flatMap(([, s]) => s.y),
        });
        fit = `refit on ${others.length} tune`;
      }
    }
    const engineOptions: EngineOptions = { ...options.engine, ...(calibration ? { calibration } : {}) };
    const engine = score(
      huashuAnswerer([store.pack], engineOptions),
      store,
      options.loo ? () => leaveOneOutRejection([store.pack], store.cases, engineOptions) : undefined,
    );
    const baseline = options.baseline
      ? {
          name: options.baseline,
          ...score(options.baseline === 'bm25' ? bm25Answerer([store.pack]) : baselineAnswerer([store.pack]), store),
        }
      : undefined;
    return {
      store: store.name,
      split: store.split,
      scripts: store.pack.scripts.length,
      fit,
      ...engine,
      ...(baseline ? { baseline } : {}),
    };
  });
}

/** Micro-average of several stores' scores (counts recovered from rates × n). */
export function pool(scores: SystemScore[]): SystemScore {
  const sum = (f: (s: SystemScore) => number) => scores.reduce((n, s) => n + f(s), 0);
  const count = (rate: number | undefined, n: number) => Math.round((rate ?? 0) * n);
  const rate = (k: number, n: number) => round(n ? k / n : 0);
  const answerable = sum((s) => s.answerable);
  const unanswerable = sum((s) => s.unanswerable);
  const englishN = sum((s) => s.englishN);
  const shown = sum((s) => s.shown);
  const convs = scores.flatMap((s) => (s.conversations ? [s.conversations] : []));
  const cSum = (f: (c: Omit<ConversationResult, 'misses'>) => number) => convs.reduce((n, c) => n + f(c), 0);
  const noCardTurns = cSum((c) => c.noCardTurns);
  const labelled = cSum((c) => c.labelled);
  const cShown = cSum((c) => c.shown);
  return {
    n: sum((s) => s.n),
    answerable,
    top1: rate(
      sum((s) => count(s.top1, s.answerable)),
      answerable,
    ),
    top3: rate(
      sum((s) => count(s.top3, s.answerable)),
      answerable,
    ),
    unanswerable,
    rejected: rate(
      sum((s) => count(s.rejected, s.unanswerable)),
      unanswerable,
    ),
    englishN,
    ...(englishN
      ? {
          englishTop1: rate(
            sum((s) => count(s.englishTop1, s.englishN)),
            englishN,
          ),
        }
      : {}),
    shown,
    shownPrecision: rate(
      sum((s) => count(s.shownPrecision, s.shown)),
      shown,
    ),
    p95Ms: Math.max(...scores.map((s) => s.p95Ms)),
    ...(scores.every((s) => s.scriptRemovedN)
      ? {
          scriptRemovedRejected: rate(
            sum((s) => count(s.scriptRemovedRejected, s.scriptRemovedN ?? 0)),
            sum((s) => s.scriptRemovedN ?? 0),
          ),
          scriptRemovedN: sum((s) => s.scriptRemovedN ?? 0),
        }
      : {}),
    byKind: {},
    ...(convs.length
      ? {
          conversations: {
            conversations: cSum((c) => c.conversations),
            buyerTurns: cSum((c) => c.buyerTurns),
            noCardTurns,
            noCardRate: rate(
              cSum((c) => count(c.noCardRate, c.noCardTurns)),
              noCardTurns,
            ),
            labelled,
            top1: rate(
              cSum((c) => count(c.top1, c.labelled)),
              labelled,
            ),
            top3: rate(
              cSum((c) => count(c.top3, c.labelled)),
              labelled,
            ),
            shown: cShown,
            shownPrecision: rate(
              cSum((c) => count(c.shownPrecision, c.shown)),
              cShown,
            ),
          },
        }
      : {}),
  };
}

const HEADER = [
  'store',
  'split',
  'engine',
  'n',
  'top-1',
  'top-3',
  'rejected',
  'English top-1',
  'shownPrecision',
  'conv no-card',
  'conv top-1',
  'conv shownPrecision',
  'script-removed rejected',
];

function row(store: string, split: string, engine: string, s: SystemScore): (string | number)[] {
  const c = s.conversations;
  return [
    store,
    split,
    engine,
    s.n,
    s.top1,
    s.top3,
    s.rejected,
    s.englishTop1 ?? '',
    s.shownPrecision,
    c ? `${c.noCardRate} (${c.noCardTurns})` : '',
    c ? c.top1 : '',
    c ? c.shownPrecision : '',
    s.scriptRemovedRejected ?? '',
  ];
}

/** One table: each store (engine, then the baseline beside it), then pooled rows per split. */
export function storesTable(scores: StoreScore[]): (string | number)[][] {
  const rows: (string | number)[][] = [HEADER];
  for (const s of scores) {
    rows.push(row(s.store, s.split, `huashu (${s.fit})`, s));
    if (s.baseline) rows.push(row('', '', s.baseline.name, s.baseline));
  }
  for (const split of ['tune', 'test', 'dev'] as const) {
    const group = scores.filter((s) => s.split === split);
    if (group.length < 2) continue;
    rows.push(row(`all ${split} (${group.length})`, split, 'huashu', pool(group)));
    const base = group.flatMap((s) => (s.baseline ? [s.baseline] : []));
    if (base.length === group.length) rows.push(row('', '', base[0].name, pool(base)));
  }
  return rows;
}
