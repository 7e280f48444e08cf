/** Issue 12 item 7: page values (nicknames, order numbers) are cleaned before they are used or kept. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PAGE_VALUE_MAX, cleanPageValue, fillPlaceholders } from '@/lib/insert/placeholders';

/** Characters that must never reach a reply from a page value (ZWJ is checked on its own: emoji keep it). */
const HIDDEN = [
  ...Array.from({ length: 0x20 }, (_, i) => i),
  ...Array.from({ length: 0x21 }, (_, i) => 0x7f + i),
  0x00ad,
  0x061c,
  0x200b,
  0x200c,
  0x200e,
  0x200f,
  0x202a,
  0x202b,
  0x202c,
  0x202d,
  0x202e,
  0x2060,
  0x2066,
  0x2067,
  0x2068,
  0x2069,
  0xfeff,
];
const HIDDEN_SET = new Set(HIDDEN);
const PICTO = /\p{Extended_Pictographic}/u;
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const graphemeCount = (s: string) => Array.from(segmenter.segment(s)).length;

/** Holds for every output: nothing hidden, no lone surrogate, a ZWJ only inside an emoji sequence, capped. */
function checkClean(out: string | undefined) {
  if (out === undefined) return;
  expect(out).toBe(out.trim());
  expect(out.length).toBeGreaterThan(0);
  const bad = Array.from(out).filter((c, i, all) => {
    const code = c.codePointAt(0)!;
    if (HIDDEN_SET.has(code) || (code >= 0xd800 && code <= 0xdfff)) return true;
    return c === '\u200d' && !PICTO.test(all[i + 1] ?? '');
  });
  expect(bad).toEqual([]);
  expect(graphemeCount(out)).toBeLessThanOrEqual(PAGE_VALUE_MAX);
  expect(out.length).toBeLessThanOrEqual(PAGE_VALUE_MAX * 4);
}

// Only high surrogates: a high and a low one inserted side by side would make a real character.
const hostile = fc.constantFrom(
  ...HIDDEN.map((c) => String.fromCharCode(c)),
  '\u200d',
  '\ud800',
  '\u2028',
  '\u{E0041}',
);

describe('cleanPageValue', () => {
  it.each([
    ['\u202Eevil\u202C', 'evil'],
    ['小\u200B明\uFEFF', '小明'],
    ['\u2066张三\u2069', '张三'],
    ['a\nb\tc\r\nd', 'a b c d'],
    ['  张三  ', '张三'],
    ['\u0000\u0007\u200B', undefined],
    ['', undefined],
    [undefined, undefined],
    ['小明 👨‍👩‍👧 👍🏽 ❤️‍🔥', '小明 👨‍👩‍👧 👍🏽 ❤️‍🔥'],
    [
      '🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F} Scot',
      '🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F} Scot',
    ],
    ['a\u200Db', 'ab'],
    ['x\uD800y', 'xy'],
  ])('%j → %j', (input, expected) => expect(cleanPageValue(input)).toBe(expected));

  it('caps at 64 characters as a reader counts them, and a letter under 1,000 marks stays short', () => {
    expect(cleanPageValue('买'.repeat(500))).toBe('买'.repeat(PAGE_VALUE_MAX));
    expect(cleanPageValue('👨‍👩‍👧'.repeat(100))).toBe('👨‍👩‍👧'.repeat((PAGE_VALUE_MAX * 4) / 8));
    expect(cleanPageValue(`e${'\u0301'.repeat(1000)}`)).toBe(`e${'\u0301'.repeat(4)}`);
  });

  it('every output is clean, capped and idempotent (fuzzed)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 300 }),
          fc.string({ unit: 'binary', maxLength: 300 }),
          fc.string({ unit: 'grapheme', maxLength: 120 }),
        ),
        (s) => {
          const out = cleanPageValue(s);
          checkClean(out);
          expect(cleanPageValue(out)).toBe(out);
        },
      ),
      { numRuns: 200 },
    );
  }, 30_000);

  it('hidden characters sprinkled into a name are all removed and nothing else changes (fuzzed)', () => {
    const name = fc.stringMatching(/^[\u4e00-\u9fa5A-Za-z0-9]{1,20}$/);
    fc.assert(
      fc.property(name, fc.array(fc.tuple(fc.nat(), hostile), { maxLength: 10 }), (clean, inserts) => {
        const points = Array.from(clean);
        for (const [at, c] of inserts) points.splice(at % (points.length + 1), 0, c);
        const out = cleanPageValue(points.join(''));
        checkClean(out);
        // Line separators turn into spaces: compare without spaces.
        expect(out?.replace(/ /g, '')).toBe(clean);
      }),
      { numRuns: 500 },
    );
  });
});

describe('fillPlaceholders with page values', () => {
  it('a reversed nickname goes in readable; an empty one leaves the placeholder for the agent', () => {
    expect(
      fillPlaceholders('{buyer}，您的订单 {order_id} 已发出', { buyer: '\u202Enaiz\u202C', order_id: '123\u200B456' }),
    ).toBe('naiz，您的订单 123456 已发出');
    expect(fillPlaceholders('{buyer}您好', { buyer: '\u200B\u202E' })).toBe('{buyer}您好');
  });

  it('never puts a hidden character or more than the cap into the reply (fuzzed)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (buyer) => {
        const out = fillPlaceholders('[{buyer}]', { buyer });
        if (out === '[{buyer}]') return;
        checkClean(out.slice(1, -1));
      }),
      { numRuns: 300 },
    );
  });
});
