/**
 * "Contact the buyer" from the evening review: the follow-up message for an open promise — a script of
 * category `follow-up` from the active packs (the one whose keywords the promise names, else the first), or
 * the default template — with `{buyer}`, `{order_id}` and `{promise}` filled in. Pure.
 */
import type { PromiseRow } from '../db/schema';
import type { Pack, Script } from '../pack/schema';
import { fillPlaceholders } from '../insert/placeholders';
import { normalizeText as normalize } from '../text/lexicon-normalize';

export const FOLLOW_UP_CATEGORY = 'follow-up';
/** The promise as quoted in a message: one line, at most this many characters. */
const QUOTE_MAX = 40;

function quote(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  const chars = [...one];
  return chars.length > QUOTE_MAX ? `${chars.slice(0, QUOTE_MAX).join('')}…` : one;
}

function pickScript(packs: readonly Pack[], promiseText: string): Script | undefined {
  const scripts = packs.flatMap((p) => p.scripts.filter((s) => s.category === FOLLOW_UP_CATEGORY));
  const text = normalize(promiseText);
  return scripts.find((s) => s.keywords.some((k) => text.includes(normalize(k)))) ?? scripts[0];
}

export function followUpText(
  promise: Pick<PromiseRow, 'text' | 'buyer' | 'orderId'>,
  packs: readonly Pack[],
  template: string,
  tone: 'friendly' | 'formal' = 'friendly',
): string {
  const script = pickScript(packs, promise.text);
  const answer = script ? (script.answers.find((a) => a.tone === tone) ?? script.answers[0]).text : template;
  const filled = fillPlaceholders(answer, { buyer: promise.buyer, order_id: promise.orderId });
  // A placeholder with no value goes (with the comma or space after it) rather than reaching the buyer.
  return filled
    .replaceAll('{promise}', quote(promise.text))
    .replace(/\{(?:buyer|order_id)\}[，,\s]?/g, '')
    .trim();
}
