import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportCsv, exportPack, mergePacks, samePack, scriptKey } from '@/lib/pack/export';
import { parsePack } from '@/lib/pack/parse';
import type { Pack } from '@/lib/pack/schema';

const read = (p: string) => readFileSync(new URL(p, import.meta.url), 'utf8');
const load = (text: string): Pack => {
  const r = parsePack(text);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.pack;
};
const tea = load(read('../../fixtures/packs/tea-shop.json'));
const sample = load(read('../../../../shared/eval/public/pack.json'));

describe('exportPack', () => {
  it.each([
    ['the test pack', tea],
    ['the public sample pack', sample],
  ])('export → import → export is byte-identical for %s', (_name, pack) => {
    const first = exportPack(pack);
    const again = exportPack(load(first));
    expect(again).toBe(first);
    expect(first.endsWith('}\n')).toBe(true);
  });

  it('writes keys in schema order whatever the input order, and drops empty optional lists', () => {
    const shuffled = JSON.parse(JSON.stringify(tea), (_k, v) =>
      v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v,
    );
    const text = exportPack(load(JSON.stringify(shuffled)));
    expect(text).toBe(exportPack(tea));
    const obj = JSON.parse(text);
    expect(Object.keys(obj)).toEqual(['format', 'version', 'pack', 'synonyms', 'featured', 'scripts']);
    expect(Object.keys(obj.scripts[0])).toEqual(['id', 'category', 'questions', 'keywords', 'answers']);
  });

  it('keeps HTML in answers as plain text', () => {
    expect(exportPack(tea)).toContain('<b>不是HTML</b>');
  });

  it('scriptKey ignores defaults and key order but not content', () => {
    const s = tea.scripts[0];
    expect(scriptKey({ ...s, tags: [] })).toBe(scriptKey(s));
    expect(scriptKey({ ...s, questions: [...s.questions, 'x'] })).not.toBe(scriptKey(s));
    expect(samePack(tea, load(exportPack(tea)))).toBe(true);
  });
});

describe('mergePacks', () => {
  it('prefixes ids used by two packs and keeps the first featured entry per id', () => {
    const other: Pack = { ...tea, pack: { ...tea.pack, id: 'other', name: 'Other' }, scripts: [tea.scripts[0]] };
    const merged = mergePacks([tea, other], { id: 'lib', name: 'Library' });
    expect(merged.scripts.map((s) => s.id)).toEqual([
      'tea-shop:brew-temperature',
      'shelf-life',
      'no-discount',
      'other:brew-temperature',
    ]);
    expect(merged.featured).toHaveLength(1);
    expect(parsePack(JSON.parse(exportPack(merged))).ok).toBe(true);
  });
});

describe('exportCsv', () => {
  it('writes one row per answer with a BOM and the quick-phrase headers', () => {
    const csv = exportCsv(tea);
    expect(csv.startsWith('\uFEFF分组,快捷编码,问题,话术,语气\r\n')).toBe(true);
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(1 + 4);
  });

  it('escapes cells that a spreadsheet would run as formulas', () => {
    const pack: Pack = {
      ...tea,
      scripts: [{ ...tea.scripts[0], answers: [{ text: '=HYPERLINK("x")\n2', tone: 'neutral' }] }],
    };
    expect(exportCsv(pack)).toContain(`"'=HYPERLINK(""x"")\n2"`);
  });
});
