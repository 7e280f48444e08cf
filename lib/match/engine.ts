/**
 * The answer engine: buyer message → detection → normalisation → index search → calibrated
 * confidence → threshold. One engine serves several packs; earlier packs win ties.
 */
import type { Pack, Script } from '../pack/schema';
import { CALIBRATION, type Calibration, confidence, type MatchFeatures, THRESHOLDS } from './calibrate';
import { detect, type Part, type PartKind } from './question-detect';
import { isChoiceQuestion, pickFeatured } from './featured';
import { normalize, prepare } from './match-normalize';
import { detectRegister } from './register';
import { indexScripts, type IndexFeatures } from './script-index';
import {
  ALL_FEATURES,
  BI,
  bigramPinyinKey,
  PY,
  queryTokens,
  QUESTION_CHARS,
  STOP_CHARS,
  TOKEN_WEIGHT,
  tokenType,
  UNI,
} from './tokens';
import type { Engine, EngineAnswer, Suggestion, SuggestOptions } from './types';
import { followUpOf, isAcknowledgement } from './context';
import { CharBm25, reciprocalRankFusion } from './char-bm25';
import { ultimatumRequest } from './ultimatum';

export interface EngineFeatures extends IndexFeatures {
  /** Question/social detection and splitting; off = every message is one question. */
  detection: boolean;
  /** Read SuggestOptions.context (acknowledgements after the agent's reply need no card). */
  context: boolean;
  /** Match the condition of an ultimatum (不包邮就算了 → 包邮) instead of the whole message. */
  ultimatums: boolean;
  /**
   * Second candidate source: a plain BM25 over character unigrams + bigrams (lib/match/char-bm25.ts),
   * fused with the lexicon index by reciprocal rank; its scores feed the confidence model. Off by default:
   * on the tune stores it changed no figure with the shipped model, and refitted with its features
   * (`--refit`) it moved along the same top-1/rejection curve, while it costs ~70 ms CPU more per
   * 10,000-script build and doubles p50 (see README, "Fusion with a character BM25").
   */
  charBm25: boolean;
}

export const DEFAULT_FEATURES: EngineFeatures = {
  ...ALL_FEATURES,
  detection: true,
  context: true,
  ultimatums: true,
  charBm25: false,
  answers: true,
  defaultLexicon: true,
};

export interface EngineOptions {
  features?: Partial<EngineFeatures>;
  /** Minimum confidence to suggest from a message (default THRESHOLDS.suggest). */
  threshold?: number;
  /** Minimum confidence to suggest from a statement without a question (default THRESHOLDS.statement). */
  statementThreshold?: number;
  /** Minimum confidence of the 2nd and 3rd suggestions once the card shows (default THRESHOLDS.alternative). */
  alternativeThreshold?: number;
  /** Minimum confidence for manual search (default THRESHOLDS.search). */
  searchThreshold?: number;
  /** Coefficients of the confidence model (default: the fitted CALIBRATION). */
  calibration?: Calibration;
  /**
   * Which scripts to index: `chat` (default) leaves out the replies to published reviews (scripts with
   * `review`) and the agent's own follow-ups (category `follow-up`), `review` keeps only the scripts of category `review` (the review-reply card, lib/match/review-rank.ts).
   */
  scope?: 'chat' | 'review';
}

/** Is this a script of category `review` (the review-management card's scripts)? */
export const isReviewCategory = (s: Script) => s.category?.trim().toLowerCase() === 'review';
/**
 * Is this a script of category `follow-up` (a message the agent sends first to keep a promise, used by the
 * evening review's "contact the buyer", lib/promises/follow-up.ts)? It answers no buyer message.
 */
export const isFollowUpCategory = (s: Script) => s.category?.trim().toLowerCase() === 'follow-up';

/** The packs with only the scripts of `scope` (same objects when nothing is left out). */
export function scopePacks(packs: Pack[], scope: 'chat' | 'review'): Pack[] {
  const keep = scope === 'chat' ? (s: Script) => !s.review && !isFollowUpCategory(s) : isReviewCategory;
  return packs.map((p) => (p.scripts.every(keep) ? p : { ...p, scripts: p.scripts.filter(keep) }));
}

/** Engine with its internals exposed for the eval tool. */
export interface HuashuEngine extends Engine {
  /** Scored candidates of one piece of text, with the features behind each confidence. */
  explain(text: string, kind: PartKind, limit?: number, focus?: string): ScoredCandidate[];
}

export interface ScoredCandidate {
  doc: number;
  packId: string;
  scriptId: string;
  score: number;
  confidence: number;
  features: MatchFeatures;
}

