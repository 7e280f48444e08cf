import { describe, expect, it } from 'vitest';
import { learnWording } from '@/lib/library/learn-text';

const shipping = { questions: ['几天发货', '什么时候发货'], keywords: ['发货'] };

describe('learnWording', () => {
  it.each([
    ['a short question stays as it is', '这个颜色还有货吗', '这个颜色还有货吗'],
    ['greetings and trailing particles go', '亲亲 啥时候能发货呀', '啥时候能发货'],
    ['order numbers and links go', '订单号 20261104123456 还没发货 https://x.example/a', '还没发货'],
    ['the clause about this script wins over another question', '能便宜点吗？今天下单几天发货', '今天下单几天发货'],
    ['with no shared wording, the clause that asks wins', '你好，我买了两件，付款了，周五前能到吗', '周五前能到吗'],
    ['on a tie the later clause wins', '我是老顾客了，拍 S 还是 M', '拍 S 还是 M'],
    ['English keeps its words', 'Hi, when will my order ship?', 'when will my order ship'],
  ])('%s', (_what, message, wording) => {
    expect(learnWording(message, shipping)).toBe(wording);
  });

  it('cuts long wordings and returns nothing for pure noise', () => {
    expect(learnWording('发'.repeat(100), shipping)).toHaveLength(60);
    expect(learnWording('4109276630018 😀', shipping)).toBe('');
  });
});
