import { describe, expect, it } from 'vitest';
import type { UsageRow } from '@/lib/db/schema';
import {
  answerVariants,
  groupMissed,
  mergeStats,
  neverUsed,
  parseStatsFile,
  statsCsv,
  statsFromUsage,
} from '@/lib/library/stats';
import { pack, script } from './fixtures';

const rows: UsageRow[] = [
  { at: 1, kind: 'insert', packId: 'p', scriptId: 'a', rank: 0, answer: 'A1' },
  { at: 2, kind: 'insert', packId: 'p', scriptId: 'a', rank: 2, answer: 'A1' },
  { at: 3, kind: 'insert', packId: 'p', scriptId: 'a', rank: -1, message: '邮费谁出？', answer: 'my A' },
  { at: 4, kind: 'insert', packId: 'p', scriptId: 'b', rank: 0 },
  { at: 5, kind: 'miss', message: '邮费谁出' },
  { at: 6, kind: 'miss', message: '可以开发票吗' },
  { at: 7, kind: 'search' },
];
const library = [pack([script('a'), script('b'), script('c')])];

describe('stats', () => {
  const mine = statsFromUsage(rows, 'li');

  it('counts inserts, ranks, searches and variants per script', () => {
    expect(mine).toMatchObject({ agents: ['li'], from: 1, until: 7, events: 7, searches: 1 });
    expect(mine.scripts[0]).toMatchObject({ scriptId: 'a', inserts: 3, fromSearch: 1, rankSum: 2, ranked: 2 });
    expect(mine.scripts[0].variants).toEqual([
      { text: 'A1', count: 2 },
      { text: 'my A', count: 1 },
    ]);
    expect(mine.missed).toEqual([
      { text: '邮费谁出？', count: 2, last: 5 },
      { text: '可以开发票吗', count: 1, last: 6 },
    ]);
    expect(neverUsed(mine, library).map((s) => s.scriptId)).toEqual(['c']);
  });

  it('merges several agents into one report and round-trips through the file format', () => {
    const other = statsFromUsage([{ at: 9, kind: 'insert', packId: 'p', scriptId: 'c', rank: 0, answer: 'C' }], 'wang');
    const parsed = parseStatsFile(JSON.stringify(other));
    expect(parsed.ok).toBe(true);
    const merged = mergeStats([mine, parsed.ok ? parsed.file : other]);
    expect(merged.agents).toEqual(['li', 'wang']);
    expect(merged.events).toBe(8);
    expect(merged.until).toBe(9);
    expect(neverUsed(merged, library)).toEqual([]);
    expect(mergeStats([mine, mine]).scripts[0].variants[0]).toEqual({ text: 'A1', count: 4 });
  });

  it('counts an insert by search and the miss row the card wrote beside it once', () => {
    const r = statsFromUsage(
      [
        { at: 1, kind: 'miss', packId: 'p', scriptId: 'a', rank: -1, message: '邮费谁出' },
        { at: 1, kind: 'insert', packId: 'p', scriptId: 'a', rank: -1, message: '邮费谁出' },
        { at: 2, kind: 'miss', message: '邮费谁出' },
      ],
      'li',
    );
    expect(r.missed).toEqual([{ text: '邮费谁出', count: 2, last: 2 }]);
    expect(r.scripts[0]).toMatchObject({ scriptId: 'a', inserts: 1, fromSearch: 1 });
  });

  it('counts featured pitches inserted beside the scripts, and merges them', () => {
    const usage: UsageRow[] = [
      { at: 1, kind: 'insert', packId: 'p', featuredId: 'w49', message: '哪款好', answer: 'pitch' },
      { at: 2, kind: 'insert', packId: 'p', featuredId: 'w49' },
      { at: 3, kind: 'insert', packId: 'p', scriptId: 'a', rank: 0 },
    ];
    const r = statsFromUsage(usage, 'li', undefined, () => '云朵椅');
    expect(r.featured).toEqual([{ packId: 'p', featuredId: 'w49', name: '云朵椅', inserts: 2 }]);
    expect(r.scripts.map((s) => s.scriptId)).toEqual(['a']);
    const parsed = parseStatsFile(JSON.stringify(r));
    expect(parsed.ok).toBe(true);
    expect(mergeStats([r, r]).featured).toEqual([{ packId: 'p', featuredId: 'w49', name: '云朵椅', inserts: 4 }]);
    expect(statsFromUsage([], 'li').featured).toBeUndefined();
  });

  it('lists missed groups newest first when asked', () => {
    const g = groupMissed(
      [
        { text: '能开发票吗', count: 5, last: 10 },
        { text: '可以开发票吗', count: 1, last: 40 },
        { text: '邮费谁出', count: 2, last: 30 },
        { text: 'old file', count: 9 },
      ],
      0.5,
      'newest',
    );
    expect(g.map((x) => [x.label, x.last])).toEqual([
      ['能开发票吗', 40],
      ['邮费谁出', 30],
      ['old file', undefined],
    ]);
    expect(g[0].texts.map((x) => x.text)).toEqual(['可以开发票吗', '能开发票吗']);
  });

  it('rejects a broken stats file with paths', () => {
    const r = parseStatsFile(JSON.stringify({ ...mine, events: -1 }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatch(/^events:/);
  });

  it('groups similar missed messages', () => {
    const g = groupMissed([
      { text: '可以开发票吗', count: 3 },
      { text: '能开发票吗？', count: 2 },
      { text: '几号发货', count: 1 },
    ]);
    expect(g.map((x) => [x.label, x.count])).toEqual([
      ['可以开发票吗', 5],
      ['几号发货', 1],
    ]);
  });

  it('shows current answers next to the team variants with counts', () => {
    const v = answerVariants(mine, 'p', 'a', [
      { text: 'A1', tone: 'friendly' },
      { text: 'A2', tone: 'formal' },
    ]);
    expect(v.map((x) => [x.text, x.count, x.current])).toEqual([
      ['A1', 2, true],
      ['my A', 1, false],
      ['A2', 0, true],
    ]);
  });

  it('exports a CSV with used, never-used and missed rows', () => {
    const csv = statsCsv(mine, library);
    expect(csv).toContain('used,p,a,,3,1,1.00');
    expect(csv).toContain('never-used,p,c,c,0,0,');
    expect(csv).toContain('missed,,,邮费谁出？,2');
  });
});