const CANDIDATES = 12;
const UNIGRAM_COVER = 0.4;
/**
 * Reciprocal-rank fusion of the two candidate sources: constant k and the lexicon list's weight
 * (measured on the tune stores: the lexicon index ranks better, the character BM25 finds scripts it misses).
 */
export const FUSION = { k: 5, lexiconWeight: 2 };

export function buildEngine(packs: Pack[], options: EngineOptions = {}): HuashuEngine {
  const f: EngineFeatures = { ...DEFAULT_FEATURES, ...options.features };
  const threshold = options.threshold ?? THRESHOLDS.suggest;
  const searchThreshold = options.searchThreshold ?? THRESHOLDS.search;
  const statementThreshold = options.statementThreshold ?? THRESHOLDS.statement;
  const alternativeThreshold = options.alternativeThreshold ?? THRESHOLDS.alternative;
  const calibration = options.calibration ?? CALIBRATION;

  const { index, lexicon, refs } = indexScripts(scopePacks(packs, options.scope ?? 'chat'), f);
  const chars = f.charBm25 ? CharBm25.build(refs.map((r) => r.script)) : undefined;
  // Scripts by pack and id for script(), made on its first call (a map of 10,000 string keys costs
  // the build several milliseconds).
  let byKey: Map<string, Map<string, Script>> | undefined;
  const lookup = (packId: string, scriptId: string) => {
    if (!byKey) {
      byKey = new Map();
      for (const r of refs) {
        let scripts = byKey.get(r.packId);
        if (!scripts) byKey.set(r.packId, (scripts = new Map()));
        if (!scripts.has(r.script.id)) scripts.set(r.script.id, r.script);
      }
    }
    return byKey.get(packId)?.get(scriptId);
  };

  // Homophones: the index's bigrams grouped by toneless pinyin, so 发漂 in a message also finds 发票.
  const homophones = new Map<number, number[]>();
  if (f.pinyin) {
    for (let id = 0; id < index.vocab.size; id++) {
      const py = bigramPinyinKey(index.vocab.key(id));
      if (py < 0) continue;
      const ids = homophones.get(py);
      if (ids) ids.push(id);
      else homophones.set(py, [id]);
    }
  }

  /** Distinct query tokens that the index knows, with their spans, and the query's own best score. */
  function analyse(text: string) {
    const norm = normalize(text);
    const qt = queryTokens(norm, lexicon, f);
    // One entry per distinct token: its weight and every span it covers.
    const distinct = new Map<number, { weight: number; spans: [number, number][] }>();
    for (const t of qt.tokens) {
      const cur = distinct.get(t.key);
      if (cur) {
        cur.weight = Math.max(cur.weight, t.weight);
        cur.spans.push([t.start, t.end]);
      } else distinct.set(t.key, { weight: t.weight, spans: [[t.start, t.end]] });
    }
    const byId = new Map<number, { id: number; weight: number; spans: [number, number][]; cover: number }>();
    const addKnown = (id: number, weight: number, spans: [number, number][], cover: number) => {
      const cur = byId.get(id);
      if (cur) {
        cur.weight += weight;
        cur.spans.push(...spans);
      } else byId.set(id, { id, weight, spans: [...spans], cover });
    };
    let self = 0;
    for (const [tok, v] of distinct) {
      const id = index.vocab.get(tok);
      const type = tokenType(tok);
      self += v.weight * (id < 0 ? index.maxIdf : index.idf[id]);
      if (id >= 0) addKnown(id, v.weight, v.spans, type === UNI ? UNIGRAM_COVER : 1);
      if (type === BI && f.pinyin && id < 0) {
        // A bigram no script has is likely a typo: its homophones (发漂 → 发票) stand in at the pinyin weight.
        self += TOKEN_WEIGHT[PY] * index.maxIdf;
        for (const h of homophones.get(bigramPinyinKey(tok)) ?? []) addKnown(h, TOKEN_WEIGHT[PY], v.spans, 1);
      }
    }
    const known = [...byId.values()];
    // Content weight of each position of the query text (function characters weigh nothing).
    const content = contentWeights(qt.text);
    const totalContent = content.reduce((a, b) => a + b, 0) || 1;
    const knownCover = new Float32Array(qt.text.length);
    for (const t of known) for (const [s, e] of t.spans) knownCover.fill(1, s, e);
    let unknown = 0;
    for (let i = 0; i < content.length; i++) if (!knownCover[i]) unknown += content[i];
    return { norm, qt, known, self, content, totalContent, unknown };
  }

  /**
   * Share of the query's content that document `doc` explains. A position covered only by a single
   * character (装 of 男装 matching 包装) counts for less than one covered by a word, bigram or concept.
   */
  function coverage(a: ReturnType<typeof analyse>, doc: number): number {
    const cover = new Float32Array(a.qt.text.length);
    for (const t of a.known) {
      if (!index.has(t.id, doc)) continue;
      const w = t.cover;
      for (const [s, e] of t.spans) for (let i = s; i < e; i++) if (cover[i] < w) cover[i] = w;
    }
    let covered = 0;
    for (let i = 0; i < a.content.length; i++) covered += cover[i] * a.content[i];
    return covered / a.totalContent;
  }

  function candidates(text: string, kind: PartKind, k = CANDIDATES, focusText?: string): ScoredCandidate[] {
    const a = analyse(text);
    const { norm, known, self, totalContent, unknown } = a;
    if (!norm) return [];
    const lex = known.length ? index.search(known, k) : [];
    const cq = chars?.query(norm);
    const bm = cq && chars ? chars.search(cq, k) : [];
    if (!lex.length && !bm.length) return [];
    const focus = focusText ? analyse(focusText) : undefined;

    // Candidates: both sources' top k, in reciprocal-rank-fused order (the lexicon list weighs more).
    let docs = lex.map((h) => h.doc);
    const lexScore = new Map(lex.map((h) => [h.doc, h.score]));
    const bmScore = new Map(bm.map((h) => [h.doc, h.score]));
    if (bm.length) {
      const fused = reciprocalRankFusion([docs, bm.map((h) => h.doc)], FUSION.k, [FUSION.lexiconWeight, 1]);
      docs = [...fused.keys()].sort((x, y) => fused.get(y)! - fused.get(x)! || x - y).slice(0, k);
    }
    const lexOf = (doc: number) => {
      let sc = lexScore.get(doc);
      if (sc === undefined) {
        sc = 0;
        for (const t of known) sc += t.weight * index.weight(t.id, doc);
        lexScore.set(doc, sc);
      }
      return sc;
    };
    const bmOf = (doc: number) => {
      let sc = bmScore.get(doc);
      if (sc === undefined) bmScore.set(doc, (sc = cq && chars ? chars.score(cq, doc) : 0));
      return sc;
    };
    const lexSorted = docs.map(lexOf).sort((x, y) => y - x);
    const lexBest = lexSorted[0] ?? 0;
    const lexNext = lexSorted[1] ?? 0;
    const bmBest = bm[0]?.score ?? 0;
    const bmNext = bm[1]?.score ?? 0;
    const lexTop = lex[0]?.doc;
    const bmTop = bm[0]?.doc;
    return docs.map((doc) => {
      const score = lexOf(doc);
      const cov = coverage(a, doc);
      const bs = bmOf(doc);
      const features: MatchFeatures = {
        rel: score / (self || 1),
        coverage: cov,
        focusCoverage: focus && focus.known.length ? coverage(focus, doc) : cov,
        unknown: unknown / totalContent,
        margin: score >= lexBest && score > 0 ? (score - lexNext) / (score || 1) : (score - lexBest) / (lexBest || 1),
        contentChars: totalContent,
        kind,
        bmRel: cq ? bs / (cq.self || 1) : 0,
        bmShare: bmBest ? bs / bmBest : 0,
        bmMargin: doc === bmTop ? (bs - bmNext) / (bs || 1) : (bs - bmBest) / (bmBest || 1),
        bmCoverage: cq && chars ? chars.coverage(cq, doc) : 0,
        agree: doc === lexTop && doc === bmTop ? 1 : 0,
      };
      const ref = refs[doc];
      return {
        doc,
        packId: ref.packId,
        scriptId: ref.script.id,
        score,
        confidence: confidence(features, calibration),
        features,
      };
    });
  }

  function toSuggestion(c: ScoredCandidate, part: string): Suggestion {
    const s = refs[c.doc].script;
    return {
      packId: c.packId,
      scriptId: c.scriptId,
      title: s.title ?? s.questions[0],
      score: c.score,
      confidence: c.confidence,
      part,
    };
  }

  function rank(cands: ScoredCandidate[]): ScoredCandidate[] {
    return [...cands].sort((a, b) => b.confidence - a.confidence || b.score - a.score || a.doc - b.doc);
  }

  function suggest(message: string, opts: SuggestOptions = {}): EngineAnswer {
    const limit = Math.max(0, Math.min(opts.limit ?? 3, 10));
    const now = opts.now ?? new Date();
    const register = detectRegister(String(message ?? ''));
    // An ultimatum (不便宜我就不要了) is a request: its condition is matched, as the question form would be.
    const text = (f.ultimatums && ultimatumRequest(String(message ?? ''))) || String(message ?? '');
    const prepared = prepare(text);
    const det = f.detection
      ? detect(text)
      : {
          needsAnswer: true,
          parts: [{ text: prepared, kind: 'question' as PartKind }],
          whole: { text: prepared, kind: 'question' as PartKind },
        };
    if (!det.needsAnswer) return { needsAnswer: false, parts: [], suggestions: [], register };
    // After the agent's reply, 好的那我取消 / 好吧 我试试 take the reply in: nothing to suggest.
    if (f.context && det.parts.every((p) => p.kind !== 'question') && isAcknowledgement(message, opts.context))
      return { needsAnswer: false, parts: [], suggestions: [], register };

    const buyerLang = messageLanguage(String(message ?? ''));
    const featured = isChoiceQuestion(prepared) ? pickFeatured(packs, prepared, now) : undefined;
    const pass = (c: ScoredCandidate, kind: PartKind) =>
      c.confidence >= (kind === 'statement' ? statementThreshold : threshold);
    // The card shows when the best candidate passes; once shown, close alternatives may join it.
    // Answers in the buyer's language when the library has a passing one (an English script is noise for a
    // Chinese buyer); otherwise any language, so an English buyer still gets a Chinese-only pack's answer.
    const shown = (all: ScoredCandidate[], kind: PartKind) => {
      const own = buyerLang ? all.filter((c) => (refs[c.doc].lang ?? buyerLang) === buyerLang) : all;
      const cands = own.length && pass(own[0], kind) ? own : all;
      return cands.length && pass(cands[0], kind)
        ? cands.filter((c, i) => i === 0 || c.confidence >= alternativeThreshold)
        : [];
    };

    const whole = shown(rank(candidates(det.whole.text, det.whole.kind, CANDIDATES, det.whole.focus)), det.whole.kind);
    let lists: { part: Part; cands: ScoredCandidate[] }[] = [{ part: det.whole, cands: whole }];
    if (det.parts.length > 1) {
      const perPart = det.parts.map((part) => ({
        part,
        cands: shown(rank(candidates(part.text, part.kind, CANDIDATES, part.focus)), part.kind),
      }));
      const tops = new Set(perPart.filter((p) => p.cands.length).map((p) => p.cands[0].doc));
      // Two parts that each find their own script: answer both, first part first.
      if (tops.size > 1) lists = perPart.filter((p) => p.cands.length);
    }
    const suggestions: Suggestion[] = [];
    const seen = new Set<number>();
    for (let r = 0; suggestions.length < limit && r < CANDIDATES; r++) {
      for (const { part, cands } of lists) {
        const c = cands[r];
        if (!c || seen.has(c.doc) || suggestions.length >= limit) continue;
        seen.add(c.doc);
        suggestions.push(toSuggestion(c, part.text));
      }
    }
    // A follow-up question that finds nothing on its own (那要是还不到呢) is read with the buyer's previous row.
    const prev = f.context && !suggestions.length ? followUpOf(message, det.whole.kind, opts.context) : undefined;
    if (prev) return suggest(`${prev} ${message}`, { limit, now });
    return {
      needsAnswer: true,
      parts: det.parts.map((p) => p.text),
      suggestions,
      register,
      ...(featured ? { featured } : {}),
    };
  }

  return {
    size: refs.length,
    suggest,
    search(query: string, limit = 10) {
      const text = prepare(String(query ?? ''));
      return rank(candidates(text, 'question', Math.max(limit, CANDIDATES)))
        .filter((c) => c.confidence >= searchThreshold)
        .slice(0, limit)
        .map((c) => toSuggestion(c, text));
    },
    script: (packId: string, scriptId: string) => lookup(packId, scriptId),
    explain: (text: string, kind: PartKind, limit = CANDIDATES, focus?: string) =>
      rank(candidates(prepare(text), kind, limit, focus)),
  };
}

/** The buyer's language from the raw message: Chinese when it has Han characters, English when only Latin words. */
export function messageLanguage(message: string): 'zh' | 'en' | undefined {
  if (/\p{Script=Han}/u.test(message)) return 'zh';
  if (/[a-z]{2,}/i.test(message)) return 'en';
  return undefined;
}

function contentWeights(text: string): number[] {
  const w = new Array<number>(text.length).fill(0);
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (/[\u3400-\u9fff]/.test(ch)) w[i] = STOP_CHARS.has(ch) ? 0 : QUESTION_CHARS.has(ch) ? 0.3 : 1;
    else if (/[a-z]/.test(ch) && (i === 0 || !/[a-z]/.test(text[i - 1]))) w[i] = 1;
  }
  return w;
}
