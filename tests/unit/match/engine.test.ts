import { describe, expect, it } from 'vitest';
import { buildEngine } from '@/lib/match/engine';
import { parsePack } from '@/lib/pack/parse';
import type { Pack, PackInput } from '@/lib/pack/schema';

/** A small electronics store, written for these tests (not the public sample's scripts). */
function storePack(extra: Partial<PackInput> = {}, id = 'acme'): Pack {
  const answers = (t: string) => [
    { text: `亲，${t}～`, tone: 'friendly' as const },
    { text: `您好，${t}。`, tone: 'formal' as const },
  ];
  const input: PackInput = {
    format: 'huashu.pack',
    version: 1,
    pack: { id, name: 'Acme 数码' },
    scripts: [
      {
        id: 'ship-time',
        questions: ['什么时候发货', '几天能发出'],
        keywords: ['发货'],
        answers: answers('下午四点前付款当天发出'),
      },
      {
        id: 'courier',
        questions: ['发什么快递', '能发顺丰吗'],
        keywords: ['快递', '顺丰'],
        answers: answers('默认中通，补五元发顺丰'),
      },
      {
        id: 'warranty',
        questions: ['保修多久', '坏了能修吗'],
        keywords: ['保修', '维修'],
        answers: answers('整机保修一年'),
      },
      {
        id: 'battery',
        questions: ['电池能用多久', '续航怎么样'],
        keywords: ['续航', '电池'],
        answers: answers('满电可用三十小时'),
      },
      {
        id: 'invoice',
        questions: ['能开发票吗', '发票抬头怎么写'],
        keywords: ['发票'],
        answers: answers('下单备注抬头即可开电子发票'),
      },
      {
        id: 'return',
        questions: ['支持七天无理由退货吗', '不想要了能退吗'],
        keywords: ['退货'],
        answers: answers('签收七天内未拆封可退'),
      },
      {
        id: 'refund',
        questions: ['退款多久到账'],
        keywords: ['退款', '到账'],
        answers: answers('退款一到三个工作日原路返回'),
      },
      {
        id: 'compat',
        questions: ['支持苹果手机吗', '安卓能用吗'],
        keywords: ['兼容'],
        answers: answers('苹果和安卓都能连接'),
      },
      {
        id: 'ship-intl',
        questions: ['Do you ship overseas?', 'Can you send it to Singapore?'],
        keywords: ['overseas'],
        answers: [{ text: 'Yes, we ship worldwide by DHL.', tone: 'neutral', lang: 'en' }],
      },
    ],
    ...extra,
  };
  const r = parsePack(input);
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.pack;
}

const engine = buildEngine([storePack()]);
const top = (message: string) => engine.suggest(message).suggestions[0]?.scriptId;

describe('engine ranking', () => {
  it.each([
    ['啥时候能寄出呀', 'ship-time'],
    ['能不能走顺丰', 'courier'],
    ['坏了可以修吗', 'warranty'],
    ['可以开票不', 'invoice'],
    ['退的钱几天能到账', 'refund'],
    ['iPhone能用吗 苹果手机', 'compat'],
  ])('%s → %s', (message, expected) => {
    expect(top(message)).toBe(expected);
  });

  it('tolerates homophone typos (发漂 ≈ 发票)', () => {
    expect(top('能开发漂吗')).toBe('invoice');
  });

  it('reads Traditional Chinese', () => {
    expect(top('可以開發票嗎')).toBe('invoice');
    expect(top('什麼時候出貨')).toBe('ship-time');
  });

  it('matches English and mixed messages to Chinese scripts', () => {
    expect(top('When will you ship my order?')).toBe('ship-time');
    expect(top('refund几天到账')).toBe('refund');
    expect(top('Can I get an invoice?')).toBe('invoice');
  });

  it('matches English scripts too', () => {
    expect(top('do you ship to overseas addresses?')).toBe('ship-intl');
  });

  it('gives calibrated confidences, best first, at most the limit', () => {
    const s = engine.suggest('什么时候发货', { limit: 2 }).suggestions;
    expect(s.length).toBeGreaterThan(0);
    expect(s.length).toBeLessThanOrEqual(2);
    for (const x of s) {
      expect(x.confidence).toBeGreaterThan(0);
      expect(x.confidence).toBeLessThanOrEqual(1);
    }
    expect(s[0].confidence).toBeGreaterThanOrEqual(s[s.length - 1].confidence);
    expect(s[0]).toMatchObject({ packId: 'acme', scriptId: 'ship-time', title: '什么时候发货', part: '什么时候发货' });
  });

  it('answers both questions of a two-question message, first question first', () => {
    const a = engine.suggest('什么时候发货？能开发票吗');
    expect(a.parts).toEqual(['什么时候发货', '能开发票吗']);
    expect(a.suggestions[0].scriptId).toBe('ship-time');
    expect(a.suggestions.map((s) => s.scriptId)).toContain('invoice');
    expect(a.suggestions.find((s) => s.scriptId === 'invoice')?.part).toBe('能开发票吗');
  });
});

