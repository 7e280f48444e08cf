/**
 * What learning adds to a script: not the whole buyer message but the clause that asks what the script
 * answers. Order numbers, long digit runs, links and emoji go (they would tie unrelated messages to the
 * script); in a message of several clauses the one closest to the script's wordings — or, when none is
 * close, the one that asks — is kept.
 */
import { LIMITS, type Script } from '../pack/schema';
import { bigrams, groupKey } from './text';

const ORDER_NO =
  /(订单|訂單|单号|單號|尾号|尾號|order|tracking)\s*(号|號|编号|編號|no\.?|number|#)?\s*[:：#]?\s*[a-z]*\d[\d-]{3,}/giu;
const NOISE = [/https?:\/\/\S+/giu, /[\w.+-]+@[\w-]+\.[\w.]+/giu, /\d{5,}/gu, /\p{Extended_Pictographic}/gu];
const CLAUSE = /[，,。.!！?？;；~～\n]+|\s{2,}/u;
const ASKS =
  /[吗嗎呢么麼?？]|多少|几|幾|怎么|怎麼|咋|什么|什麼|哪|能不能|可不可以|可以|有没有|有沒有|是不是|还是|還是|\b(what|how|when|where|which|why|who|do|does|did|is|are|can|could|will|would|should)\b/iu;
/** Greetings and particles at the edges add nothing but common characters. */
const LEADING = /^(亲亲|親親|亲|親|你好|您好|在吗|在嗎|请问|請問|hi|hello|hey)[\s,，]*/iu;
const TRAILING = /\s*(呀|啊|哈|啦|哦|喔|嘛|呗|唄)+$/u;

export const MAX_LEARNED_CHARS = 60;

export function learnWording(message: string, script: Pick<Script, 'questions' | 'keywords'>): string {
  let text = message.replace(ORDER_NO, ' ');
  for (const re of NOISE) text = text.replace(re, ' ');
  const clauses = text
    .split(CLAUSE)
    .map((c) => c.replace(/\s+/g, ' ').trim().replace(LEADING, '').replace(TRAILING, '').trim())
    .filter((c) => groupKey(c).length > 0);
  if (!clauses.length) return '';
  let best = clauses[0];
  if (clauses.length > 1) {
    const known = bigrams(groupKey([...script.questions, ...script.keywords].join('')));
    let bestScore = -1;
    clauses.forEach((c, i) => {
      const grams = bigrams(groupKey(c));
      let shared = 0;
      for (const g of grams) if (known.has(g)) shared++;
      // Shared wording first, then asking; on a tie the later clause (the question usually comes last).
      const score = shared * 2 + (ASKS.test(c) ? 1 : 0) + i / (clauses.length * 10);
      if (score > bestScore) [best, bestScore] = [c, score];
    });
  }
  return best.slice(0, Math.min(MAX_LEARNED_CHARS, LIMITS.shortChars));
}
