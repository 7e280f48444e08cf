import { IntIds } from './int-map';

/**
 * Inverted index with BM25 weights precomputed per posting, in flat typed arrays: answering a
 * query is one pass over the postings of its tokens, adding into a Float32Array of document scores.
 */

export interface IndexParams {
  k1: number;
  b: number;
}

export const DEFAULT_PARAMS: IndexParams = { k1: 1.2, b: 0.5 };

/**
 * Builds an index one document at a time: begin(), then per field its `weight` and token() for every occurrence (or once() for fields
 * where a token counts once), end(). Per-document counts live in typed arrays stamped with the
 * document number, so a build of 10,000 documents allocates almost nothing per token.
 */
export class IndexBuilder {
  /** Token key → token id (dense, in order of first occurrence). */
  readonly vocab = new IntIds();
  private docTok: Int32Array;
  private docTf: Float32Array;
  private used = 0;
  private docStart: number[] = [0];
  private lengths: number[] = [];
  // Per-token scratch, indexed by token id.
  private acc = new Float32Array(1 << 14);
  private stamp = new Int32Array(1 << 14).fill(-1);
  private fieldStamp = new Int32Array(1 << 14).fill(-1);
  private touched = new Int32Array(1 << 12);
  private nTouched = 0;
  private doc = -1;
  private field = 0;
  /**
   * Weight of the tokens that follow (set per field). A property rather than an argument: a
   * fractional number passed to a call that V8 does not inline is boxed, one allocation per token.
   */
  weight = 1;

  /** `postings`: expected number of (document, token) pairs; the arrays grow when it is too small. */
  constructor(postings = 1 << 16) {
    this.docTok = new Int32Array(postings);
    this.docTf = new Float32Array(postings);
  }

  begin(): void {
    this.doc++;
    this.nTouched = 0;
  }

  /** Starts a field whose tokens count once each (see once()). */
  beginField(): void {
    this.field++;
  }

  private id(key: number): number {
    const id = this.vocab.intern(key);
    if (id >= this.acc.length) {
      const grow = <T extends Float32Array | Int32Array>(a: T, fill: number): T => {
        const b = new (a.constructor as new (n: number) => T)(a.length * 2);
        b.fill(fill);
        b.set(a);
        return b;
      };
      this.acc = grow(this.acc, 0);
      this.stamp = grow(this.stamp, -1);
      this.fieldStamp = grow(this.fieldStamp, -1);
    }
    return id;
  }

  /** One occurrence of token `key` at the current `weight`. */
  token(key: number): void {
    this.add(this.id(key));
  }

  /** Token `key` at the current `weight`, counted at most once per field (see beginField()). */
  once(key: number): void {
    const id = this.id(key);
    if (this.fieldStamp[id] === this.field) return;
    this.fieldStamp[id] = this.field;
    this.add(id);
  }

  private add(id: number): void {
    if (this.stamp[id] !== this.doc) {
      this.stamp[id] = this.doc;
      this.acc[id] = 0;
      if (this.nTouched === this.touched.length) {
        const bigger = new Int32Array(this.touched.length * 2);
        bigger.set(this.touched);
        this.touched = bigger;
      }
      this.touched[this.nTouched++] = id;
    }
    this.acc[id] += this.weight;
  }

  end(): number {
    const n = this.nTouched;
    if (this.used + n > this.docTok.length) {
      const size = Math.max(this.docTok.length * 2, this.used + n);
      const tok = new Int32Array(size);
      tok.set(this.docTok.subarray(0, this.used));
      const tf = new Float32Array(size);
      tf.set(this.docTf.subarray(0, this.used));
      this.docTok = tok;
      this.docTf = tf;
    }
    // Fields read once into locals: V8 cannot keep them in registers across the stores otherwise.
    const { touched, acc, docTok, docTf } = this;
    let used = this.used;
    let len = 0;
    for (let j = 0; j < n; j++) {
      const id = touched[j];
      const tf = acc[id];
      docTok[used] = id;
      docTf[used++] = tf;
      len += tf;
    }
    this.used = used;
    this.docStart.push(used);
    this.lengths.push(len);
    return this.doc;
  }

