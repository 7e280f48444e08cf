/** Script answers may name the buyer or the order: "{buyer}，您的订单 {order_id} 已发出". */
export interface PlaceholderValues {
  buyer?: string;
  order_id?: string;
}

/** A nickname or an order number is one short line: longer page text is cut (in user-perceived characters). */
export const PAGE_VALUE_MAX = 64;

/**
 * Emoji sequences keep their joiners and tags: 👨‍👩‍👧 (U+200D between pictographs), the skin tones and
 * U+FE0F inside them, 🏴 + tag letters + U+E007F (subdivision flags).
 */
const EMOJI_SEQUENCE =
  /(\p{Extended_Pictographic}(?:[\u{1F3FB}-\u{1F3FF}]|\uFE0F)?(?:\u200D\p{Extended_Pictographic}(?:[\u{1F3FB}-\u{1F3FF}]|\uFE0F)?)+|\u{1F3F4}[\u{E0020}-\u{E007E}]+\u{E007F})/u;
/** Line breaks, tabs and other separators: one space. */
const BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]/gu;
/**
 * Controls (C0, DEL, C1), format characters (bidi embeddings/overrides/isolates U+202A–202E and
 * U+2066–2069, zero-width U+200B–200F, word joiner, U+FEFF, soft hyphen, invisible tags…) and UTF-16
 * halves without their pair: a page's nickname must not reorder or hide part of the reply it lands in.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}]/gu;

/** "Zalgo" text: a letter under hundreds of combining marks keeps its first four. */
const STACKED_MARKS = /(\p{M}{4})\p{M}+/gu;

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * The one cleaning of text that a page gives Huashu as a value (buyer nickname, order number): used by the
 * console adapters where they read it, by the promise and feedback stores where it is kept, and by
 * fillPlaceholders where it goes into a reply. Idempotent; undefined when nothing visible is left.
 */
export function cleanPageValue(value: string | null | undefined, max = PAGE_VALUE_MAX): string | undefined {
  if (!value) return undefined;
  const cleaned = value
    .split(EMOJI_SEQUENCE)
    .map((part, i) => (i % 2 ? part : part.replace(BREAKS, ' ').replace(INVISIBLE, '')))
    .join('')
    .replace(STACKED_MARKS, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  if (!cleaned) return undefined;
  if (cleaned.length <= max) return cleaned;
  // At most `max` characters as a reader counts them, and at most 4 × max UTF-16 units, for "characters"
  // made of one base and thousands of combining marks.
  let out = '';
  let count = 0;
  for (const { segment } of graphemes.segment(cleaned)) {
    if (count === max || out.length + segment.length > max * 4) break;
    out += segment;
    count++;
  }
  return out.trim() || undefined;
}

/** Fill known placeholders; unknown or missing ones stay visible so the agent sees what to type. */
export function fillPlaceholders(text: string, values: PlaceholderValues): string {
  return text.replace(/\{(buyer|order_id)\}/g, (m, key: keyof PlaceholderValues) => cleanPageValue(values[key]) ?? m);
}
