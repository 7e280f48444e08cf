/** Issue 12 item 9: what the schema refuses on top of types, with its place, from fuzzed inputs. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidPattern } from '@/lib/consoles/match-pattern';
import { parsePack } from '@/lib/pack/parse';
import { controlProblem, dateProblem, patternProblem } from '@/lib/pack/refine';
import { selectorProblem } from '@/lib/pack/selector';

const base = { format: 'huashu.pack', version: 1, pack: { id: 'acme', name: 'ACME' } };
const withAnswer = (text: string) => ({ ...base, scripts: [{ id: 'a', questions: ['q'], answers: [{ text }] }] });
const featured = (from: string, until: string) => ({
  ...base,
  scripts: [],
  featured: [{ id: 'w1', name: 'Chair', pitch: 'p', from, until }],
});
const console_ = (patch: Record<string, unknown>) => ({
  ...base,
  scripts: [],
  consoles: [
    {
      id: 'desk',
      name: 'Desk',
      matches: ['https://desk.example.com/*'],
      messageList: '.log',
      message: '.msg',
      buyerMessage: '.msg.buyer',
      replyBox: '#reply',
      ...patch,
    },
  ],
});
const errorsOf = (input: unknown) => {
  const r = parsePack(input);
  return r.ok ? [] : r.errors;
};

const hex = (c: number) => `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
const BAD_CODES = [
  ...Array.from({ length: 32 }, (_, i) => i).filter((c) => c !== 9 && c !== 10 && c !== 13),
  ...Array.from({ length: 33 }, (_, i) => 0x7f + i),
  0x202a,
  0x202b,
  0x202c,
  0x202d,
  0x202e,
  0x2066,
  0x2067,
  0x2068,
  0x2069,
];

/** The text without any character the check refuses. */
const withoutRefused = (s: string) =>
  Array.from(s)
    .filter((c) => !BAD_CODES.includes(c.codePointAt(0)!))
    .join('');

describe('control characters and lone surrogates in text', () => {
  it('any refused character anywhere in an answer is named with its place (fuzzed)', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 30, unit: 'grapheme' }),
        fc.constantFrom(...BAD_CODES),
        fc.nat(),
        (clean, code, at) => {
          const safe = `x${withoutRefused(clean)}x`;
          // Between two code points, never inside a surrogate pair.
          const points = Array.from(safe);
          const i = points.slice(0, 1 + (at % (points.length - 1))).join('').length;
          const text = safe.slice(0, i) + String.fromCharCode(code) + safe.slice(i);
          const errors = errorsOf(withAnswer(text));
          expect(errors).toHaveLength(1);
          expect(errors[0]).toMatch(/^scripts\[0\]\.answers\[0\]\.text: /);
          expect(errors[0]).toContain(`${hex(code)} at character ${i + 1}`);
          expect(controlProblem(text)).toContain(`${hex(code)} at character ${i + 1}`);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('lone surrogates are refused, pairs (emoji) kept; tabs and line breaks are text', () => {
    expect(errorsOf(withAnswer('亲\uD83D，好的'))).toEqual([
      'scripts[0].answers[0].text: lone surrogate U+D83D at character 2',
    ]);
    expect(errorsOf(withAnswer('亲\uDE00'))).toEqual([
      'scripts[0].answers[0].text: lone surrogate U+DE00 at character 2',
    ]);
    expect(errorsOf(withAnswer('亲😀\n第二行\t好的\r\n'))).toEqual([]);
    expect(errorsOf({ ...base, scripts: [], pack: { id: 'a', name: 'a', description: 'x\u0007' } })).toEqual([
      'pack.description: control character U+0007 at character 2',
    ]);
  });

  it('well-formed text of any script is accepted (fuzzed)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }), (s) => {
        const text = withoutRefused(`x${s}`);
        expect(controlProblem(text)).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });
});

describe('dates', () => {
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  it('a YYYY-MM-DD string is accepted exactly when the calendar has that day (fuzzed)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1970, max: 2400 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        (y, m, d) => {
          const s = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
          const real = new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10) === s;
          expect(dateProblem(s) === undefined).toBe(real);
          const errors = errorsOf(featured(s, '2401-01-01'));
          expect(errors.length === 0).toBe(real);
          if (!real) expect(errors[0]).toMatch(new RegExp(`^featured\\[0\\]\\.from: ${s} is not a date`));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('2026-02-31 and 2025-02-29 are refused, 2028-02-29 is a day', () => {
    expect(errorsOf(featured('2026-02-31', '2026-03-01'))).toEqual([
      'featured[0].from: 2026-02-31 is not a date: February 2026 has 28 days',
    ]);
    expect(errorsOf(featured('2026-01-01', '2025-02-29'))).toEqual([
      'featured[0].until: 2025-02-29 is not a date: February 2025 has 28 days',
    ]);
    expect(errorsOf(featured('2028-02-29', '2028-02-29'))).toEqual([]);
  });

  it('"from" after "until" is refused at until, any order of two real days (fuzzed)', () => {
    const day = fc
      .date({ min: new Date('2000-01-01'), max: new Date('2100-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, (from, until) => {
        const errors = errorsOf(featured(from, until));
        if (from <= until) expect(errors).toEqual([]);
        else expect(errors).toEqual([`featured[0].until: ${until} is before "from" (${from})`]);
      }),
      { numRuns: 200 },
    );
  });
});

