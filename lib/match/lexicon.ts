/**
 * Huashu's default lexicon: the everyday vocabulary of Chinese online stores (apparel, shoes, beauty,
 * food, electronics, home), written for any store — packs extend it with `pack.synonyms`.
 *
 * - SYNONYM_GROUPS: words buyers use for the same thing. Every word of a group becomes the same
 *   concept token, so 出货 finds a script that says 发货. Groups are topics rather than strict
 *   synonyms (颜色 偏黄 偏色 are one "colour is off" topic), kept narrow enough not to join topics
 *   that a store answers with different scripts.
 * - COLLOQUIAL: spoken/dialect/net forms rewritten to the standard word before matching.
 * - EN_ZH: English (and pinyin-initial) e-commerce words and phrases → Chinese, so an English or
 *   mixed message matches a Chinese pack. Longest phrase wins; words are matched after stemming.
 * All text here is already simplified and lower-case (the normaliser's output form).
 *
 * The words are data: lib/match/data/lexicon.json (see the README there for where they came from).
 */
import { array, object, pair, sections, string, strings, unique } from '../json-shape';
import { colloquial, enStopwords, enZh, fillerChars, fillerPhrases, synonymGroups } from './data/lexicon.json';

// Each table is read by its own pure call, so a bundle that uses only some of them (the side panel needs no
// synonym groups) leaves the others out.
const at = (key: string) => `lib/match/data/lexicon.json › ${key}`;

function readEnZh(): Record<string, string> {
  const lines = sections(enZh, at('enZh')).map(({ item, path }) => {
    const line = object(item, path);
    return { zh: string(line.zh, `${path}.zh`), en: strings(line.en, `${path}.en`) };
  });
  unique(
    lines.flatMap((l) => l.en),
    at('enZh'),
  );
  return Object.fromEntries(lines.flatMap(({ zh, en }) => en.map((e) => [e, zh])));
}

export const SYNONYM_GROUPS: readonly (readonly string[])[] = /* @__PURE__ */ sections(
  synonymGroups,
  at('synonymGroups'),
).map(({ item, path }) => strings(item, path));

/** Spoken, dialect and internet forms → the standard word (applied before matching). */
export const COLLOQUIAL: readonly (readonly [string, string])[] = /* @__PURE__ */ array(
  colloquial,
  at('colloquial'),
).map((p, i) => pair(p, `${at('colloquial')}[${i}]`));

/**
 * English and mixed-message words → Chinese. Keys are lower-case; single words are matched after
 * light stemming (ships/shipped/shipping → ship), phrases verbatim. Values are Chinese text fed to
 * the same tokenizer, so they pick up the synonym groups above. In the file, consecutive English words
 * with the same Chinese share a line (`{"zh": "发货", "en": ["ship", …]}`); the order is kept.
 */
export const EN_ZH: Readonly<Record<string, string>> = /* @__PURE__ */ readEnZh();

/** Words that carry no meaning for matching, removed after normalisation (see match-normalize.ts for where). */
export const FILLER_PHRASES: readonly string[] = /* @__PURE__ */ strings(fillerPhrases, at('fillerPhrases'));

/** Single particles dropped anywhere (they never carry meaning in a store chat). */
export const FILLER_CHARS: string = /* @__PURE__ */ string(fillerChars, at('fillerChars'));

/** English words with no matching value. */
export const EN_STOPWORDS = /* @__PURE__ */ new Set(strings(enStopwords, at('enStopwords')));
