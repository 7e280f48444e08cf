/**
 * Toneless pinyin of single characters, cached: the secondary signal that lets homophone typos
 * (发漂 ≈ 发票, 积粉 ≈ 积分) meet the right words. One reading per character (pinyin-pro's default),
 * which is what buyers' input methods produce for typos.
 */
import { pinyin } from 'pinyin-pro';

const cache = new Map<string, string>();

export function charPinyin(ch: string): string {
  let p = cache.get(ch);
  if (p === undefined) {
    p = /[\u3400-\u9fff]/.test(ch) ? (pinyin(ch, { toneType: 'none', type: 'array' })[0] ?? '') : '';
    cache.set(ch, p);
  }
  return p;
}

/** Fills the cache for many characters in one call (much faster than one call per character). */
export function warmPinyin(texts: readonly string[]): void {
  const seen = new Uint8Array(0x10000);
  const chars: string[] = [];
  for (let t = 0; t < texts.length; t++) {
    const text = texts[t];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x3400 || c > 0x9fff || seen[c]) continue;
      seen[c] = 1;
      const ch = text[i];
      if (!cache.has(ch)) chars.push(ch);
    }
  }
  if (!chars.length) return;
  const out = pinyin(chars.join(' '), { toneType: 'none', type: 'array' }).filter((p) => p.trim() !== '');
  if (out.length !== chars.length) {
    for (const ch of chars) charPinyin(ch);
    return;
  }
  chars.forEach((ch, i) => cache.set(ch, out[i]));
}

/** Pinyin key of a word: syllables joined with "|" (empty when a character has no reading). */
export function wordPinyin(word: string): string {
  const parts: string[] = [];
  for (const ch of word) {
    const p = charPinyin(ch);
    if (!p) return '';
    parts.push(p);
  }
  return parts.join('|');
}
