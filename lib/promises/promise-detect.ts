/**
 * Does an agent's sent message read like a promise ("明天给您补发", "今天一定发出", "I'll refund the
 * shipping fee")? Then the page offers "log this promise" with one click. Lexicon-based and general:
 * a commitment by the agent's side (给您/帮您/会/一定/马上…, I'll/we will/let me…) to an action the
 * store takes (发/补发/退款/处理/联系…), not a request to the buyer, not a refusal, not something
 * already done, not a question.
 */
import { normalizeText } from '../text/lexicon-normalize';

export interface PromiseDetection {
  isPromise: boolean;
  /** Positive and negative cues that decided it (for tests and tuning). */
  cues: string[];
}

// Actions the store performs for the buyer.
const ZH_ACTION =
  '(?:补发|补寄|重发|发出|发货|发走|寄出|寄回|寄|发|退款|退回|退还|退差价|退运费|退|返现|返还|返款|补偿|赔偿|赔|补差价|补|换货|更换|换|处理|安排|核实|核查|查询|查一下|查下|查看|跟进|联系|催|反馈|申请|登记|备注|上报|回复|回电|答复|通知|赠送|送|开票|开发票|开具|修改|改|拦截|加急|优先|确认|解决)';
// The agent's side committing: 给您/帮您/为您/替您, 会/一定/保证/马上/尽快…, 我/我们/这边 + 来/去.
const ZH_COMMIT =
  '(?:给您|给你|帮您|帮你|为您|替您|会|一定|保证|肯定|马上|立刻|立即|尽快|稍后|随后|等下|待会|这就|争取|承诺|负责|今天|今晚|明天|后天|下周|周[一二三四五六日天]|我来|我去|我们来|我这边|我们这边|这边|我们会|我会)';
const ZH_PROMISE = new RegExp(`${ZH_COMMIT}[^，。！？,.!?]{0,8}?${ZH_ACTION}`);
// A time-bound delivery statement without a pronoun: "48小时内发货", "3天内退款到账".
const ZH_DEADLINE = new RegExp(
  `(?:\\d+\\s*(?:个)?\\s*(?:小时|天|工作日|分钟)\\s*(?:之内|以内|内)?)\\s*[^，。！？]{0,4}?${ZH_ACTION}`,
);

// The buyer is asked to act: 请您/麻烦您/您可以/您需要/亲可以/您先.
const ZH_REQUEST = /(?:请您|请亲|麻烦您|麻烦亲|您可以|您需要|亲可以|亲需要|您先|您这边|您自己|您直接|需要您|建议您)/;
const ZH_REFUSAL = /(?:无法|不能|不可以|没办法|没法|不支持|不行|做不到|不会|不给|不予|不用)/;
const ZH_DONE =
  /(?:已经|已|刚刚|刚才|之前)[^，。！？]{0,6}?(?:发出|发货|寄出|退款|退回|处理|安排|补发|申请|登记|备注|联系|反馈)/;
const ZH_QUESTION = /(?:吗|么|呢|是否|能不能|可不可以|要不要|行不行)\s*[?？]?\s*$|[?？]\s*$/;
// A reassurance about the future still counts ("已经安排，明天一定到"): a commitment after the "done" part.
const ZH_FUTURE_AFTER_DONE = /(?:一定|会|保证|马上|明天|今天|后天|尽快|\d+\s*(?:个)?\s*(?:小时|天|工作日))/;

const EN_PROMISE =
  /\b(?:i'll|i will|we'll|we will|i'm going to|i am going to|we're going to|we are going to|let me|i promise|i'll make sure|we'll make sure)\b[^.!?]{0,40}?\b(?:send|ship|dispatch|resend|re-send|refund|return|replace|exchange|check|follow up|contact|call|email|reply|get back|arrange|process|issue|credit|compensate|fix|look into|escalate|update|notify|add|include|expedite|cancel|change)/;
