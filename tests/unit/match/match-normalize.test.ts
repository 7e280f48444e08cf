import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastStrip, normalize, prepare, stripPunct, toSimplified } from '@/lib/match/match-normalize';

describe('normalize', () => {
  it.each([
    ['full-width digits and letters', '我平常３７的 ＳＩＺＥ', '我平常37的 size'],
    ['Traditional → Simplified', '請問模特兒身高體重多少', '模特儿身高体重多少'],
    ['Taiwan phrasing', '這個軟體的訊息', '这个软件的消息'],
    ['case and punctuation', 'When will it SHIP?!', 'when will it ship'],
    ['emoji', '透不透😂❤️', '透不透'],
    ['filler 亲 / 呀 / 哦 / ~', '亲 这个有货吗呀~', '这个有货吗'],
    ['filler 在吗 / 请问', '在吗？请问几天发货', '几天发货'],
    ['亲 inside a word stays', '这款有亲子装吗', '这款有亲子装吗'],
    ['spoken forms', '咋还没发货 木有物流', '怎么还没发货 没有物流'],
    ['English contractions', "I'm 165cm, it doesn't fit", 'i am 165cm it does not fit'],
    ['order numbers dropped', '订单号 4021887761520 没收到', '订单号 没收到'],
    ['simplified 么 is kept in mixed text', '這件衣服怎么樣', '这件衣服怎么样'],
  ])('%s', (_name, input, expected) => {
    expect(normalize(input)).toBe(expected);
  });

  it('leaves Simplified text alone (影片 is not rewritten as a Taiwan phrase)', () => {
    expect(toSimplified('这个影片')).toBe('这个影片');
  });

  it('prepare keeps question marks for detection', () => {
    expect(prepare('會縮水嗎？')).toBe('会缩水吗?');
  });
});

describe('normalize properties', () => {
  const text = fc.oneof(
    fc.string(),
    fc.string({ unit: 'grapheme' }),
    fc
      .array(fc.constantFrom(...'亲在吗请问哦呢～！？，。ＡＢ３７發貨退款運費😂 abcXYZ的了吗'.split('')), {
        maxLength: 30,
      })
      .map((a) => a.join('')),
  );

  it('never throws and is idempotent', () => {
    fc.assert(
      fc.property(text, (s) => {
        const once = normalize(s);
        expect(normalize(once)).toBe(once);
      }),
      { numRuns: 500 },
    );
  });

  it('output has no full-width forms, upper case or punctuation', () => {
    fc.assert(
      fc.property(text, (s) => {
        const out = normalize(s);
        expect(out).not.toMatch(/[\uff01-\uff5e]/);
        expect(out).toBe(out.toLowerCase());
        expect(out).not.toMatch(/[\p{P}\p{S}]/u);
        expect(out).not.toMatch(/^\s|\s$|\s\s/);
      }),
      // U+4DC0–4DFF (䷀…䷿) sit between the CJK ideograph blocks but are symbols (a CI run found ䷀).
      { numRuns: 500, examples: [['䷀'], ['发货吗䷀好'], ['䷿ 〇']] },
    );
  });
});

describe('fastStrip', () => {
  it('matches the general path wherever it applies', () => {
    const text = fc.oneof(
      fc.string(),
      fc
        .array(
          fc.constantFrom(
            ...'亲在吗请问咋啥木有俺几多发货退款运费，。、？～…“” ABCxyz0123456789-?!ＡＢｘｙ１２３'.split(''),
          ),
          { maxLength: 40 },
        )
        .map((a) => a.join('')),
    );
    fc.assert(
      fc.property(text, (s) => {
        const fast = fastStrip(s);
        if (fast !== undefined) expect(fast).toBe(stripPunct(prepare(s)));
      }),
      { numRuns: 1000 },
    );
  });

  it('applies to plain Chinese/ASCII/full-width text, not to Traditional, emoji or other scripts', () => {
    expect(fastStrip('什么时候发货。订单 1234567')).toBe('什么时候发货 订单');
    expect(fastStrip('什么时候发货？３７码')).toBe('什么时候发货 37码');
    expect(fastStrip('咋还没发货')).toBe('怎么还没发货');
    expect(fastStrip('什麼時候發貨')).toBeUndefined();
    expect(fastStrip('ＡＢＣ')).toBe('abc');
    expect(fastStrip('透不透😂')).toBeUndefined();
    expect(fastStrip('café')).toBeUndefined();
  });
});
