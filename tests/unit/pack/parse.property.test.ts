import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPath, parsePack } from '@/lib/pack/parse';

/** A path as formatPath writes it: identifiers, [index], or ["any key"] for keys that are not identifiers. */
const PATH =
  /^(\(root\)|([A-Za-z_$][\w$]*|\["(?:[^"\\]|\\.)*"\])(\[\d+\]|\.[A-Za-z_$][\w$]*|\["(?:[^"\\]|\\.)*"\])*): ./;

function check(input: unknown) {
  let r: ReturnType<typeof parsePack> | undefined;
  expect(() => (r = parsePack(input))).not.toThrow();
  if (r && !r.ok) {
    expect(r.errors.length).toBeGreaterThan(0);
    for (const e of r.errors) if (!e.startsWith('… and')) expect(e).toMatch(PATH);
  }
}

const scriptLike = fc.record(
  {
    id: fc.oneof(fc.string(), fc.constantFrom('a', 'b', 'ship-time'), fc.integer()),
    questions: fc.oneof(fc.array(fc.string(), { maxLength: 3 }), fc.string(), fc.constant(null)),
    keywords: fc.array(fc.string(), { maxLength: 3 }),
    answers: fc.oneof(
      fc.array(
        fc.record(
          { text: fc.oneof(fc.string(), fc.integer()), tone: fc.constantFrom('friendly', 'formal', 'x') },
          { requiredKeys: [] },
        ),
        { maxLength: 2 },
      ),
      fc.constant([]),
    ),
  },
  { requiredKeys: [] },
);

const packLike = fc.record(
  {
    format: fc.oneof(fc.constant('huashu.pack'), fc.string()),
    version: fc.oneof(fc.constant(1), fc.integer(), fc.string()),
    pack: fc.oneof(fc.record({ id: fc.string(), name: fc.string() }, { requiredKeys: [] }), fc.anything()),
    scripts: fc.oneof(fc.array(scriptLike, { maxLength: 4 }), fc.anything()),
    synonyms: fc.oneof(fc.array(fc.array(fc.string(), { maxLength: 3 }), { maxLength: 2 }), fc.anything()),
    featured: fc.anything(),
  },
  { requiredKeys: [] },
);

/** Packs that satisfy the schema: ids from the allowed alphabet, unique, texts non-blank. */
const text = fc.string({ maxLength: 20 }).map((s) => `t${s}`);
const validPack = fc.record({
  format: fc.constant('huashu.pack'),
  version: fc.constant(1),
  pack: fc.record({ id: fc.stringMatching(/^[a-z0-9-]{1,12}$/), name: text }),
  synonyms: fc.array(fc.array(text, { minLength: 2, maxLength: 3 }), { maxLength: 2 }),
  scripts: fc.uniqueArray(
    fc.record({
      id: fc.stringMatching(/^[a-z0-9_.:-]{1,12}$/),
      questions: fc.array(text, { minLength: 1, maxLength: 3 }),
      keywords: fc.array(text, { maxLength: 3 }),
      answers: fc.array(fc.record({ text, tone: fc.constantFrom('friendly', 'formal', 'neutral') }), {
        minLength: 1,
        maxLength: 2,
      }),
    }),
    { selector: (s) => s.id, maxLength: 4 },
  ),
});

describe('formatPath', () => {
  // Found by the property test below (1 run in 4): an empty key gave the path `featured..__proto__`.
  it('quotes keys that are not identifiers, so an empty key still reads back', () => {
    expect(formatPath(['featured', '', '__proto__'])).toBe('featured[""].__proto__');
    expect(formatPath(['scripts', 0, 'a b', 'x.y'])).toBe('scripts[0]["a b"]["x.y"]');
    expect(formatPath([''])).toBe('[""]');
    expect(formatPath([])).toBe('(root)');
  });

  it('a forbidden key under an empty key is reported with a readable path', () => {
    const r = parsePack(JSON.parse('{"format":"huashu.pack","version":1,"featured":{"":{"__proto__":1}}}'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join('\n')).toContain('featured[""].__proto__');
  });
});

describe('parsePack properties', () => {
  it('never throws on arbitrary JSON values; errors always carry a path', () => {
    fc.assert(fc.property(fc.jsonValue(), check), { numRuns: 300 });
  });

  it('never throws on arbitrary strings (JSON text or not)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((v) => JSON.stringify(v).slice(0, 20)),
        ),
        check,
      ),
      {
        numRuns: 300,
      },
    );
  });

  it('never throws on pack-shaped values; errors always carry a path', () => {
    fc.assert(fc.property(packLike, check), { numRuns: 300 });
  });

  it('accepts valid packs, and a parsed pack parses again to the same pack', () => {
    fc.assert(
      fc.property(validPack, (input) => {
        const r = parsePack(JSON.stringify(input));
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        const again = parsePack(JSON.stringify(r.pack));
        expect(again.ok && again.pack).toEqual(r.pack);
      }),
      { numRuns: 200 },
    );
  });
});
