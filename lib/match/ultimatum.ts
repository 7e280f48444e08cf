/**
 * Requests phrased as ultimatums: a condition clause and a threat clause ("今天必须发出去，不然我不买了",
 * "不便宜我就不要了", "再不降价我就去别家了"). The threat says nothing about what the buyer wants — the
 * condition does, and it is a request the agent usually has to refuse, so it is matched like the question
 * form would be ("便宜", "今天一定发出去"); the refusal script then brings its compensations.
 * Two shapes, for any condition and any threat of the lists below:
 * - consequence marker: <condition>，不然/否则/要不然 <threat>;
 * - negated condition: (要是/如果/再)不/没/不给 <condition> (的话)(我)(就) <threat>.
 */

/** What buyers threaten with: not buying, cancelling, refunds, leaving for another shop, bad reviews. */
const THREAT =
  '(?:我|那我|那)?(?:就|可就|只能|只好|直接)?(?:不买|不要|不拍|不考虑|算了|退款|退货|退单|退掉|退了|取消订单|取消|去别家买?|去别的店|买别家|换[一别]?家|找别家|给差评|差评|投诉|走了|不来了)(?:了|啦|哦|哈|吧|呗)*';
const END = '[。！!～~…\\s]*$';

/** <condition>，不然 <threat>: the condition is said as the buyer wants it. */
const CONSEQUENCE = new RegExp(
  `^(.+?)[，,、。！!\\s]*(?:不然|否则|要不然|要不|不然的话|否则的话)(?:的话)?[，,\\s]*${THREAT}${END}`,
);
/** 不包邮就算了: the condition negated; the request is what is negated. */
const NEGATED = new RegExp(
  `^(?:要是|如果|假如|万一|再|还)?(不给|没有|不能|不|没)(.+?)(?:的话)?[，,\\s]*(?:我|那我|那)?(?:就|可就)?${THREAT}${END}`,
);
/** Demands ask for a guarantee: 必须今天发 reads as 一定今天发, like the question forms (一定能…吗). */
const DEMAND = /必须|务必|非得|一定要/g;
/** Conditions that are no request ("不用了就算了", "不好意思…"). */
const NOT_A_REQUEST = /^(?:用|用了|要|要了|行|需要|好意思|想要|想|管|理)$/;

const clean = (s: string) => s.replace(/^[，,、\s]+|[，,、。！!\s]+$/g, '').replace(DEMAND, '一定');

/** The request an ultimatum makes, to match instead of the whole message; undefined for other messages. */
export function ultimatumRequest(message: string): string | undefined {
  const text = message.trim();
  const negated = NEGATED.exec(text);
  if (negated) {
    // 不给我优惠 → 给我优惠; 没有赠品 / 没赠品 → 有赠品; 不能开发票 → 能开发票; 不包邮 → 包邮.
    const [, neg, rest] = negated;
    const prefix = neg === '不给' ? '给' : neg === '不能' ? '能' : neg.startsWith('没') ? '有' : '';
    const condition = clean(prefix + rest);
    if (condition.length >= 2 && !NOT_A_REQUEST.test(clean(rest))) return condition;
  }
  const consequence = CONSEQUENCE.exec(text);
  if (consequence) {
    const condition = clean(consequence[1]);
    if (condition.length >= 2 && !NOT_A_REQUEST.test(condition)) return condition;
  }
  return undefined;
}
