import { describe, expect, it } from 'vitest';
import { detectPromise } from '@/lib/promises/promise-detect';

// Written for these tests (not taken from any store's chat logs).
const PROMISES = [
  '明天给您补发',
  '今天一定发出',
  '好的亲，我这边马上给您安排补寄',
  '亲，明天上午给您回复处理结果',
  '运费我们会退给您的，今晚之前到账',
  '这边帮您备注一下，周五前发顺丰',
  '收到，稍后给您回电话',
  '48小时内给您发货',
  '我帮您核实一下，明天联系您',
  '这个我没法做主，我去问下主管明天回复您',
  '放心，一定帮您催一下仓库',
  '这个差价我给您退回去，3天内到账',
  '已经给您申请了，3个工作日内到账',
  '無法退款，但明天給您補發一件',
  '我們會盡快給您處理',
  "I'll refund the shipping fee",
  'We will send a replacement tomorrow',
  'Let me get back to you by Friday',
  "I'll make sure it ships today",
  'Your refund will be processed within 3 days',
  "Sorry about that! I'll add a gift to your parcel.",
];

const NOT_PROMISES = [
  '您好，在的',
  '亲，请问有什么可以帮您？',
  '已经给您发出了哦',
  '包裹昨天已发货',
  '请您明天寄回来',
  '麻烦您提供一下订单号',
  '您可以申请退款',
  '需要给您补发吗？',
  '抱歉，这个无法退款',
  '我们一般48小时内发货',
  '如果今天下单，今天发出',
  '我帮您查一下',
  '我们不会给您退款的',
  '好的，感谢您的支持',
  '这款是纯棉的，不会起球',
  'Thank you for your order!',
  'Could you send me a photo of the damage?',
  'We cannot refund opened items.',
  'Your parcel was shipped yesterday.',
  'Let me check.',
  'Would you like me to resend it?',
  '',
  '好',
];

describe('detectPromise', () => {
  it.each(PROMISES)('promise: %s', (text) => {
    const r = detectPromise(text);
    expect(r.isPromise, r.cues.join(' | ')).toBe(true);
  });

  it.each(NOT_PROMISES)('not a promise: %s', (text) => {
    const r = detectPromise(text);
    expect(r.isPromise, r.cues.join(' | ')).toBe(false);
  });

  it('says why it rejected a message', () => {
    expect(detectPromise('需要给您补发吗？').cues[0]).toMatch(/^question/);
    expect(detectPromise('请您明天寄回来').cues[0]).toMatch(/^request/);
    expect(detectPromise('已经给您发出了哦').cues[0]).toMatch(/^done/);
  });

  it('copes with a very long message', () => {
    const long = `${'亲'.repeat(20_000)}明天给您补发`;
    expect(detectPromise(long).isPromise).toBe(true);
  });
});