const EN_PASSIVE =
  /\bwill be (?:sent|shipped|dispatched|refunded|replaced|processed|delivered|credited|issued|resent|returned)\b/;
const EN_REQUEST =
  /\b(?:please|could you|can you|would you|you need to|you'll need to|you will need to|you should|you can)\b/;
const EN_REFUSAL = /\b(?:can't|cannot|can not|unable to|won't|not able to|will not|no need)\b/;
const EN_QUESTION = /\?\s*$/;
const EN_DONE = /\b(?:already|have (?:sent|shipped|refunded|dispatched)|has been|was (?:sent|shipped|refunded))\b/;

// "如果今天下单，今天发出", "我们一般48小时内发货": a rule of the shop, not a promise to this buyer.
const CONDITIONAL = /(?:如果|要是|假如|的话|\bif\b)/;
const POLICY = /(?:一般|通常|正常|默认|都是|\busually\b|\bnormally\b|\bgenerally\b|\btypically\b)/;
// Checking something now is not a promise unless a time or a follow-up comes with it.
const WEAK_ACTION = /(?:查询|查一下|查下|查看|核实|核查|确认|\bcheck|look into)$/;
const FOLLOW_UP =
  /(?:今天|今晚|明天|后天|下周|周[一二三四五六日天]|\d+\s*(?:个)?\s*(?:小时|天|工作日)|回复|答复|回电|联系您|通知您|tomorrow|today|tonight|get back|call you|email you|within)/;

/** Decide whether an agent's message reads like a promise (see the file comment). */
export function detectPromise(text: string): PromiseDetection {
  const s = normalizeText(text).trim();
  const cues: string[] = [];
  if (s.length < 3) return { isPromise: false, cues: ['too short'] };

  // Clauses: a message can refuse one thing and promise another ("无法退款，但明天给您补发").
  const clauses = s.split(/[。！!；;\n]|(?<=[^\d])[.](?=\s|$)|(?:但是|不过|但)/).filter((c) => c.trim());
  let promise = false;
  for (const raw of clauses) {
    const c = raw.trim();
    const zh = ZH_PROMISE.exec(c) ?? ZH_DEADLINE.exec(c);
    const en = EN_PROMISE.exec(c) ?? EN_PASSIVE.exec(c);
    if (!zh && !en) continue;
    const hit = (zh ?? en)![0];
    // The part of the clause up to the hit, from the last comma: "这个我没法做主，我去问下主管明天回复您".
    const before = c
      .slice(0, c.indexOf(hit) + hit.length)
      .split(/[，,]/)
      .pop()!;
    const direct = /(?:给您|给你|帮您|帮你|为您|替您|我|我们|这边|i'll|i will|we'll|we will|let me|i'm|we're)/.test(
      hit,
    );
    const reject = (why: string) => cues.push(`${why}: ${hit}`);
    if (ZH_QUESTION.test(c) || EN_QUESTION.test(c)) {
      reject('question');
      continue;
    }
    if (!direct && (ZH_REQUEST.test(before) || EN_REQUEST.test(before))) {
      reject('request');
      continue;
    }
    if (ZH_REFUSAL.test(before) || EN_REFUSAL.test(before)) {
      reject('refusal');
      continue;
    }
    if (!direct && (CONDITIONAL.test(c) || POLICY.test(before))) {
      reject('policy');
      continue;
    }
    const done = ZH_DONE.exec(c);
    if (done && !ZH_FUTURE_AFTER_DONE.test(c.slice(c.indexOf(done[0]) + done[0].length))) {
      reject('done');
      continue;
    }
    if (EN_DONE.test(before)) {
      reject('done');
      continue;
    }
    // "我帮您查一下" / "let me check" is answered within the minute: only a promise with a time or a follow-up.
    if (WEAK_ACTION.test(hit) && !FOLLOW_UP.test(c)) {
      reject('immediate check');
      continue;
    }
    cues.push(`promise: ${hit}`);
    promise = true;
  }
  return { isPromise: promise, cues };
}
