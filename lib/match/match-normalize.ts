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
/** Per BMP character: 0 not yet known, 1 Simplified or shared, 2 Traditional. */
const charState = new Uint8Array(0x10000);

function t2s(text: string): string {
  converter ??= OpenCC.Converter({ from: 'twp', to: 'cn' });
  // Detection uses OpenCC's standard T→S table: the Taiwan table also rewrites simplified 么 and 著.
  charConverter ??= OpenCC.Converter({ from: 't', to: 'cn' });
  let traditional = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x3400 || (code > 0x9fff && (code < 0xf900 || code > 0xfaff))) continue;
    let state = charState[code];
    if (!state) {
      const ch = text[i];
      state = charConverter(ch) !== ch ? 2 : 1;
      charState[code] = state;
    }
    if (state === 2) {
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
export function warmSimplified(texts: readonly string[]): void {
  converter ??= OpenCC.Converter({ from: 'twp', to: 'cn' });
  charConverter ??= OpenCC.Converter({ from: 't', to: 'cn' });
  const seen = new Uint8Array(0x10000);
  const chars: string[] = [];
  for (let t = 0; t < texts.length; t++) {
    const text = texts[t];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x3400 || c > 0x9fff || seen[c]) continue;
      seen[c] = 1;
      if (!charState[c]) chars.push(text[i]);
    }
  }
  if (!chars.length) return;
  const out = charConverter(chars.join('\n')).split('\n');
  if (out.length !== chars.length) return;
  chars.forEach((ch, i) => (charState[ch.charCodeAt(0)] = out[i] !== ch ? 2 : 1));
}

/** Converts Traditional Chinese (incl. Taiwan phrasing) to Simplified; Simplified text is returned as is. */
export function toSimplified(text: string): string {
  return t2s(text);
}

const colloquial = [...COLLOQUIAL].sort((a, b) => b[0].length - a[0].length);
const colloquialRe = new RegExp(colloquial.map(([from]) => escapeRe(from)).join('|'), 'g');
const colloquialMap = new Map(colloquial);

const fillerPhrases = [...FILLER_PHRASES].sort((a, b) => b.length - a.length).map(escapeRe);
/** Characters that can start a filler: most pack text has none and skips the filler regex. */
const FILLER_START = new Uint8Array(0x10000);
for (const ch of [...FILLER_PHRASES.map((p) => p[0]), ...FILLER_CHARS, '亲']) FILLER_START[ch.charCodeAt(0)] = 1;
function hasFillerStart(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (FILLER_START[s.charCodeAt(i)]) return true;
  return false;
}
const fillerRe = new RegExp(`${fillerPhrases.join('|')}|[${escapeRe(FILLER_CHARS)}]`, 'g');
// 亲 is filler only as an address (亲，… / …亲 / 亲亲); 亲子 亲自 亲手 keep it.
const qinRe = /(^|\s)亲+(?=\s|$)|^亲+|亲+$/g;

const MAX_INPUT = 2000;

/**
 * First stage, keeping punctuation (question detection reads ？ and ?): NFKC, T→S, lower case,
 * colloquial forms. Long input is cut: a chat message that long is not a question.
 */
export function prepare(text: string): string {
  let s = String(text).slice(0, MAX_INPUT);
  // NFKC changes nothing in ASCII and CJK ideographs: skip it for the common all-ASCII/CJK text.
  const plain = PLAIN.test(s);
  if (!plain) s = s.normalize('NFKC');
  s = t2s(s).toLowerCase();
  if (!plain) s = s.normalize('NFKC');
  if (s.includes("'") || s.includes('’')) s = expandContractions(s);
  return s.replace(colloquialRe, (m) => colloquialMap.get(m) ?? m);
}