describe('console match patterns', () => {
  it.each([
    ['<all_urls>', /every site/],
    ['javascript:alert(1)', /not a match pattern/],
    ['chrome://settings/*', /not a match pattern/],
    ['data:text/html,<b>', /not a match pattern/],
    ['*://*/*', /matches every site/],
    ['https://*/*', /matches every site/],
    ['https://*.com/*', /every site under \.com/],
    ['file:///C:/chat/*', /not a match pattern|file pages/],
    ['https://desk example.com/*', /not a host name/],
    ['https://desk.example.com', /not a match pattern/],
  ])('%s is refused', (pattern, message) => {
    const errors = errorsOf(console_({ matches: ['https://desk.example.com/*', pattern] }));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^consoles\[0\]\.matches\[1\]: /);
    expect(errors[0]).toMatch(message);
  });

  it('patterns of one http(s) site are accepted (fuzzed hosts, ports, paths)', () => {
    const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?$/);
    const pattern = fc
      .tuple(
        fc.constantFrom('http', 'https', '*'),
        fc.boolean(),
        fc.array(label, { minLength: 2, maxLength: 4 }),
        fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }),
        fc.stringMatching(/^\/[a-z0-9/*._-]{0,12}$/),
      )
      .map(
        ([scheme, sub, labels, port, path]) =>
          `${scheme}://${sub ? '*.' : ''}${labels.join('.')}${port ? `:${port}` : ''}${path}`,
      );
    fc.assert(
      fc.property(pattern, (p) => {
        expect(patternProblem(p)).toBeUndefined();
        expect(errorsOf(console_({ matches: [p] }))).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('whatever is accepted is a valid http(s) match pattern naming a host (fuzzed strings)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.webUrl(),
          fc.webUrl().map((u) => `${u}/*`),
          fc.constantFrom('*://', 'https://', 'file://', '<all_urls>'),
        ),
        (p) => {
          if (patternProblem(p) !== undefined) return;
          expect(isValidPattern(p)).toBe(true);
          expect(p).toMatch(/^(https?|\*):\/\/(\*\.)?[^*/:]+\.[^*/:]+(:\d+)?\//);
        },
      ),
      { numRuns: 300 },
    );
  }, 20_000);
});

describe('console selectors', () => {
  it.each([
    '.log',
    '#reply',
    'div > .msg:nth-child(2n+1)',
    '.msg.from-buyer',
    '[data-role="buyer"]',
    ':is(.a, .b) .c',
    '.row:has(> .bubble)',
    '[contenteditable]:not([contenteditable="false"])',
    '.a\\:b',
    '.chat-header .nick',
    'textarea, [contenteditable]',
    '.css-1x2y3z',
  ])('%s is accepted', (sel) => {
    expect(selectorProblem(sel)).toBeUndefined();
    expect(errorsOf(console_({ buyerMessage: sel }))).toEqual([]);
  });

  it.each(['.a[', '.a)', '..a', '#1', ':foo', '.a,', '> .a', '.a >', 'a|b', '.a{}', 'div:not(> .b)', '.a::', '[x="1]'])(
    '%s is refused at its place',
    (sel) => {
      const errors = errorsOf(console_({ replyBox: sel }));
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(/^consoles\[0\]\.replyBox: not a CSS selector/);
    },
  );

  it('never throws on fuzzed text; generated valid selectors are accepted', () => {
    const ident = fc.stringMatching(/^[a-z][a-z0-9_-]{0,6}$/);
    const compound = fc
      .tuple(
        fc.option(fc.constantFrom('div', 'span', 'li', '*'), { nil: '' }),
        fc.array(
          fc.oneof(
            ident.map((i) => `.${i}`),
            ident.map((i) => `#${i}`),
            ident.map((i) => `[data-${i}]`),
            ident.map((i) => `[${i}="${i} x"]`),
            fc.constantFrom(':first-child', ':not(.x)', ':nth-child(2)'),
          ),
          { minLength: 1, maxLength: 3 },
        ),
      )
      .map(([tag, parts]) => tag + parts.join(''));
    const selector = fc
      .array(compound, { minLength: 1, maxLength: 4 })
      .chain((cs) =>
        fc
          .array(fc.constantFrom(' ', ' > ', ' + ', ' ~ '), { minLength: cs.length - 1, maxLength: cs.length - 1 })
          .map((js) => cs.map((c, i) => (i ? js[i - 1] : '') + c).join('')),
      );
    fc.assert(
      fc.property(selector, (s) => {
        expect(selectorProblem(s)).toBeUndefined();
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (s) => {
        expect(() => selectorProblem(s)).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });
});
