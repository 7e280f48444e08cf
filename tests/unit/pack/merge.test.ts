import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changedFields, overridesToDrop, previewImport, resolutionOf, type ScriptOverride } from '@/lib/pack/merge';
import { arbOverrides, arbPack, pack, script } from '../library/fixtures';

describe('previewImport', () => {
  const installed = pack([script('a'), script('b'), script('c')]);

  it('lists added, changed (field by field) and removed scripts', () => {
    const incoming = pack([script('a'), script('b', 'b', 'new answer', { category: 'x' }), script('d')]);
    const p = previewImport(installed, incoming, []);
    expect(p.added.map((s) => s.id)).toEqual(['d']);
    expect(p.removed.map((s) => s.id)).toEqual(['c']);
    expect(p.changed.map((c) => c.id)).toEqual(['b']);
    expect(p.changed[0].fields.map((f) => f.field)).toEqual(['category', 'answers']);
    expect(p.identical).toBe(false);
    expect(p.isNew).toBe(false);
  });

  it('treats a new pack as all added', () => {
    const p = previewImport(undefined, installed, []);
    expect(p).toMatchObject({ isNew: true, identical: false });
    expect(p.added).toHaveLength(3);
  });

  it('flags the agent edit of a script the lead changed, keeps edits of untouched scripts silently', () => {
    const overrides: ScriptOverride[] = [
      { scriptId: 'a', script: script('a', 'a', 'my answer') },
      { scriptId: 'b', script: script('b', 'b', 'my b') },
      { scriptId: 'c', script: null },
      { scriptId: 'mine', script: script('mine') },
    ];
    const incoming = pack([script('a'), script('b', 'b', 'lead b'), script('mine', 'lead version')]);
    const p = previewImport(installed, incoming, overrides);
    // a: lead did not change it → no conflict. b: both changed → conflict. c: agent deleted, lead removed →
    // redundant. mine: agent added, lead added the same id with other content → conflict.
    expect(p.conflicts.map((c) => c.scriptId)).toEqual(['b', 'mine']);
    expect(p.redundant).toEqual(['c']);
    expect(overridesToDrop(p, { b: 'theirs' })).toEqual(['c', 'b']);
    expect(overridesToDrop(p, {})).toEqual(['c']);
  });

  it('reports pack-level changes', () => {
    const incoming = pack(installed.scripts, 'p', {
      pack: { id: 'p', name: 'renamed', locale: 'zh-CN' },
      synonyms: [['包邮', '免运费']],
    });
    expect(previewImport(installed, incoming, []).other).toEqual([
      { section: 'pack', key: 'name', kind: 'changed' },
      { section: 'synonyms', key: '包邮 / 免运费', kind: 'added' },
    ]);
  });

  it('reports openers added or changed, and a sellerError flag as a script change (issue 14)', () => {
    const opener = { text: '别着急，', tone: 'neutral' as const, apology: false };
    const withOpeners = pack(installed.scripts, 'p', { openers: { upset: [], anxious: [opener] } });
    expect(previewImport(installed, withOpeners, []).other).toEqual([
      { section: 'openers', key: 'anxious', kind: 'added' },
    ]);
    const flagged = pack([script('a', 'a', undefined, { sellerError: true }), script('b'), script('c')]);
    expect(previewImport(installed, flagged, []).changed[0].fields.map((f) => f.field)).toEqual(['sellerError']);
  });

  it.each(['toString', '__proto__', 'constructor', 'valueOf', 'hasOwnProperty'])(
    'a conflicting script with id %s is resolved like any other',
    (id) => {
      const overrides: ScriptOverride[] = [{ scriptId: id, script: script(id, id, 'my answer') }];
      const p = previewImport(pack([script(id)]), pack([script(id, id, 'lead answer')]), overrides);
      expect(p.conflicts.map((c) => c.scriptId)).toEqual([id]);
      expect(resolutionOf({}, id)).toBe('mine');
      expect(overridesToDrop(p, {})).toEqual([]);
      // The panel's own update: a computed key makes an own property, even for __proto__.
      const chosen = { ...{}, [id]: 'theirs' as const };
      expect(resolutionOf(chosen, id)).toBe('theirs');
      expect(overridesToDrop(p, chosen)).toEqual([id]);
      expect(resolutionOf(chosen, 'other')).toBe('mine');
    },
  );

  it('changedFields treats missing and empty as equal', () => {
    expect(changedFields(script('a'), { ...script('a'), tags: [], title: undefined })).toEqual([]);
  });
});

describe('previewImport properties', () => {
  it('a pack compared with itself is identical and has no conflicts', () => {
    fc.assert(
      fc.property(arbPack, arbOverrides, (p, overrides) => {
        const r = previewImport(p, p, overrides);
        expect(r.added.length + r.changed.length + r.removed.length).toBe(0);
        expect(r.conflicts).toEqual([]);
        expect(r.identical).toBe(r.redundant.length === 0);
      }),
    );
  });

  it('every script id is exactly one of added / changed / removed / unchanged', () => {
    fc.assert(
      fc.property(arbPack, arbPack, (a, b) => {
        const r = previewImport(a, b, []);
        const ids = [...r.added, ...r.removed].map((s) => s.id).concat(r.changed.map((c) => c.id));
        expect(new Set(ids).size).toBe(ids.length);
        const unchanged = b.scripts.filter((s) => !ids.includes(s.id));
        expect(r.added.length + r.changed.length + unchanged.length).toBe(b.scripts.length);
      }),
    );
  });
});
