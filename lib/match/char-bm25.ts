/**
 * The engine's second candidate source: a plain BM25 (k1 1.2, b 0.75) over character unigrams and
 * bigrams of each script's questions, title and keywords (Latin/digit runs as words), the same model
 * as the `--baseline bm25` of lib/match/baseline.ts but over integer keys in the engine's flat index,
 * built once per engine. It finds scripts that share characters with a paraphrase but no lexicon term
 * (椅子一动就咯吱咯吱的 → 椅子异响), and its score and lead tell the confidence model how clearly one
 * script stands out. Its text goes through the engine's own normalisation (Traditional → Simplified,
 * full-width → half-width, punctuation), nothing else: no lexicon, no stop characters, no pinyin.
 */
import type { Script } from '../pack/schema';
import { type Hit, IndexBuilder, type InvertedIndex } from './inverted-index';
import { normalizeForIndex } from './match-normalize';
import { BI, englishKey, tokenKey, tokenType, UNI } from './tokens';

export const CHAR_BM25_PARAMS = { k1: 1.2, b: 0.75 };

function isCjk(code: number): boolean {
  return code >= 0x3400 && code <= 0x9fff;
}

function isWordChar(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);
}

/** Plain terms of normalised text, one `emit` per occurrence: CJK characters, their pairs, Latin/digit runs. */
export function charTerms(text: string, emit: (key: number) => void): void {
  let prev = -1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isCjk(code)) {
      emit(tokenKey(UNI, code));
      if (prev >= 0) emit(tokenKey(BI, prev, code));
      prev = code;
      continue;
    }
    prev = -1;
    if (!isWordChar(code)) continue;
    let j = i + 1;
    while (j < text.length && isWordChar(text.charCodeAt(j))) j++;
    emit(englishKey(text.slice(i, j)));
    i = j - 1;
  }
}

export interface CharQuery {
  /** Distinct known terms (index ids), each at weight 1. */
  terms: { id: number; weight: number }[];
  /** The query's own best score: Σ idf(t)·(k1+1)/(1+k1·(1−b)) over all its distinct terms (unknown ones at max idf). */
  self: number;
  /** Number of distinct terms in the query (known or not). */
  distinct: number;
}

export class CharBm25 {
  constructor(readonly index: InvertedIndex) {}

  /** One document per script, in the order given (the engine's document numbers). */
  static build(scripts: readonly Script[]): CharBm25 {
    let chars = 0;
    for (const s of scripts) for (const q of s.questions) chars += q.length;
    const builder = new IndexBuilder(Math.ceil(chars * 2.2) + 1024);
    const emit = (k: number) => builder.token(k);
    for (const s of scripts) {
      builder.begin();
      for (let i = 0; i < s.questions.length; i++) charTerms(normalizeForIndex(s.questions[i], false), emit);
      if (s.title) charTerms(normalizeForIndex(s.title, false), emit);
      for (let i = 0; i < s.keywords.length; i++) charTerms(normalizeForIndex(s.keywords[i], false), emit);
      builder.end();
    }
    return new CharBm25(builder.build(CHAR_BM25_PARAMS));
  }

  query(normalised: string): CharQuery {
    const keys = new Set<number>();
    charTerms(normalised, (k) => keys.add(k));
    const { index } = this;
    const { k1, b } = CHAR_BM25_PARAMS;
    const best = (k1 + 1) / (1 + k1 * (1 - b));
    const terms: CharQuery['terms'] = [];
    let self = 0;
    for (const k of keys) {
      const id = index.vocab.get(k);
      self += (id < 0 ? index.maxIdf : index.idf[id]) * best;
      if (id >= 0) terms.push({ id, weight: 1 });
    }
    return { terms, self, distinct: keys.size };
  }

  search(q: CharQuery, k: number): Hit[] {
    return q.terms.length ? this.index.search(q.terms, k) : [];
  }

  /** Score of one document for the query (for candidates that the other source found). */
  score(q: CharQuery, doc: number): number {
    let s = 0;
    for (const t of q.terms) s += this.index.weight(t.id, doc);
    return s;
  }

  /** Share of the query's distinct terms (bigrams count twice) that document `doc` contains. */
  coverage(q: CharQuery, doc: number): number {
    let have = 0;
    let all = 0;
    for (const t of q.terms) {
      const w = tokenType(this.index.vocab.key(t.id)) === BI ? 2 : 1;
      all += w;
      if (this.index.has(t.id, doc)) have += w;
    }
    // Terms no script has count against coverage too.
    all += Math.max(0, q.distinct - q.terms.length);
    return all ? have / all : 0;
  }
}

/** Weighted reciprocal-rank fusion of ranked lists of documents (rank 0 = best): Σ w·1/(k + rank + 1); Map order = first seen. */
export function reciprocalRankFusion(
  lists: readonly (readonly number[])[],
  k = 60,
  weights: readonly number[] = [],
): Map<number, number> {
  const out = new Map<number, number>();
  lists.forEach((list, l) => {
    const w = weights[l] ?? 1;
    for (let r = 0; r < list.length; r++) out.set(list[r], (out.get(list[r]) ?? 0) + w / (k + r + 1));
  });
  return out;
}
