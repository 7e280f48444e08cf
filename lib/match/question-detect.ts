/**
 * Does a buyer message need a script, and which parts of it? Greetings, thanks, acknowledgements,
 * "I'll think about it" and praise need nothing. The rest is split into clauses; a part ends at each
 * clause that asks (？, 吗, 怎么, X不X, what/can…) or requests (想, 麻烦, 帮我, please…), so a message
 * with two questions becomes two parts. Statements (complaints such as 发错货了) remain parts too:
 * the engine holds them to a stricter threshold.
 */
import { wordLines } from '../json-shape';
import { en as socialEn, zh as socialZh } from './data/social.json';
import { escapeRe, prepare, removeFiller, stripPunct } from './match-normalize';
import { STOP_CHARS } from './tokens';

export type PartKind = 'question' | 'request' | 'statement';

export interface Part {
  /** The part as the buyer wrote it (prepared: NFKC, simplified, lower case). */
  text: string;
  kind: PartKind;
  /** The clause that asks or requests, when the part has context clauses around it. */
  focus?: string;
}

export interface Detection {
  needsAnswer: boolean;
  parts: Part[];
  /** Every content clause, social ones removed: the message matched as one piece. */
  whole: Part;
}

/**
 * Whole clauses that need no answer once filler (在吗, 谢谢, 你好 …) is gone: data, lib/match/data/social.json
 * (one line per kind of phrase; see the README there for where they came from).
 */
const SOCIAL_FILE = 'lib/match/data/social.json';
const SOCIAL_ZH = wordLines(socialZh, `${SOCIAL_FILE} › zh`);
const SOCIAL_EN = wordLines(socialEn, `${SOCIAL_FILE} › en`);
const socialRe = new RegExp(
  [...SOCIAL_ZH, ...SOCIAL_EN]
    .sort((a, b) => b.length - a.length)
    .map((w) => (/^[a-z ]+$/.test(w) ? `\\b${escapeRe(w)}\\b` : escapeRe(w)))
    .join('|'),
  'g',
);
const EN_FILLER =
  /\b(i|me|it|so|very|much|all|the|a|and|then|will|ll|just|now|already|again|too|you|dear|pls|please)\b/g;

const QUESTION_ZH =
  /[吗么嘛]|什么|怎么|怎样|如何|为什么|为何|哪|(?<!好)几|多少|多久|多大|多高|多重|多长|多远|多厚|谁|是否|有没有|能不能|可不可以|会不会|是不是|要不要|行不行|好不好|对不对|还是|有无|能否|可否|([\u4e00-\u9fff])不\1|[不没]$|没有$/;
const QUESTION_EN =
  /^(what|when|where|which|who|whom|whose|why|how|can|could|do|does|did|is|are|am|was|were|will|would|should|shall|may|might|have|has|any)\b|\?/;
const REQUEST =
  /想|要|帮我|帮忙|麻烦|请|求|希望|给我|能|可以|申请|改成|\b(want|need|please|like to|would like|wanna|help)\b/;

/** Sentence punctuation; within Chinese sentences spaces separate clauses too (buyers use them as commas). */
const SENTENCE = /([。！!？?；;，,、\n…~]+)/;
const CJK = /[\u3400-\u9fff]/;

/**
 * Praise and contentment without a question ("物流很快", "质量挺好的", "穿着很舒服"): no script needed.
 * A negation or a problem word anywhere in the clause makes it a complaint instead.
 */
const PRAISE =
  /(很|挺|超|真|太|非常|特别|蛮|好|都|也|还)(快|好|棒|赞|不错|满意|喜欢|漂亮|好看|舒服|合适|划算|值|给力|软|香|好用|好吃|清楚|耐心|专业|及时)(的|了|啊|呀|哦|哈|呢)*$/;
const PROBLEM = /不|没|别|差|坏|慢|问题|怎|吗|么|啥|为什么|能否|可以|破|脏|错|退|换|赔|但|可是|就是|却/;
export function isPraise(clause: string): boolean {
  const c = stripPunct(clause);
  return PRAISE.test(c) && !PROBLEM.test(c);
}

/**
 * "I'll look around / think it over / compare first" without asking anything: no script needed.
 * Asking someone else (我问问老婆, 和家里商量一下) is not here: stores keep scripts for that moment.
 */
const DEFER =
  /^(那|那我|我|我们|那我们)?(还是)?(再|先|回头|晚点|改天)?(去)?(看看|看一下|逛逛|想想|想一下|对比|对比一下|对比对比|比较|比较一下|比较比较|比一比|比比|考虑|考虑一下|考虑考虑|研究|研究一下|研究研究)(别的|别家|其他的|其他家)?(再说|吧|啦|哈|哦|先)*$/;

/** "The problem is solved / it works now": nothing left to answer. */
const RESOLVED = /^(那|这个|这下|现在)?(问题)?(已经|都|也)?(解决|搞定|弄好|修好|处理好|好|能用|可以用|正常)(了|啦)+$/;

