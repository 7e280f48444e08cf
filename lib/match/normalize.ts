/**
 * Text normalisation shared by the index (pack text) and the query (buyer text):
 * NFKC (full-width → half-width), Traditional → Simplified with Taiwan phrases (OpenCC "twp" → "cn"),
 * lower case, spoken/dialect forms → standard words, punctuation and emoji → space, order/phone
 * numbers dropped, and filler without meaning (亲, 在吗, 请问, 哦, 呢, ~ …) removed.
 */
import * as OpenCCModule from 'opencc-js/t2cn';
import { COLLOQUIAL, FILLER_CHARS, FILLER_PHRASES } from './lexicon';

type OpenCCShape = { Converter: (o: { from: string; to: string }) => (s: string) => string };
const OpenCC: OpenCCShape =
  (OpenCCModule as unknown as { default?: OpenCCShape }).default ?? (OpenCCModule as unknown as OpenCCShape);

let converter: ((s: string) => string) | undefined;
let charConverter: ((s: string) => string) | undefined;
const isTraditional = new Map<string, boolean>();
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

function t2s(text: string): string {
  converter ??= OpenCC.Converter({ from: 'twp', to: 'cn' });
  // Detection uses OpenCC's standard T→S table: the Taiwan table also rewrites simplified 么 and 著.
  charConverter ??= OpenCC.Converter({ from: 't', to: 'cn' });
  let traditional = false;
  for (const ch of text) {
    if (!CJK.test(ch)) continue;
    let t = isTraditional.get(ch);
    if (t === undefined) {
      t = charConverter(ch) !== ch;
      isTraditional.set(ch, t);
    }
    if (t) {
      traditional = true;
      break;
    }
  }
  // Converting only text that has a Traditional character keeps Simplified words such as 影片 intact.
  if (!traditional) return text;
  const out = converter(text);
  // The Taiwan table maps simplified 么 to 幺 (a different word); buyers mixing scripts mean 么.
  return text.includes('么') ? out.replace(/幺/g, '么') : out;
}

/** Learns in one converter call which of these characters are Traditional (speeds up later messages). */
export function warmSimplified(text: string): void {
  converter ??= OpenCC.Converter({ from: 'twp', to: 'cn' });
  charConverter ??= OpenCC.Converter({ from: 't', to: 'cn' });
  const chars = [...new Set(text)].filter((ch) => CJK.test(ch) && !isTraditional.has(ch));
  if (!chars.length) return;
  const out = charConverter(chars.join('\n')).split('\n');
  if (out.length !== chars.length) return;
  chars.forEach((ch, i) => isTraditional.set(ch, out[i] !== ch));
}

/** Converts Traditional Chinese (incl. Taiwan phrasing) to Simplified; Simplified text is returned as is. */
export function toSimplified(text: string): string {
  return t2s(text);
}

const colloquial = [...COLLOQUIAL].sort((a, b) => b[0].length - a[0].length);
const colloquialRe = new RegExp(colloquial.map(([from]) => escapeRe(from)).join('|'), 'g');
const colloquialMap = new Map(colloquial);

const fillerPhrases = [...FILLER_PHRASES].sort((a, b) => b.length - a.length).map(escapeRe);
const fillerRe = new RegExp(`${fillerPhrases.join('|')}|[${escapeRe(FILLER_CHARS)}]`, 'g');
// 亲 is filler only as an address (亲，… / …亲 / 亲亲); 亲子 亲自 亲手 keep it.
const qinRe = /(^|\s)亲+(?=\s|$)|^亲+|亲+$/g;

const MAX_INPUT = 2000;

/**
 * First stage, keeping punctuation (question detection reads ？ and ?): NFKC, T→S, lower case,
 * colloquial forms. Long input is cut: a chat message that long is not a question.
 */
export function prepare(text: string): string {
  let s = String(text).slice(0, MAX_INPUT).normalize('NFKC');
  s = t2s(s).toLowerCase().normalize('NFKC');
  return s.replace(colloquialRe, (m) => colloquialMap.get(m) ?? m);
}

/** Punctuation, symbols, emoji and other marks → one space; collapse whitespace. */
export function stripPunct(text: string): string {
  return text
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/\d{6,}/g, ' ') // order numbers, phone numbers, tracking numbers
    .replace(/\s+/g, ' ')
    .trim();
}

/** Removes filler words; repeated so that the result is stable (normalize is idempotent). */
export function removeFiller(text: string): string {
  let s = text;
  for (let i = 0; i < 5; i++) {
    const next = s.replace(fillerRe, ' ').replace(qinRe, ' ').replace(/\s+/g, ' ').trim();
    if (next === s) break;
    s = next;
  }
  return s;
}

/** Full normalisation for matching. Idempotent; never throws. */
export function normalize(text: string): string {
  let s = removeFiller(stripPunct(prepare(text)));
  // A second pass settles the rare cases where removing a filler exposes a colloquial form.
  for (let i = 0; i < 3; i++) {
    const next = removeFiller(stripPunct(prepare(s)));
    if (next === s) break;
    s = next;
  }
  return s;
}

export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
}
