/**
 * Dexie v2 (promise log and feedback), frozen as shipped in commit e467fd8. A migration must give the
 * same rows whenever it runs, so everything it computes is copied here: the feedback topic words of that
 * commit (lib/feedback/departments.ts), the topic scoring (lib/feedback/suggest.ts) and the text
 * normalisation (lib/text/lexicon-normalize.ts, then lib/promises/normalize.ts). Never import live domain
 * code here, and never edit the tables below: the live lexicon moves on, this file stays.
 *
 * - promises: + indexes doneAt, updatedAt, [status+due] (open promises in due order without a sort);
 *   rows get updatedAt (= doneAt ?? createdAt), notes (= [] when missing).
 * - feedback: + indexes topic, updatedAt, [department+topic]; rows get updatedAt (= createdAt) and a topic
 *   (suggested from the text within the row's department; "other" when nothing matches).
 */
import type { Transaction } from 'dexie';
import type { FeedbackRow, PromiseRow } from '../schema';

// [department, topic, words] in the order of v2's lexicon (the first topic of a department is its
// fallback). "~word" is weak (half weight); "a*b" allows up to four characters between the parts.
// prettier-ignore
const TOPICS: readonly (readonly [string, string, readonly string[]])[] = [
  ['warehouse', 'slow-dispatch', ['发货慢', '发货*慢', '发货太慢', '还没发货', '还不发货', '迟迟不发', '一直不发', '怎么还没发', '催发货', '拖着不发', '几天了还没发', '没发出', 'not shipped yet', "hasn't shipped", 'has not shipped', 'still not shipped', 'slow to ship', 'slow dispatch']],
  ['warehouse', 'wrong-item', ['发错', '错发', '发成了', '寄错', '不是我买的', '颜色不对', '码数不对', '型号不对', 'wrong item', 'wrong size sent', 'wrong colour', 'wrong color', 'sent the wrong']],
  ['warehouse', 'missing-item', ['漏发', '少发', '少了一件', '少一件', '缺件', '少了配件', '没有配件', '赠品没收到', '没有赠品', '赠品呢', '只收到一件', 'missing item', 'missing part', 'item missing', 'only received one', 'no gift']],
  ['warehouse', 'packaging', ['包装破损', '包装太简陋', '包装简陋', '没有包装', '包装很差', '盒子破了', '盒子压坏', '包装烂了', 'poorly packed', 'packaging', 'box was crushed', 'box damaged']],
  ['warehouse', 'stock', ['缺货', '没货', '断货', '~库存', '预售太久', '什么时候有货', 'out of stock', 'back in stock', 'restock']],
  ['logistics', 'doorstep', ['送货上楼', '送上楼', '不送上楼', '搬上楼', '不上楼', '送货上门', '不送货上门', '不送到家', '送到家', '放门口', '放在门口', '放驿站', '放快递柜', '~老人', '腿脚不便', '爬楼', '没有电梯', 'upstairs', 'to the door', 'left at the door', 'left outside', 'no lift', 'no elevator', '~elderly']],
  ['logistics', 'slow-delivery', ['物流慢', '物流*慢', '快递*慢', '快递慢', '物流太慢', '快递太慢', '物流不动', '物流没更新', '物流信息不更新', '~不更新', '~卡住', '~停在', '还没到', '几天了还没到', '没收到货', '还没收到', '到货慢', 'delivery is slow', 'slow delivery', 'tracking not updated', 'tracking has not', '~stuck', 'not arrived', "hasn't arrived", 'still not received', 'not delivered']],
  ['logistics', 'courier', ['快递员', '派送员', '骑手', '快递小哥', '不打电话', '没打电话', '虚假签收', '签收了但', '显示签收', '被签收', '代签', 'courier', '~driver', 'marked as delivered']],
  ['logistics', 'transit-damage', ['运输破损', '快递压坏', '外箱破', '摔坏', '压坏了', '~碎了', '压扁', 'damaged in transit', 'crushed', 'smashed']],
  ['logistics', 'carrier', ['发顺丰', '~顺丰', '指定快递', '换快递', '不要中通', '~中通', '~圆通', '~申通', '~韵达', '~邮政', '京东快递', '偏远地区', '不到的地方', 'carrier', 'dhl', 'fedex', 'ups', 'usps']],
  ['operations', 'not-as-pictured', ['与图片不符', '和图片不一样', '跟图片不一样', '图片不符', '和图片不符', '与描述不符', '描述不符', '和描述不一样', '跟描述不一样', '和详情页不一样', '跟详情不一样', '货不对板', '色差', '照骗', '买家秀', '~实物', '~图片', 'not as described', 'different from the picture', 'differs from the picture', 'looks different', 'not like the photo', 'not what the photo', 'colour is different', 'color is different']],
  ['operations', 'pricing', ['降价', '差价', '价保', '保价', '价格保护', '买贵了', '优惠券', '券用不了', '用不了券', '满减', '~活动', '价格不一样', '~便宜了', '~直播间', 'price drop', 'price went down', 'coupon', '~discount', '~promo', 'price match']],
  ['operations', '~listing', ['详情页', '尺码表', '尺码表不准', '~参数', '~写错', '标错', '规格写', '~标题', 'size chart', 'listing', 'description says', 'product page']],
  ['product', 'usability', ['太难', '好难', '很难', '不会用', '难用', '不好用', '操作复杂', '太复杂', '安装太难', '不会装', '装不上', '~组装', '看不懂', '~说明书', '~教程', 'hard to use', 'too difficult', 'too hard', 'complicated', "can't figure out", '~instructions', '~manual', 'assemble']],
  ['product', 'quality', ['质量差', '质量很差', '质量太差', '质量不好', '质量问题', '做工', '开线', '起球', '掉色', '褪色', '掉毛', '坏了', '用了几天', '没用几天', '异味', '有味道', '漏水', '不结实', '断了', 'poor quality', 'bad quality', 'broke', 'broken', 'fell apart', 'faded', '~smell', 'leaks']],
  ['product', 'sizing', ['偏大', '偏小', '尺码不准', '太紧', '太松', '码数偏', '太短', '太长', 'runs small', 'runs large', 'too small', 'too big', 'too tight']],
  ['product', 'suggestion', ['希望增加', '希望能', '建议出', '能不能出', '~出个', '有没有别的颜色', '多出几个颜色', '~要是有', '~如果有', 'would be nice', 'please add', 'wish it', 'should come with', '~suggest']],
  ['finance', 'invoice', ['发票', '专票', '专用发票', '增值税', '普票', '开票', '抬头', '税号', '电子发票', '纸质发票', 'vat invoice', 'invoice', '~receipt', 'tax id', '~vat']],
  ['finance', 'refund-payment', ['退款没到账', '还没到账', '没到账', '没退回来', '退款还没到', '没收到退款', '钱没退', '钱还没退', '~到账', '重复扣款', '扣了两次', '多扣', '扣款', '对账', '~退款', 'refund not received', "haven't received my refund", 'charged twice', 'double charged', 'overcharged', '~refund']],
  ['service', 'service-attitude', ['态度差', '态度不好', '回复慢', '不理人', '没人回', '敷衍', '客服', 'rude', 'slow to reply', 'no one replied', 'unhelpful']],
];