/** don't → do not, i'm → i am, it's → it (so the m of "i'm" is not read as size M). */
function expandContractions(s: string): string {
  return s
    .replace(/\b(can)['’]t\b/g, '$1 not')
    .replace(/\bwon['’]t\b/g, 'will not')
    .replace(/n['’]t\b/g, ' not')
    .replace(/['’]m\b/g, ' am')
    .replace(/['’]re\b/g, ' are')
    .replace(/['’]ve\b/g, ' have')
    .replace(/['’]ll\b/g, ' will')
    .replace(/['’]d\b/g, ' would')
    .replace(/['’]s\b/g, '');
}

const PLAIN = /^[\s\u0020-\u007f\u3400-\u4dbf\u4e00-\u9fff\u3001-\u303f]*$/;

/** Punctuation, symbols, emoji and other marks → one space; collapse whitespace. */
export function stripPunct(text: string): string {
  // Text of ASCII, CJK ideographs and CJK punctuation only (most chat and pack text) takes a plain regex.
  const s = SIMPLE.test(text)
    ? text.replace(/[^a-zA-Z0-9\u3400-\u4dbf\u4e00-\u9fff]+/g, ' ')
    : text.replace(/[^\p{L}\p{N}]+/gu, ' ');
  return s
    .replace(/\d{6,}/g, ' ') // order numbers, phone numbers, tracking numbers
    .replace(/\s+/g, ' ')
    .trim();
}

/** CJK ideographs are U+3400–4DBF and U+4E00–9FFF; U+4DC0–4DFF between them are symbols (䷀ Yijing hexagrams). */
const SIMPLE = /^[\s\u0020-\u007f\u3400-\u4dbf\u4e00-\u9fff\u3000-\u303f\uff01-\uff0f\uff1a-\uff20]*$/;

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

const COLLOQUIAL_START = new Uint8Array(0x10000);
for (const [from] of COLLOQUIAL) COLLOQUIAL_START[from.charCodeAt(0)] = 1;
const buffer = new Uint16Array(MAX_INPUT);
/**
 * The buffer → a string. Cheaper than String.fromCharCode.apply, which first copies a typed array
 * into an argument list (half of the index build's garbage). The buffer never holds a surrogate or BOM.
 */
const utf16 = new TextDecoder('utf-16le', { ignoreBOM: true });
/** Views of the buffer's first n characters, made once per length (not one per text). */
const views: Uint16Array[] = [];

/**
 * stripPunct(prepare(text)) in one pass over the characters, for text made of ASCII, Simplified
 * CJK ideographs and CJK punctuation (nearly all pack text); undefined for anything else.
 */
export function fastStrip(text: string): string | undefined {
  const n = Math.min(text.length, MAX_INPUT);
  let len = 0;
  let space = false;
  let colloquialHit = false;
  let digits = 0;
  let longNumber = false;
  let changed = n < text.length;
  for (let i = 0; i < n; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0x3400 && c <= 0x9fff && (c <= 0x4dbf || c >= 0x4e00)) {
      let state = charState[c];
      if (!state) {
        t2s(text[i]);
        state = charState[c];
      }
      if (state !== 1) return undefined;
      if (COLLOQUIAL_START[c]) colloquialHit = true;
      digits = 0;
    } else if (c >= 0x41 && c <= 0x5a) {
      c += 0x20;
      digits = 0;
      changed = true;
    } else if (c >= 0x30 && c <= 0x39) {
      if (++digits >= 6) longNumber = true;
    } else if (c >= 0x61 && c <= 0x7a) {
      digits = 0;
    } else if (
      c >= 0xff10 &&
      c <= 0xff5a &&
      ((c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a) || c <= 0xff19)
    ) {
      // Full-width letters and digits: what NFKC and lower case make of them.
      changed = true;
      c -= 0xfee0;
      if (c >= 0x41 && c <= 0x5a) c += 0x20;
      if (c <= 0x39) {
        if (++digits >= 6) longNumber = true;
      } else digits = 0;
    } else if (c === 0x27 || c === 0x2019) {
      return undefined; // contractions: the general path expands them
    } else if (
      c < 0x80 ||
      (c >= 0x3000 && c <= 0x303f) ||
      (c >= 0xff01 && c <= 0xff65) || // full-width and half-width punctuation
      (c >= 0x2010 && c <= 0x205e) || // dashes, quotes, ellipsis
      (c >= 0xfe30 && c <= 0xfe4f)
    ) {
      space = len > 0;
      digits = 0;
      changed = true;
      continue;
    } else return undefined;
    if (space) {
      buffer[len++] = 0x20;
      space = false;
    }
    buffer[len++] = c;
  }
  // Text that needed no change (most pack questions) is returned as it is, without a copy.
  let s = changed ? utf16.decode((views[len] ??= buffer.subarray(0, len))) : text;
  // COLLOQUIAL_START only says a form may start here (几 of 几时): the text needs tidying only if one did.
  let replaced = false;
  if (colloquialHit) {
    const r = s.replace(colloquialRe, (m) => colloquialMap.get(m) ?? m);
    replaced = r !== s;
    s = r;
  }
  if (longNumber || replaced)
    s = s
      .replace(/\d{6,}/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
  return s;
}

/**
 * One pass of the normalisation, for pack text at index time (the fixpoint passes are for buyers'
 * text). `filler: false` keeps filler words (answers: their filler is harmless and costs time).
 */
export function normalizeForIndex(text: string, filler = true): string {
  const s = fastStrip(text) ?? stripPunct(prepare(text));
  if (!filler || !hasFillerStart(s)) return s;
  return s.replace(fillerRe, ' ').replace(qinRe, ' ').replace(/\s+/g, ' ').trim();
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
