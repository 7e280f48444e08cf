/**
 * Baselines that `npm run bench` and `npm run eval` compare Huashu's engine against (not used by the
 * extension): plain Fuse.js over questions + keywords with default options (`--baseline`), and a
 * plain BM25 over character unigrams and bigrams (`--baseline bm25`).
 */
import Fuse from 'fuse.js';
import type { Pack, Script } from '../pack/schema';
import { toSimplified } from './match-normalize';

export interface BaselineDoc {
  packId: string;
  id: string;
  questions: string[];
  keywords: string[];
}

export function buildBaseline(packs: Pack[]) {
  const docs: BaselineDoc[] = packs.flatMap((p) =>
    p.scripts.map((s: Script) => ({ packId: p.pack.id, id: s.id, questions: s.questions, keywords: s.keywords })),
  );
  const fuse = new Fuse(docs, { keys: ['questions', 'keywords'] });
  return {
    search(query: string, limit = 3) {
      return fuse
        .search(query, { limit })
        .map((r) => ({ packId: r.item.packId, scriptId: r.item.id, score: r.score ?? 1 }));
    },
  };
}

/** Plain BM25's text units: CJK characters and their adjacent pairs, Latin/digit runs as words. */
function bm25Terms(text: string): string[] {
  const s = toSimplified(text.normalize('NFKC').toLowerCase());
  const out: string[] = [];
  for (const run of s.match(/[\p{Script=Han}]+|[a-z0-9]+/gu) ?? []) {
    if (!/\p{Script=Han}/u.test(run)) {
      out.push(run);
      continue;
    }
    for (let i = 0; i < run.length; i++) {
      out.push(run[i]);
      if (i + 1 < run.length) out.push(run.slice(i, i + 2));
    }
  }
  return out;
}

/**
 * The other baseline of issue 11: a plain BM25 (k1 1.2, b 0.75) over character unigrams and bigrams
 * of each script's questions, title and keywords, with Traditional → Simplified and nothing else (no
 * lexicon, no threshold: every script with a shared term is a candidate). `npm run eval -- --baseline
 * bm25` runs it beside the engine. Not used by the extension.
 */
export function buildBm25Baseline(packs: Pack[]) {
  const docs = packs.flatMap((p) =>
    p.scripts.map((s) => {
      const tf = new Map<string, number>();
      const terms = bm25Terms([s.title ?? '', ...s.questions, ...s.keywords].join(' '));
      for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
      return { packId: p.pack.id, scriptId: s.id, tf, len: terms.length };
    }),
  );
  const df = new Map<string, number>();
  for (const d of docs) for (const t of d.tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const avgLen = docs.reduce((n, d) => n + d.len, 0) / Math.max(1, docs.length);
  const idf = (t: string) => Math.log(1 + (docs.length - (df.get(t) ?? 0) + 0.5) / ((df.get(t) ?? 0) + 0.5));
  return {
    search(query: string, limit = 3) {
      const q = new Set(bm25Terms(query));
      return docs
        .map((d) => {
          let score = 0;
          for (const t of q) {
            const f = d.tf.get(t);
            if (f) score += (idf(t) * f * 2.2) / (f + 1.2 * (0.25 + (0.75 * d.len) / avgLen));
          }
          return { packId: d.packId, scriptId: d.scriptId, score };
        })
        .filter((r) => r.score > 0)
        .sort((a, b) => b.score - a.score)
        .slice(0, limit);
    },
  };
}
