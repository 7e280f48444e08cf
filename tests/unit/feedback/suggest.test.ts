import { describe, expect, it } from 'vitest';
import { scoreTopics, suggestDepartment, suggestTopic } from '@/lib/feedback/suggest';
import { ALL_DEPARTMENTS } from '@/lib/feedback/departments';

// Buyer messages written for these tests: [text, department, topic].
const CASES: [string, string, string][] = [
  ['下单五天了还没发货，你们发货也太慢了吧', 'warehouse', 'slow-dispatch'],
  ['Why has my order still not shipped?', 'warehouse', 'slow-dispatch'],
  ['我买的黑色，给我发成了白色', 'warehouse', 'wrong-item'],
  ['少发了一个配件，只收到一件', 'warehouse', 'missing-item'],
  ['盒子破了，包装太简陋了', 'warehouse', 'packaging'],
  ['收到的实物和图片不一样，色差很大', 'operations', 'not-as-pictured'],
  ['It looks different from the picture on the listing', 'operations', 'not-as-pictured'],
  ['刚买完就降价了，能退差价吗', 'operations', 'pricing'],
  ['优惠券用不了，券用不了怎么办', 'operations', 'pricing'],
  ['需要开增值税专用发票，公司抬头和税号发您', 'finance', 'invoice'],
  ['Can I get a VAT invoice for my company?', 'finance', 'invoice'],
  ['退款三天了还没到账', 'finance', 'refund-payment'],
  ['I was charged twice for one order', 'finance', 'refund-payment'],
  ['这个产品太难用了，说明书也看不懂', 'product', 'usability'],
  ['The instructions are too hard, I cannot assemble it', 'product', 'usability'],
  ['穿了两次就起球了，质量太差', 'product', 'quality'],
  ['鞋子偏小一码', 'product', 'sizing'],
  ['家里老人腿脚不便，快递不送上楼', 'logistics', 'doorstep'],
  ['The parcel was left at the door, my mum is elderly and there is no lift', 'logistics', 'doorstep'],
  ['物流信息三天不更新了，快递太慢', 'logistics', 'slow-delivery'],
  ['快递员没打电话就显示签收了', 'logistics', 'courier'],
  ['能发顺丰吗，不要中通', 'logistics', 'carrier'],
  ['客服态度差，半天不理人', 'service', 'service-attitude'],
  // Traditional Chinese
  ['與圖片不符，顏色差很多', 'operations', 'not-as-pictured'],
  ['需要開發票', 'finance', 'invoice'],
  ['物流太慢了，還沒到', 'logistics', 'slow-delivery'],
  // Nothing to file
  ['谢谢，收到了', 'other', 'other'],
  ['hello', 'other', 'other'],
];

describe('suggestDepartment', () => {
  it.each(CASES)('%s → %s / %s', (text, department, topic) => {
    const s = suggestDepartment(text);
    expect({ department: s.department, topic: s.topic }, JSON.stringify(scoreTopics(text))).toEqual({
      department,
      topic,
    });
  });

  it('lists the other departments that matched as alternatives', () => {
    const s = suggestDepartment('快递太慢了，而且盒子破了包装太简陋');
    expect(s.alternatives.length).toBeGreaterThan(0);
    expect(new Set([s.department, ...s.alternatives.map((a) => a.department)])).toEqual(
      new Set(['logistics', 'warehouse']),
    );
  });

  it('matches English words whole (no "ups" inside "upstairs")', () => {
    expect(scoreTopics('please bring it upstairs').some((t) => t.topic === 'carrier')).toBe(false);
  });

  it('picks a topic inside a department chosen by hand', () => {
    expect(suggestTopic('product', '穿了两次就起球了')).toBe('quality');
    expect(suggestTopic('finance', 'hello')).toBe('invoice');
    expect(suggestTopic('nope', 'hello')).toBe('other');
  });

  it('every topic id is unique', () => {
    const ids = ALL_DEPARTMENTS.flatMap((d) => d.topics.map((t) => t.id));
    expect(new Set(ids).size).toBe(ids.length);
  });
});