// Traditional → Simplified for the characters of v2's lexicons (same position in both strings).
// prettier-ignore
const TRADITIONAL = '後週禮時個點鐘號內兩間馬給幫為會發貨補處聯繫係絡確認覆復說錯單訂運營務財產倉庫遞樓圖與實質題裝壞損難門專稅開計設價錢帳賬貼顏碼態應還沒來這過們幾將盡讓從換賠償請麼嗎兒歲長邊現幣購買賣寫詢辦調讀書細節據顯裡裏準優劵動紅藍綠黃電話機車員戶層驛櫃簽趕緊鬆異線擠壓誤漲貴額檢測驗級術複雜組説較無對舊廠項帶區鄉縣鎮於攔備註報記錄證隨頭並儘筆贈張業';
// prettier-ignore
const SIMPLIFIED = '后周礼时个点钟号内两间马给帮为会发货补处联系系络确认复复说错单订运营务财产仓库递楼图与实质题装坏损难门专税开计设价钱账账贴颜码态应还没来这过们几将尽让从换赔偿请么吗儿岁长边现币购买卖写询办调读书细节据显里里准优券动红蓝绿黄电话机车员户层驿柜签赶紧松异线挤压误涨贵额检测验级术复杂组说较无对旧厂项带区乡县镇于拦备注报记录证随头并尽笔赠张业';
const T2S = new Map([...TRADITIONAL].map((ch, i) => [ch, SIMPLIFIED[i]]));