/** "I'll wait for the parcel", "I'll go get the coupon first": the buyer's own next step, no question. */
const INTENT =
  /^(那|那我|我|好的我|好我)?(就|先|这就|马上|回头|等会|待会|晚点)?(等|等着|等等|去)(物流|快递|发货|消息|通知|回复|你们|你|客服|到货|收货|领|拿|看|拍|买|付|下单|逛).{0,6}$/;

/** True when a clause carries no request or question beyond social talk. */
export function isSocial(clause: string): boolean {
  const plain = stripPunct(clause);
  const base = removeFiller(plain);
  if (!base) return true; // only filler, emoji or punctuation
  const compact = base.replace(/\s+/g, '');
  if (DEFER.test(compact) || RESOLVED.test(compact)) return true;
  if (INTENT.test(compact) && !PROBLEM.test(compact)) return true;
  // 收到了吗, 好了没: a social word asked about is a question ("好吗" alone stays social).
  if (base.length > 2 && /(吗|么|没|没有)$/.test(base)) return false;
  const rest = base.replace(socialRe, ' ').replace(EN_FILLER, ' ').replace(/\s+/g, '');
  // Only a clause with a social word can be social: 还是 alone is part of a question.
  if (rest === base.replace(/\s+/g, '') && base === plain) return false;
  return [...rest].every(
    (ch) =>
      STOP_CHARS.has(ch) || ch === '那' || ch === '先' || ch === '再' || ch === '啦' || ch === '哈' || ch === '别',
  );
}

export function partKind(clause: string, endsWithQuestionMark: boolean): PartKind {
  const c = clause.trim();
  if (endsWithQuestionMark || QUESTION_ZH.test(c) || QUESTION_EN.test(c)) return 'question';
  if (REQUEST.test(c)) return 'request';
  return 'statement';
}

const MAX_PARTS = 3;

/**
 * What chat consoles put in place of what is not text ([图片], [表情], [视频], [语音], [商品卡片]) and an order
 * or tracking number with its label (订单号 4208812273651, 单号yt8830192746, order #12345678): neither asks
 * anything, and a bare label left behind (订单) would match every script about orders.
 */
const PLACEHOLDER = /\[[\u4e00-\u9fffa-z]{1,6}\]/g;
const ORDER_REF =
  /(订单编号|订单号码?|订单|快递单号|物流单号|运单号|单号|order\s*(number|no\.?|#)?|tracking\s*(number|no\.?)?)\s*[:：#]?\s*[a-z]{0,4}\d{6,}/g;

export function detect(message: string): Detection {
  const text = prepare(message).replace(PLACEHOLDER, ' ').replace(ORDER_REF, ' ');
  const pieces = text.split(SENTENCE);
  const clauses: { text: string; qmark: boolean }[] = [];
  for (let i = 0; i < pieces.length; i += 2) {
    const t = pieces[i]?.trim();
    const qmark = /[?？]/.test(pieces[i + 1] ?? '');
    if (!t) {
      if (qmark && clauses.length) clauses[clauses.length - 1].qmark = true;
      continue;
    }
    // English sentences stay whole: "what size should i get" is one clause.
    const sub = CJK.test(t) ? t.split(/\s+/) : [t];
    sub.forEach((c, j) => clauses.push({ text: c, qmark: qmark && j === sub.length - 1 }));
  }
  const merged = clauses;
  const content = merged.filter((c) => !isSocial(c.text) && !isPraise(c.text));
  if (!content.length) return { needsAnswer: false, parts: [], whole: { text: '', kind: 'statement' } };

  const parts: Part[] = [];
  let buf: string[] = [];
  for (const c of content) {
    buf.push(c.text);
    const kind = partKind(c.text, c.qmark);
    // Only a question ends a part: requests and statements are context ("想换小一码 吊牌都还在").
    if (kind === 'question') {
      parts.push({ text: buf.join(' '), kind, ...(buf.length > 1 ? { focus: c.text } : {}) });
      buf = [];
    }
  }
  if (buf.length) {
    // Trailing statements give context to the last question ("有大一码的吗 这双挤脚").
    if (parts.length) parts[parts.length - 1].text += ` ${buf.join(' ')}`;
    else {
      const request = content.find((c) => partKind(c.text, c.qmark) === 'request');
      parts.push({
        text: buf.join(' '),
        kind: request ? 'request' : 'statement',
        ...(request && buf.length > 1 ? { focus: request.text } : {}),
      });
    }
  }
  // Context clauses joined to a request are still one request; more than MAX_PARTS questions → keep the first ones.
  const kinds = parts.map((p) => p.kind);
  const wholeKind: PartKind = kinds.includes('question')
    ? 'question'
    : kinds.includes('request')
      ? 'request'
      : 'statement';
  return {
    needsAnswer: true,
    parts: parts.slice(0, MAX_PARTS),
    whole: {
      text: content.map((c) => c.text).join(' '),
      kind: wholeKind,
      ...(parts.length === 1 && parts[0].focus ? { focus: parts[0].focus } : {}),
    },
  };
}