  build(params: IndexParams = DEFAULT_PARAMS): InvertedIndex {
    const n = this.lengths.length;
    const v = this.vocab.size;
    const df = new Int32Array(v);
    for (let j = 0; j < this.used; j++) df[this.docTok[j]]++;
    const offsets = new Int32Array(v + 1);
    for (let t = 0; t < v; t++) offsets[t + 1] = offsets[t] + df[t];
    const fill = offsets.slice(0, v);
    const docs = new Int32Array(this.used);
    const weights = new Float32Array(this.used);
    const avgdl = n ? this.lengths.reduce((a, b) => a + b, 0) / n : 1;
    const idf = new Float32Array(v);
    for (let t = 0; t < v; t++) idf[t] = bm25Idf(n, df[t]);
    const { k1, b } = params;
    for (let d = 0; d < n; d++) {
      const norm = k1 * (1 - b + (b * this.lengths[d]) / (avgdl || 1));
      for (let j = this.docStart[d]; j < this.docStart[d + 1]; j++) {
        const t = this.docTok[j];
        const tf = this.docTf[j];
        const at = fill[t]++;
        docs[at] = d;
        weights[at] = (idf[t] * (tf * (k1 + 1))) / (tf + norm);
      }
    }
    return new InvertedIndex(this.vocab, offsets, docs, weights, idf, df, n);
  }
}

export function bm25Idf(n: number, df: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

export interface Hit {
  doc: number;
  score: number;
}

const better = (s: number, d: number, h: Hit) => s > h.score || (s === h.score && d < h.doc);

export class InvertedIndex {
  private readonly scores: Float32Array;
  private readonly seen: Uint8Array;
  private readonly touched: Int32Array;

  constructor(
    readonly vocab: IntIds,
    private readonly offsets: Int32Array,
    private readonly docs: Int32Array,
    private readonly weights: Float32Array,
    readonly idf: Float32Array,
    readonly df: Int32Array,
    readonly size: number,
  ) {
    this.scores = new Float32Array(size);
    this.seen = new Uint8Array(size);
    this.touched = new Int32Array(size);
  }

  /** idf of a token that no document has: the most a token can weigh. */
  get maxIdf(): number {
    return bm25Idf(this.size, 0);
  }

  /** Top `k` documents for tokens (id, query weight); ties keep the lower document number first. */
  search(query: { id: number; weight: number }[], k: number): Hit[] {
    const { scores, seen, touched, offsets, docs, weights } = this;
    let nTouched = 0;
    for (const { id, weight } of query) {
      for (let j = offsets[id], end = offsets[id + 1]; j < end; j++) {
        const d = docs[j];
        if (!seen[d]) {
          seen[d] = 1;
          touched[nTouched++] = d;
        }
        scores[d] += weight * weights[j];
      }
    }
    const top: Hit[] = [];
    for (let i = 0; i < nTouched; i++) {
      const d = touched[i];
      const s = scores[d];
      scores[d] = 0;
      seen[d] = 0;
      let at: number;
      if (top.length < k) {
        top.push({ doc: d, score: s });
        at = top.length - 1;
      } else if (better(s, d, top[k - 1])) {
        top[k - 1] = { doc: d, score: s };
        at = k - 1;
      } else continue;
      while (at > 0 && better(s, d, top[at - 1])) {
        const tmp = top[at - 1];
        top[at - 1] = top[at];
        top[at] = tmp;
        at--;
      }
    }
    return top;
  }

  /** Does document `doc` contain token `id`? (binary search in the token's sorted postings) */
  has(id: number, doc: number): boolean {
    let lo = this.offsets[id];
    let hi = this.offsets[id + 1] - 1;
    const docs = this.docs;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = docs[mid];
      if (v === doc) return true;
      if (v < doc) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }

  /** BM25 weight of token `id` in document `doc` (0 when absent). */
  weight(id: number, doc: number): number {
    let lo = this.offsets[id];
    let hi = this.offsets[id + 1] - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = this.docs[mid];
      if (v === doc) return this.weights[mid];
      if (v < doc) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  }
}
