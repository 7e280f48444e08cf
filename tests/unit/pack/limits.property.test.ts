/** Issue 12 item 4: the parser's depth limit and problem cap, from fuzzed inputs. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPath, parsePack } from '@/lib/pack/parse';
import { typeIssuesFirst } from '@/lib/pack/validate';
import { LIMITS, packSchema } from '@/lib/pack/schema';

const base = { format: 'huashu.pack', version: 1, pack: { id: 'acme', name: 'ACME' } };
const script = (i: number, questions: unknown[] = ['q']) => ({ id: `s${i}`, questions, answers: [{ text: 'a' }] });

/** `depth` containers, one inside the other, arrays or objects as `kinds` says (cycled). */
function nest(depth: number, kinds: boolean[], key: string): unknown {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = kinds[i % kinds.length] ? [v] : { [key]: v };
  return v;
}

describe('depth limit', () => {
  it.each([2_000, 100_000])('%i levels: one problem at the place, no RangeError', (depth) => {
    const text = `{"format":"huashu.pack","version":1,"pack":{"id":"a","name":"a"},"scripts":[],"x":${'['.repeat(depth)}${']'.repeat(depth)}}`;
    const r = parsePack(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toBe(`x${'[0]'.repeat(LIMITS.depth - 1)}: nested deeper than ${LIMITS.depth} levels`);
  });

  it('deep inside a script: the path names the script', () => {
    const r = parsePack({ ...base, scripts: [script(0), { ...script(1), questions: nest(500, [true], 'k') }] });
    expect(!r.ok && r.errors[0]).toMatch(/^scripts\[1\]\.questions(\[0\])+: nested deeper than 32 levels$/);
  });

  it('accepts exactly the values within the limit, wherever they are (fuzzed)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 120 }),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }),
        fc.stringMatching(/^[a-z]{1,6}$/),
        (depth, kinds, key) => {
          // The unknown field `extra` is level 2: its value's innermost container is level depth + 1.
          const r = parsePack({ ...base, scripts: [script(0)], extra: nest(depth, kinds, key) });
          if (depth + 1 <= LIMITS.depth) expect(r.ok).toBe(true);
          else {
            expect(r.ok).toBe(false);
            if (!r.ok) {
              expect(r.errors).toHaveLength(1);
              expect(r.errors[0]).toMatch(/^extra[[\].\w]*: nested deeper than 32 levels$/);
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a forbidden key is still found at the deepest allowed level', () => {
    const deep = nest(LIMITS.depth - 3, [false], 'k') as Record<string, unknown>;
    let inner = deep;
    while (typeof inner.k === 'object') inner = inner.k as Record<string, unknown>;
    inner.k = JSON.parse('{"__proto__": 1}');
    const r = parsePack({ ...base, scripts: [], extra: deep });
    expect(!r.ok && r.errors[0]).toMatch(/\.__proto__: key not allowed$/);
  });
});

describe('problem cap', () => {
  it('20,000 scripts × 200 number questions: 200 problems, a count of the rest, in well under the old 19 s', () => {
    const scripts = Array.from({ length: 20_000 }, (_, i) =>
      script(
        i,
        Array.from({ length: 200 }, (_, q) => q),
      ),
    );
    const t0 = performance.now();
    const r = parsePack({ ...base, scripts });
    const ms = performance.now() - t0;
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(LIMITS.problems + 1);
    expect(r.errors[0]).toBe('scripts[0].questions[0]: expected text, got number');
    expect(r.errors[199]).toBe('scripts[0].questions[199]: expected text, got number');
    expect(r.errors[200]).toBe('… checking stopped at 200 problems after scripts[0]: 19999 scripts not checked');
    expect(ms).toBeLessThan(5_000);
  });

  it('listed + counted + unchecked add up to every problem (fuzzed sizes)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 1, max: 30 }), (n, k) => {
        const scripts = Array.from({ length: n }, (_, i) =>
          script(
            i,
            Array.from({ length: k }, () => null),
          ),
        );
        const r = parsePack({ ...base, scripts });
        expect(r.ok).toBe(false);
        if (r.ok) return;
        const total = n * k;
        const listed = r.errors.filter((e) => !e.startsWith('…'));
        expect(listed.length).toBe(Math.min(total, LIMITS.problems));
        for (const e of listed) expect(e).toMatch(/^scripts\[\d+\]\.questions\[\d+\]: expected text, got null$/);
        if (total <= LIMITS.problems) {
          expect(r.errors).toHaveLength(total);
          return;
        }
        const summary = r.errors.at(-1)!;
        const more = Number(/and (\d+) more problems/.exec(summary)?.[1] ?? 0);
        const unchecked = Number(/(\d+) scripts not checked/.exec(summary)?.[1] ?? 0);
        expect(listed.length + more + unchecked * k).toBe(total);
      }),
      { numRuns: 60 },
    );
  });

  it('agrees with packSchema on fuzzed pack-shaped values (same verdict, same problems under the cap)', () => {
    const field = fc.oneof(fc.string({ maxLength: 4 }), fc.integer(), fc.constant(null), fc.boolean());
    const scriptLike = fc.record(
      {
        id: fc.oneof(fc.constantFrom('a', 'b', 'c'), field),
        questions: fc.oneof(fc.array(field, { maxLength: 3 }), field),
        answers: fc.oneof(
          fc.array(fc.record({ text: field, tone: field }, { requiredKeys: [] }), { maxLength: 2 }),
          field,
        ),
        refusal: field,
      },
      { requiredKeys: [] },
    );
    const packLike = fc.record(
      {
        format: fc.oneof(fc.constant('huashu.pack'), field),
        version: fc.oneof(fc.constant(1), field),
        pack: fc.oneof(fc.record({ id: field, name: field }, { requiredKeys: [] }), field),
        scripts: fc.oneof(fc.array(scriptLike, { maxLength: 4 }), field),
        synonyms: fc.oneof(fc.array(fc.array(field, { maxLength: 3 }), { maxLength: 2 }), field),
        featured: fc.oneof(
          fc.array(fc.record({ id: field, name: field, pitch: field, from: field, until: field }), { maxLength: 2 }),
          field,
        ),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(packLike, (input) => {
        const r = parsePack(input);
        const z = packSchema.safeParse(input);
        if (r.ok) {
          expect(z.success).toBe(true);
          expect(r.pack).toEqual(z.data);
        } else if (!r.errors.some((e) => e.includes('duplicate id'))) {
          expect(z.success).toBe(false);
          if (!z.success && z.error.issues.length < LIMITS.problems)
            expect(r.errors).toEqual(typeIssuesFirst(z.error.issues).map((i) => `${formatPath(i.path)}: ${i.message}`));
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('type errors named as type errors', () => {
  const kinds: [unknown, string][] = [
    [3, 'number'],
    [true, 'true/false'],
    [null, 'null'],
    [[], 'a list'],
    [{}, 'an object'],
  ];
  it.each(kinds)('%j where text belongs: "expected text, got %s"', (value, kind) => {
    const r = parsePack({ ...base, scripts: [script(0), script(1), script(2), script(3, ['q', 'q', value])] });
    expect(!r.ok && r.errors).toEqual([`scripts[3].questions[2]: expected text, got ${kind}`]);
  });

  it('a missing field stays "required"; a wrong list, object, number or flag says what it should be', () => {
    const r = parsePack({
      ...base,
      pack: 'acme',
      scripts: [
        {
          id: 'a',
          questions: 'q',
          answers: [{ text: 'x', tone: 'loud' }],
          refusal: 1,
          compensations: [{ kind: 'gift', text: 'g', cost: '5' }],
        },
      ],
    });
    expect(!r.ok && r.errors).toEqual([
      'pack: expected an object, got text',
      'scripts[0].questions: expected a list, got text',
      'scripts[0].answers[0].tone: expected "friendly", "formal", "neutral", got text',
      'scripts[0].compensations[0].cost: expected a number, got text',
      'scripts[0].refusal: expected true or false, got number',
    ]);
    const missing = parsePack({ ...base, scripts: [{ id: 'a', answers: [{}] }] });
    expect(!missing.ok && missing.errors).toEqual([
      'scripts[0].questions: required',
      'scripts[0].answers[0].text: required',
    ]);
  });
});
