import { describe, expect, it } from 'vitest';
import { CharBm25, charTerms, reciprocalRankFusion } from '@/lib/match/char-bm25';
import { buildEngine } from '@/lib/match/engine';
import { normalize } from '@/lib/match/match-normalize';
import { parsePack } from '@/lib/pack/parse';
import { BI, tokenType, UNI } from '@/lib/match/tokens';

const parsed = parsePack(
  JSON.stringify({
    format: 'huashu.pack',
    version: 1,
    pack: { id: 'bm', name: '椅子店' },
    scripts: [
      {
        id: 'noise',
        questions: ['椅子有异响怎么办', '坐上去有声音'],
        keywords: ['异响'],
        answers: [{ text: '亲，拧紧底部螺丝就好～' }],
      },
      {
        id: 'recline',
        questions: ['靠背能放倒吗', '能躺吗'],
        keywords: ['躺'],
        answers: [{ text: '亲，靠背可以后仰135度～' }],
      },
      {
        id: 'ship',
        questions: ['什么时候发货'],
        keywords: ['发货'],
        answers: [{ text: '亲，当天发～' }],
      },
    ],
  }),
);
if (!parsed.ok) throw new Error(parsed.errors.join('; '));
const pack = parsed.pack;

describe('charTerms', () => {
  it('emits every CJK character, each adjacent pair and Latin/digit runs as words', () => {
    const keys: number[] = [];
    charTerms('椅子吗 ok 3d', (k) => keys.push(k));
    const types = keys.map(tokenType);
    expect(types.filter((t) => t === UNI)).toHaveLength(3); // 椅 子 吗 (stop characters included)
    expect(types.filter((t) => t === BI)).toHaveLength(2); // 椅子 子吗
    expect(keys).toHaveLength(7); // + ok, 3d
  });
});

describe('CharBm25', () => {
  const bm = CharBm25.build(pack.scripts);
  it('ranks the script that shares the most characters first, and scores agree with search', () => {
    const q = bm.query(normalize('椅子一动就响'));
    const hits = bm.search(q, 3);
    expect(pack.scripts[hits[0].doc].id).toBe('noise');
    for (const h of hits) expect(bm.score(q, h.doc)).toBeCloseTo(h.score, 4);
    expect(q.self).toBeGreaterThan(hits[0].score);
  });
  it('coverage is the share of the query terms a script has', () => {
    const full = bm.query(normalize('什么时候发货'));
    expect(bm.coverage(full, 2)).toBe(1);
    const part = bm.query(normalize('发货慢'));
    expect(bm.coverage(part, 2)).toBeGreaterThan(0);
    expect(bm.coverage(part, 2)).toBeLessThan(1);
    expect(bm.coverage(part, 1)).toBe(0);
  });
  it('finds nothing for text with no known term', () => {
    expect(bm.search(bm.query(normalize('xyz')), 3)).toEqual([]);
  });
});

describe('reciprocalRankFusion', () => {
  it('sums weighted reciprocal ranks over the lists', () => {
    const f = reciprocalRankFusion(
      [
        [1, 2],
        [2, 3],
      ],
      5,
      [2, 1],
    );
    expect(f.get(1)).toBeCloseTo(2 / 6);
    expect(f.get(2)).toBeCloseTo(2 / 7 + 1 / 6);
    expect(f.get(3)).toBeCloseTo(1 / 7);
  });
  it('a document both lists rank first beats one only the heavier list has', () => {
    const f = reciprocalRankFusion(
      [
        [7, 8],
        [8, 9],
      ],
      5,
      [2, 1],
    );
    expect(f.get(8)!).toBeGreaterThan(f.get(7)!);
  });
});

describe('engine with the character BM25 (features.charBm25)', () => {
  it('gives each candidate the character-BM25 features, and agreement to the top of both sources', () => {
    const engine = buildEngine([pack], { features: { charBm25: true } });
    const [top] = engine.explain('什么时候发货', 'question');
    expect(top.scriptId).toBe('ship');
    expect(top.features.agree).toBe(1);
    expect(top.features.bmCoverage).toBe(1);
    expect(top.features.bmShare).toBe(1);
    expect(top.features.bmRel).toBeGreaterThan(0);
  });
  it('switched off, the features are zero and the lexicon index alone finds candidates', () => {
    const engine = buildEngine([pack], { features: { charBm25: false } });
    const [top] = engine.explain('什么时候发货', 'question');
    expect(top.scriptId).toBe('ship');
    expect(top.features.bmRel).toBe(0);
    expect(top.features.agree).toBe(0);
  });
  it('a candidate only the character BM25 finds is scored by both sources', () => {
    const engine = buildEngine([pack], { features: { charBm25: true } });
    // 吗 is a stop character: the lexicon index has no term for it, the character BM25 does.
    const cands = engine.explain('吗', 'question');
    expect(cands.map((c) => c.scriptId)).toContain('recline');
    const off = buildEngine([pack], { features: { charBm25: false } }).explain('吗', 'question');
    expect(off.map((c) => c.scriptId)).not.toContain('recline');
  });
});