describe('threshold', () => {
  it.each(['你们公司在哪个城市', '今天天气真好啊', '你们老板叫什么名字', 'Do you sell cars?'])(
    'shows nothing for an out-of-scope message: %s',
    (message) => {
      expect(engine.suggest(message).suggestions).toEqual([]);
    },
  );

  it('shows nothing and says so for greetings and thanks', () => {
    for (const m of ['在吗', '好的谢谢', 'thanks!']) {
      const a = engine.suggest(m);
      expect(a.needsAnswer).toBe(false);
      expect(a.suggestions).toEqual([]);
    }
  });

  it('a higher threshold shows less', () => {
    const strict = buildEngine([storePack()], { threshold: 0.999, statementThreshold: 0.999 });
    expect(strict.suggest('什么时候发货').suggestions).toEqual([]);
  });

  it('manual search uses a lower threshold and no question detection', () => {
    expect(engine.search('发票')[0]?.scriptId).toBe('invoice');
    expect(engine.search('钱几天能退回来')[0]?.scriptId).toBe('refund');
    expect(engine.search('好的')).toEqual([]);
  });
});

describe('lexicon', () => {
  it('a pack extends the synonym lexicon', () => {
    const message = '会不会电量焦虑';
    const plain = buildEngine([storePack()]).suggest(message).suggestions[0]?.scriptId;
    const extended = buildEngine([storePack({ synonyms: [['续航', '电量焦虑']] })]).suggest(message).suggestions[0]
      ?.scriptId;
    expect(plain).not.toBe('battery');
    expect(extended).toBe('battery');
  });

  it('default synonyms join different words for the same thing (出货/寄出 → 发货)', () => {
    expect(top('几时出货')).toBe('ship-time');
    const off = buildEngine([storePack()], { features: { synonyms: false } });
    expect(off.suggest('几时出货').suggestions[0]?.scriptId).not.toBe('courier');
  });
});

describe('several packs', () => {
  it('earlier packs win ties', () => {
    const a = storePack({}, 'first');
    const b = storePack({}, 'second');
    expect(buildEngine([a, b]).suggest('能开发票吗').suggestions[0].packId).toBe('first');
    expect(buildEngine([b, a]).suggest('能开发票吗').suggestions[0].packId).toBe('second');
  });

  it('finds scripts by pack and id', () => {
    expect(engine.script('acme', 'invoice')?.keywords).toEqual(['发票']);
    expect(engine.script('acme', 'nope')).toBeUndefined();
    expect(engine.size).toBe(9);
  });
});

describe('featured product', () => {
  const featured = buildEngine([
    storePack({
      featured: [
        {
          id: 'x1',
          name: 'X1 Pro 耳机',
          pitch: '本周主推 X1 Pro：降噪更强，续航 40 小时',
          from: '2026-11-01',
          until: '2026-11-07',
          keywords: ['x1', '耳机'],
        },
        {
          id: 'w2',
          name: 'W2 手表',
          pitch: 'W2 手表限时赠表带',
          from: '2026-11-01',
          until: '2026-11-07',
          keywords: ['手表', 'w2'],
        },
      ],
    }),
  ]);
  const inWeek = new Date(2026, 10, 7, 23, 30); // the last day counts (inclusive)
  const after = new Date(2026, 10, 8, 0, 5);

  it('answers a choice question with the active featured product', () => {
    expect(featured.suggest('X1和X2耳机哪个好', { now: inWeek }).featured?.id).toBe('x1');
    expect(featured.suggest('推荐哪款手表', { now: inWeek }).featured?.id).toBe('w2');
    expect(featured.suggest('Which one should I buy?', { now: inWeek }).featured?.id).toBe('x1');
  });

  it('says which pack the featured product comes from (its insertions are counted per pack)', () => {
    const f = featured.suggest('X1和X2耳机哪个好', { now: inWeek }).featured;
    expect(f).toMatchObject({ id: 'x1', name: 'X1 Pro 耳机' });
    expect(f?.packId).toEqual(expect.any(String));
  });

  it('not outside its dates', () => {
    expect(featured.suggest('X1和X2耳机哪个好', { now: after }).featured).toBeUndefined();
  });

  it('not for questions that do not choose between products', () => {
    expect(featured.suggest('什么时候发货', { now: inWeek }).featured).toBeUndefined();
    expect(featured.suggest('S码还是M码哪个好', { now: inWeek }).featured).toBeUndefined();
  });
});

describe('register', () => {
  it('reports the buyer’s register', () => {
    expect(engine.suggest('您好，请问什么时候发货').register).toBe('formal');
    expect(engine.suggest('亲 啥时候发货呀').register).toBe('friendly');
  });
});

describe('buyer language', () => {
  const shipping = (lang: 'en' | 'zh') => ({
    id: `ship-${lang}`,
    questions:
      lang === 'en' ? ['When will my order ship?', 'How soon do you dispatch?'] : ['什么时候发货', '几天能发出'],
    keywords: lang === 'en' ? ['ship', 'dispatch'] : ['发货'],
    answers: [{ text: lang === 'en' ? 'Orders ship within 24 hours.' : '亲，24小时内发出～', lang }],
  });
  const bilingual = (() => {
    const r = parsePack({
      format: 'huashu.pack',
      version: 1,
      pack: { id: 'bi', name: 'bilingual' },
      scripts: [shipping('en'), shipping('zh')],
    });
    if (!r.ok) throw new Error(r.errors.join('\n'));
    return buildEngine([r.pack]);
  })();
  const ids = (m: string) => bilingual.suggest(m).suggestions.map((s) => s.scriptId);

  it('a Chinese buyer gets only the Chinese script when both languages answer', () => {
    expect(ids('什么时候能发货呀')).toEqual(['ship-zh']);
  });

  it('an English buyer gets only the English script when both languages answer', () => {
    expect(ids('when will you ship my order?')).toEqual(['ship-en']);
  });

  it('an English buyer still gets a Chinese-only pack’s answer', () => {
    expect(top('When will you ship my order?')).toBe('ship-time');
  });
});
