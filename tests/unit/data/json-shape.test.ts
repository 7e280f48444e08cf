import { describe, expect, it } from 'vitest';
import { pair, sections, strings, unique, wordLines } from '@/lib/json-shape';
import { DEPARTMENTS } from '@/lib/feedback/departments';
import { EN_ZH, SYNONYM_GROUPS } from '@/lib/match/lexicon';

describe('data table checks', () => {
  it('name the path of the bad value', () => {
    expect(() => strings(['a', 3], 'x.json › list')).toThrow('x.json › list[1]: expected a string');
    expect(() => sections({ s: [['a'], 'b'] }, 'p').map(({ item, path }) => strings(item, path))).toThrow(
      'p.s[1]: expected an array',
    );
    expect(() => pair(['a', 'b', 'c'], 'c[0]')).toThrow('c[0]: expected two strings');
    expect(() => unique(['ship', 'send', 'ship'], 'enZh')).toThrow('enZh: expected "ship" only once');
    expect(() => wordLines({}, 'zh')).toThrow('zh: expected an array');
  });

  it('read the shipped tables in file order', () => {
    expect(SYNONYM_GROUPS[0].slice(0, 2)).toEqual(['发货', '出货']);
    expect(Object.entries(EN_ZH).slice(0, 3)).toEqual([
      ['ship', '发货'],
      ['shipping', '发货'],
      ['dispatch', '发货'],
    ]);
    expect(DEPARTMENTS.map((d) => d.id)).toEqual([
      'warehouse',
      'logistics',
      'operations',
      'product',
      'design',
      'finance',
      'service',
    ]);
  });
});