const CN_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

function chineseNumber(s: string): number {
  if (!s) return NaN;
  if (s.length === 1 && s in CN_DIGITS) return CN_DIGITS[s];
  const m = /^([一二两三四五六七八九])?十([一二三四五六七八九])?$/.exec(s);
  if (m) return (m[1] ? CN_DIGITS[m[1]] : 1) * 10 + (m[2] ? CN_DIGITS[m[2]] : 0);
  return NaN;
}

const NUMERAL_BEFORE_UNIT =
  /([零〇一二两三四五六七八九十]{1,3})(?=\s*(?:个|天|日|小时|钟头|点|分钟|号|月|周|礼拜|星期|工作日))/g;

function normalizeText(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFKC')) out += T2S.get(ch) ?? ch;
  out = out.replace(/[\u3000\s]+/g, ' ').toLowerCase();
  return out.replace(NUMERAL_BEFORE_UNIT, (whole, num: string, offset: number, all: string) => {
    const before = all.slice(Math.max(0, offset - 2), offset);
    if (/(?:周|期|拜)$/.test(before)) return whole;
    const unit = all.slice(offset + whole.length).trimStart()[0];
    if (unit === '点' && num === '一' && !/(?:晨|午|上|晚|夜)$/.test(before)) return whole;
    const n = chineseNumber(num);
    if (!Number.isNaN(n)) return String(n);
    if (num.length === 2 && num[0] in CN_DIGITS && num[1] in CN_DIGITS) return String(CN_DIGITS[num[1]]);
    return whole;
  });
}

const ASCII = /^[\x20-\x7e]+$/;

function size(word: string): number {
  return ASCII.test(word) ? word.split(/\s+/).length : [...word].length;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, (c) => `\\${c}`);
}

interface Word {
  test: (s: string) => boolean;
  word: string;
  weight: number;
}

function compile(raw: string): Word {
  const weak = raw.startsWith('~');
  const word = normalizeText(weak ? raw.slice(1) : raw);
  const factor = weak ? 0.5 : 1;
  if (word.includes('*')) {
    const re = new RegExp(word.split('*').map(escape).join('.{0,4}'));
    return { test: (s) => re.test(s), word, weight: size(word.replaceAll('*', '')) * factor };
  }
  if (ASCII.test(word)) {
    const re = new RegExp(`\\b${escape(word)}\\b`);
    return { test: (s) => re.test(s), word, weight: size(word) * factor };
  }
  return { test: (s) => s.includes(word), word, weight: size(word) * factor };
}

let compiled: { department: string; topic: string; words: Word[] }[] | undefined;

/** The topic v2 gives a feedback row: the best-scoring topic of its department, else the department's first. */
export function topicAtV2(department: string, text: string): string {
  compiled ??= TOPICS.map(([d, t, words]) => ({
    department: d,
    topic: t,
    words: words.map(compile).sort((a, b) => b.word.length - a.word.length),
  }));
  const s = normalizeText(text);
  let best: { topic: string; score: number } | undefined;
  for (const { department: d, topic, words } of compiled) {
    if (d !== department) continue;
    let score = 0;
    const matched: string[] = [];
    for (const w of words) {
      if (w.test(s) && !matched.some((m) => m.includes(w.word))) {
        score += w.weight;
        matched.push(w.word);
      }
    }
    // Strictly greater: on a tie the earlier topic wins, as v2's stable sort did.
    if (score > 0 && (!best || score > best.score)) best = { topic, score };
  }
  return best?.topic ?? TOPICS.find(([d]) => d === department)?.[1] ?? 'other';
}

export function upgradeToV2(tx: Transaction) {
  return Promise.all([
    tx
      .table('promises')
      .toCollection()
      .modify((p: Partial<PromiseRow>) => {
        p.updatedAt ??= p.doneAt ?? p.createdAt ?? Date.now();
        p.notes ??= [];
      }),
    tx
      .table('feedback')
      .toCollection()
      .modify((f: Partial<FeedbackRow>) => {
        f.updatedAt ??= f.createdAt ?? Date.now();
        f.topic ??= topicAtV2(String(f.department ?? 'other'), String(f.text ?? ''));
      }),
  ]);
}
