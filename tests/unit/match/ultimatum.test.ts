/**
 * Ultimatums (issue 9 item 5): condition clause + threat clause → the condition is the request. Phrasings
 * here are deliberately other than the three examples (which the browser test uses).
 */
import { buildEngine } from '@/lib/match/engine';
import { ultimatumRequest } from '@/lib/match/ultimatum';
import { packSchema, type PackInput } from '@/lib/pack/schema';

describe('ultimatumRequest', () => {
  it.each([
    ['再不降价我就去别家买了', '降价'],
    ['不给我优惠我就取消订单', '给我优惠'],
    ['没有赠品的话我就不拍了', '有赠品'],
    ['没赠品就算了', '有赠品'],
    ['要是不能便宜点，我就不要了哦', '能便宜点'],
    ['不送小礼物就算了吧', '送小礼物'],
    ['明天必须到，否则我就退货', '明天一定到'],
    ['周六之前一定要到，要不然我就取消', '周六之前一定到'],
    ['务必顺丰发出 不然给差评', '一定顺丰发出'],
    ['不开发票的话我就退款了', '开发票'],
  ])('%s → %s', (message, request) => {
    expect(ultimatumRequest(message)).toBe(request);
  });

  it.each([
    '不然我就不买了', // a threat without a condition
    '不用了就算了',
    '算了不买了',
    '我要退货',
    '什么时候发货',
    '不便宜',
    '这个不好看',
    '能便宜点吗',
  ])('%s is no ultimatum', (message) => {
    expect(ultimatumRequest(message)).toBeUndefined();
  });
});

describe('the engine on ultimatums', () => {
  const input: PackInput = {
    format: 'huashu.pack',
    version: 1,
    pack: { id: 'shop', name: 'Shop' },
    scripts: [
      {
        id: 'no-discount',
        questions: ['能便宜点吗', '可以打折吗', '有优惠吗'],
        keywords: ['便宜', '优惠', '打折', '降价'],
        answers: [{ text: '亲，已经是最低价啦～' }],
        refusal: true,
        compensations: [{ kind: 'gift', text: '送您一个收纳袋', cost: 3 }],
      },
      {
        id: 'rush',
        questions: ['能加急吗', '明天一定能到吗', '可以优先发吗'],
        keywords: ['加急', '一定到', '优先'],
        answers: [{ text: '亲，我们尽量优先安排，但时效由快递决定哦～' }],
        refusal: true,
        compensations: [{ kind: 'shift', text: '给您备注优先打包' }],
      },
      {
        id: 'returns',
        questions: ['可以退货吗', '七天无理由吗'],
        keywords: ['退货'],
        answers: [{ text: '支持七天无理由退货～' }],
      },
    ],
  };
  const engine = buildEngine([packSchema.parse(input)]);
  const off = buildEngine([packSchema.parse(input)], { features: { ultimatums: false } });

  it.each([
    ['再不打折我就去别家了', 'no-discount'],
    ['没优惠的话我就不拍了', 'no-discount'],
    ['明天必须到，否则我就退货', 'rush'],
  ])('%s gets the refusal script %s, not the threat’s topic', (message, scriptId) => {
    const top = engine.suggest(message).suggestions[0];
    expect(top?.scriptId).toBe(scriptId);
  });

  it('without the rule, the threat decides (the ablation the eval reports)', () => {
    expect(off.suggest('明天必须到，否则我就退货').suggestions[0]?.scriptId).not.toBe('rush');
  });
});
