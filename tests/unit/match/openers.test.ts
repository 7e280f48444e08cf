import { describe, expect, it } from 'vitest';
import { openersFor, pickOpener, withOpener } from '@/lib/match/openers';
import { packSchema, openerSchema } from '@/lib/pack/schema';

const opener = (o: Parameters<typeof openerSchema.parse>[0]) => openerSchema.parse(o);
const calm = opener({ text: '非常理解您的心情，', tone: 'friendly' });
const formal = opener({ text: '理解您的着急，', tone: 'formal' });
const sorry = opener({ text: '实在抱歉，是我们的疏忽，', apology: true });

describe('openers', () => {
  it('never apologises before a script that is not a seller error; prefers the apology before one', () => {
    expect(pickOpener([sorry, calm], {}, 'friendly')).toBe(calm);
    expect(pickOpener([sorry], {}, 'friendly')).toBeUndefined();
    expect(pickOpener([calm, sorry], { sellerError: true }, 'friendly')).toBe(sorry);
    expect(pickOpener([calm, formal], {}, 'formal')).toBe(formal);
  });

  it('takes the first pack (by priority) with openers for the emotion; calm gets none', () => {
    const pack = (id: string, openers?: object) =>
      packSchema.parse({ format: 'huashu.pack', version: 1, pack: { id, name: id }, openers, scripts: [] });
    const packs = [pack('a'), pack('b', { anxious: [{ text: '别着急，' }] }), pack('c', { anxious: [{ text: 'x' }] })];
    expect(openersFor(packs, 'anxious').map((o) => o.text)).toEqual(['别着急，']);
    expect(openersFor(packs, 'upset')).toEqual([]);
    expect(openersFor(packs, 'calm')).toEqual([]);
  });

  it('joins opener and answer (a space in English)', () => {
    expect(withOpener('马上帮您查。', calm)).toBe('非常理解您的心情，马上帮您查。');
    expect(withOpener('Checking now.', opener({ text: 'I understand.' }))).toBe('I understand. Checking now.');
    expect(withOpener('x', undefined)).toBe('x');
    // The greeting is said once.
    expect(withOpener('亲，让您久等啦！', opener({ text: '亲，别着急，' }))).toBe('亲，别着急，让您久等啦！');
    expect(withOpener('您好，马上为您查。', opener({ text: '亲，别着急，' }))).toBe('亲，别着急，您好，马上为您查。');
  });
});
