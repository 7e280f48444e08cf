/**
 * Turns normalised text into weighted index tokens, each a small integer (see tokenKey) so that
 * building an index of 10,000 scripts allocates nothing per token:
 *   UNI  character unigram (content characters only)     BI   character bigram
 *   CON  concept (synonym group of the lexicon)           PY   key of a bigram's toneless pinyin (fa|piao)
 *   EN   English word (stemmed; known words also add their Chinese translation to the text)
 * Query tokens carry the span they cover, so the engine can tell how much of a message a script explains.
 */
import Fuse from 'fuse.js';
import { EN_STOPWORDS, EN_ZH, SYNONYM_GROUPS } from './lexicon';
import { charPinyin, warmPinyin, wordPinyin } from './pinyin';
import { Trie } from './trie';

export interface Features {
  synonyms: boolean;
  pinyin: boolean;
  english: boolean;
  unigrams: boolean;
  /** Fuse.js typo tolerance for English words the lexicon does not know (shiping → ship). */
  fuzzy: boolean;
}

export const ALL_FEATURES: Features = { synonyms: true, pinyin: true, english: true, unigrams: true, fuzzy: true };

export const UNI = 1;
export const BI = 2;
export const PY = 3;
export const CON = 4;
export const EN = 5;
/*
 * Keys stay below 2^30 so V8 keeps them as small integers (no heap numbers, no garbage):
 * bigrams of two CJK characters (U+3400–U+9FFF) take 0 … 764M, the other types sit above.
 */
const CJK_BASE = 0x3400;
const CJK_SPAN = 0x9fff - CJK_BASE + 1;
const BASE = [0, 770_000_000, 0, 780_000_000, 790_000_000, 900_000_000] as const;
export function tokenKey(type: number, a: number, b = 0): number {
  switch (type) {
    case BI:
      return (a - CJK_BASE) * CJK_SPAN + (b - CJK_BASE);
    case PY:
      return BASE[PY] + a * 2048 + b;
    default:
      return BASE[type] + a;
  }
}
export function tokenType(key: number): number {
  if (key < BASE[UNI]) return BI;
  if (key < BASE[PY]) return UNI;
  if (key < BASE[CON]) return PY;
  if (key < BASE[EN]) return CON;
  return EN;
}

/** Query weight of each token type (index = type). */
export const TOKEN_WEIGHT = [0, 0.35, 1, 0.45, 1.3, 1] as const;

const englishIds = new Map<string, number>();
/** Interned id of an English word (shared by all engines; the vocabulary of buyers is small). */
export function englishKey(word: string): number {
  let id = englishIds.get(word);
  if (id === undefined) {
    id = englishIds.size + 1;
    englishIds.set(word, id);
  }
  return tokenKey(EN, id);
}

const syllableIds = new Map<string, number>();
const charSyllable = new Int32Array(0x10000).fill(-1);
/** Interned id of a character's toneless pinyin syllable; 0 when it has none. */
function syllable(code: number): number {
  let id = charSyllable[code];
  if (id < 0) {
    const p = charPinyin(String.fromCharCode(code));
    if (!p) id = 0;
    else {
      id = syllableIds.get(p) ?? Math.min(syllableIds.size + 1, 2047);
      syllableIds.set(p, id);
    }
    charSyllable[code] = id;
  }
  return id;
}

/** Function characters: never a token on their own and no weight in coverage. */
export const STOP_CHARS = new Set(
  '的了是我你您他她它们这那个件款条双吗么呢吧就也都很太得地着过又一下在和跟与或及把被让给还有要会能可以想该呀啊哦嘛'.split(
    '',
  ),
);
/** Question characters: part of the message's form, light weight in coverage. */
export const QUESTION_CHARS = new Set('什怎哪几多少谁为何吗么呢啥咋否'.split(''));

const CJK = /[\u3400-\u9fff]/;

export interface QueryToken {
  key: number;
  weight: number;
  start: number;
  end: number;
}

export interface QueryTokens {
  /** The text the spans refer to (normalised, English translated). */
  text: string;
  tokens: QueryToken[];
}

/** Light English stemmer: enough to join ships/shipped/shipping and sizes/sizing. */
export function stem(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length > 4 && /(ss|x|ch|sh)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  else return w;
  if (/([b-df-hj-np-tv-z])\1$/.test(w) && !/(ll|ss|zz)$/.test(w)) w = w.slice(0, -1);
  return w;
}

const EN_LOOKUP = new Map<string, string>();
/** Word sequences that begin a longer phrase of the lexicon (raw and stemmed). */
const EN_PREFIXES = new Set<string>();
let EN_MAX_WORDS = 1;
for (const [k, v] of Object.entries(EN_ZH)) {
  const words = k.split(' ');
  EN_MAX_WORDS = Math.max(EN_MAX_WORDS, words.length);
  EN_LOOKUP.set(words.join(' '), v);
  EN_LOOKUP.set(words.map(stem).join(' '), v);
  for (let n = 1; n < words.length; n++) {
    EN_PREFIXES.add(words.slice(0, n).join(' '));
    EN_PREFIXES.add(words.slice(0, n).map(stem).join(' '));
  }
}

let fuzzyIndex: Fuse<string> | undefined;
const fuzzyCache = new Map<string, string | undefined>();

/**
 * The lexicon word an unknown English word is a typo of (Fuse.js Bitap over the lexicon's single
 * words), or undefined. Words under 4 letters are left alone: too many real words are one letter apart.
 */
export function fuzzyEnglish(word: string): string | undefined {
  if (word.length < 4) return undefined;
  if (fuzzyCache.has(word)) return fuzzyCache.get(word);
  fuzzyIndex ??= new Fuse(
    [...EN_LOOKUP.keys()].filter((k) => !k.includes(' ') && k.length >= 4),
    { includeScore: true, threshold: 0.34, ignoreLocation: true },
  );
  const best = fuzzyIndex.search(word, { limit: 1 })[0];
  // Typos keep the first letter and the length within one (dress is not address, near is not wear).
  const hit = best && best.item[0] === word[0] && Math.abs(best.item.length - word.length) <= 1 ? best.item : undefined;
  if (fuzzyCache.size > 5000) fuzzyCache.clear();
  fuzzyCache.set(word, hit);
  return hit;
}

/** Clothing size letters (S/M/XL) and "码" mean the same thing in a store chat. */
const SIZE_LETTER = /^(xxs|xs|s|m|l|xl|xxl|xxxl|[2-5]xl)$/;

export interface LexiconMatch {
  ids: number[];
  start: number;
  end: number;
  exact: boolean;
}

/** The synonym lexicon of one engine: Huashu's defaults, extended by the packs' groups and keywords. */
export class Lexicon {
  private readonly concepts = new Map<string, number[]>();
  /** Every word of `concepts`, for scanning text (each word's value is its concept ids). */
  private readonly trie = new Trie();
  /** Scratch of forEachConcept: the matches of one text (start, end, trie node). */
  private matchStart = new Int32Array(64);
  private matchEnd = new Int32Array(64);
  private matchNode = new Int32Array(64);
  private readonly byPinyin = new Map<string, number[]>();
  private groups = 0;

  constructor(extraGroups: readonly (readonly string[])[] = [], keywords: readonly string[] = [], useDefaults = true) {
    if (useDefaults) for (const g of SYNONYM_GROUPS) this.addGroup(g);
    for (const g of extraGroups) this.addGroup(g);
    // Pack keywords are words of their own: matching one exactly is stronger than its characters.
    for (const k of keywords) if (!this.concepts.has(k) && k.length >= 2) this.addGroup([k]);
  }

  /** A group sharing a word with known groups extends them; otherwise it is a new concept. */
  addGroup(words: readonly string[]): void {
    const clean = words.map((w) => w.trim()).filter(Boolean);
    if (!clean.length) return;
    const existing = new Set<number>();
    for (const w of clean) for (const c of this.concepts.get(w) ?? []) existing.add(c);
    const ids = existing.size ? [...existing] : [this.groups++];
    for (const w of clean) {
      let cur = this.concepts.get(w);
      if (!cur) {
        cur = [];
        this.concepts.set(w, cur);
        this.trie.set(w, cur);
      }
      for (const id of ids) if (!cur.includes(id)) cur.push(id);
    }
  }

  /** Builds the homophone table (pinyin of every lexicon word of 2+ Chinese characters). */
  buildPinyin(): void {
    warmPinyin([...this.concepts.keys()]);
    for (const [w, ids] of this.concepts) {
      if (w.length < 2 || ![...w].every((ch) => CJK.test(ch))) continue;
      const key = wordPinyin(w);
      if (!key) continue;
      const cur = this.byPinyin.get(key) ?? [];
      for (const id of ids) if (!cur.includes(id)) cur.push(id);
      this.byPinyin.set(key, cur);
    }
  }

  get size(): number {
    return this.groups;
  }

  /** Concept ids of a word, if it is in the lexicon. */
  lookup(word: string): number[] | undefined {
    return this.concepts.get(word);
  }

  /**
   * Every lexicon word in `text` with its span; a match inside a longer match is dropped
   * (补 inside 补差价). With `homophones`, 2–4 character stretches that sound like a lexicon word count too.
   */
  scan(text: string, homophones: boolean): LexiconMatch[] {
    const found: LexiconMatch[] = [];
    const { trie } = this;
    for (let i = 0; i < text.length; i++) {
      for (let j = i, node = 0; j < text.length; j++) {
        node = trie.child(node, text.charCodeAt(j));
        if (!node) break;
        const ids = trie.values[node];
        if (ids) found.push({ ids, start: i, end: j + 1, exact: true });
      }
      if (homophones && CJK.test(text[i])) {
        for (let len = 2; len <= 4 && i + len <= text.length; len++) {
          const piece = text.slice(i, i + len);
          if (!CJK.test(piece[len - 1])) break;
          if (this.concepts.has(piece)) continue;
          const ids = this.byPinyin.get(wordPinyin(piece));
          if (ids) found.push({ ids, start: i, end: i + len, exact: false });
        }
      }
    }
    if (found.length < 2) return found;
    return found.filter(
      (m) =>
        !found.some(
          (o) =>
            o !== m &&
            o.start <= m.start &&
            o.end >= m.end &&
            o.end - o.start > m.end - m.start &&
            (o.exact || !m.exact),
        ),
    );
  }
  /**
   * The concept tokens of scan(text, false), in the same order, without allocating: the matches go
   * to reused typed arrays (index build: one call per pack text).
   */
  conceptTokens(text: string, emit: (key: number) => void): void {
    const { trie } = this;
    let n = 0;
    for (let i = 0; i < text.length; i++) {
      if (!trie.starts(text.charCodeAt(i))) continue;
      for (let j = i, node = 0; j < text.length; j++) {
        node = trie.child(node, text.charCodeAt(j));
        if (!node) break;
        if (!trie.values[node]) continue;
        if (n === this.matchStart.length) this.growMatches();
        this.matchStart[n] = i;
        this.matchEnd[n] = j + 1;
        this.matchNode[n++] = node;
      }
    }
    const { matchStart: ms, matchEnd: me } = this;
    for (let a = 0; a < n; a++) {
      // A match inside a longer one is dropped (补 inside 补差价), as in scan().
      let inside = false;
      for (let b = 0; b < n && !inside; b++)
        inside = b !== a && ms[b] <= ms[a] && me[b] >= me[a] && me[b] - ms[b] > me[a] - ms[a];
      if (!inside) for (const id of trie.values[this.matchNode[a]] as number[]) emit(tokenKey(CON, id));
    }
  }

  private growMatches(): void {
    const grow = (a: Int32Array) => {
      const b = new Int32Array(a.length * 2);
      b.set(a);
      return b;
    };
    this.matchStart = grow(this.matchStart);
    this.matchEnd = grow(this.matchEnd);
    this.matchNode = grow(this.matchNode);
  }
}

interface EnglishResult {
  text: string;
  words: { key: number; start: number; end: number }[];
}

/**
 * English words → Chinese translations (phrases first), unknown words kept. Returns the text to
 * tokenise as Chinese plus the English word tokens with their spans in that text.
 */
export function translateEnglish(text: string, enabled: boolean, fuzzy = false): EnglishResult {
  if (!/[a-z]/.test(text)) return { text, words: [] };
  // Common case (model names such as "a10 pro" in Chinese text): no word to translate, text kept as is.
  const plain: EnglishResult['words'] = [];
  const re0 = /[a-z]+/g;
  let needsTranslation = false;
  for (let m = re0.exec(text); m; m = re0.exec(text)) {
    const raw = m[0];
    const st = stem(raw);
    if (
      enabled &&
      (EN_LOOKUP.has(raw) ||
        EN_LOOKUP.has(st) ||
        EN_PREFIXES.has(raw) ||
        EN_PREFIXES.has(st) ||
        SIZE_LETTER.test(raw) ||
        (fuzzy && !EN_STOPWORDS.has(raw) && raw.length >= 4))
    ) {
      needsTranslation = true;
      break;
    }
    if (!EN_STOPWORDS.has(raw)) plain.push({ key: englishKey(st), start: m.index, end: m.index + raw.length });
  }
  if (!needsTranslation) return { text, words: plain };
  const parts: { raw: string; isWord: boolean }[] = [];
  const re = /[a-z]+/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > last) parts.push({ raw: text.slice(last, m.index), isWord: false });
    parts.push({ raw: m[0], isWord: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push({ raw: text.slice(last), isWord: false });

  let out = '';
  const words: EnglishResult['words'] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (!p.isWord) {
      out += p.raw;
      continue;
    }
    if (enabled) {
      // Longest phrase starting here: words separated only by spaces.
      let matched = 0;
      let zh = '';
      let raw = '';
      let stemmed = '';
      for (let j = i, n = 0; j < parts.length && n < EN_MAX_WORDS; j += 2, n++) {
        if (!parts[j].isWord) break;
        raw = n ? `${raw} ${parts[j].raw}` : parts[j].raw;
        stemmed = n ? `${stemmed} ${stem(parts[j].raw)}` : stem(parts[j].raw);
        const hit = EN_LOOKUP.get(raw) ?? EN_LOOKUP.get(stemmed);
        if (hit !== undefined) {
          matched = n + 1;
          zh = hit;
        }
        // Go on only while the words so far begin some phrase of the lexicon.
        if (!EN_PREFIXES.has(raw) && !EN_PREFIXES.has(stemmed)) break;
        if (j + 1 < parts.length && parts[j + 1].raw !== ' ') break;
      }
      if (matched) {
        const start = out.length + 1;
        out += ` ${zh} `;
        for (let k = 0; k < matched; k++) {
          const w = parts[i + 2 * k].raw;
          if (!EN_STOPWORDS.has(w)) words.push({ key: englishKey(stem(w)), start, end: start + zh.length });
        }
        i += 2 * (matched - 1);
        continue;
      }
      const typo = fuzzy && !EN_STOPWORDS.has(p.raw) && !EN_LOOKUP.has(stem(p.raw)) ? fuzzyEnglish(p.raw) : undefined;
      if (typo) {
        const zh = EN_LOOKUP.get(typo) ?? '';
        const start = out.length + 1;
        out += ` ${zh} `;
        words.push({ key: englishKey(stem(typo)), start, end: start + zh.length });
        continue;
      }
      if (SIZE_LETTER.test(p.raw)) {
        const start = out.length + 1;
        out += ' 码 ';
        words.push({ key: englishKey(p.raw), start, end: start + 1 });
        continue;
      }
    }
    const start = out.length + 1;
    out += ` ${p.raw} `;
    if (!EN_STOPWORDS.has(p.raw)) words.push({ key: englishKey(stem(p.raw)), start, end: start + p.raw.length });
  }
  return { text: out, words };
}

/** Body measurements written as numbers ("162 105斤", "158cm 48kg") are about size. */
export function numberHints(text: string): string {
  let hints = '';
  if (/\d+\s*(斤|公斤|千克|kg)/.test(text)) hints += ' 体重';
  if (/(?<!\d)1[4-9]\d\s*(cm|厘米|公分)?(?!\d)/.test(text) && (hints || /cm|厘米|公分/.test(text))) hints += ' 身高';
  return hints;
}

/**
 * Toneless pinyin of a bigram token (fa|piao for 发票 and for its typo 发漂), or -1. The engine
 * groups the index's bigrams by this key, so a query bigram also finds its homophones.
 */
export function bigramPinyinKey(key: number): number {
  if (tokenType(key) !== BI) return -1;
  const a = syllable(Math.floor(key / CJK_SPAN) + CJK_BASE);
  const b = syllable((key % CJK_SPAN) + CJK_BASE);
  return a && b ? tokenKey(PY, a, b) : -1;
}

/** Tokens of a normalised query, with spans. */
export function queryTokens(normalised: string, lexicon: Lexicon, f: Features): QueryTokens {
  const en = translateEnglish(normalised, f.english, f.fuzzy);
  const text = en.text + numberHints(normalised);
  const tokens: QueryToken[] = [];
  for (const w of en.words) tokens.push({ key: w.key, weight: TOKEN_WEIGHT[EN], start: w.start, end: w.end });
  cjkTokens(text, f.unigrams, (key, start, end) =>
    tokens.push({ key, weight: TOKEN_WEIGHT[tokenType(key)], start, end }),
  );
  if (f.synonyms) {
    for (const m of lexicon.scan(text, f.pinyin)) {
      for (const id of m.ids) {
        tokens.push({
          key: tokenKey(CON, id),
          weight: TOKEN_WEIGHT[CON] * (m.exact ? 1 : 0.8),
          start: m.start,
          end: m.end,
        });
      }
    }
  }
  return { text, tokens };
}

/** Tokens of one piece of pack text (a question, keyword, title or answer), one `emit` per occurrence. */
export function docTokens(
  normalised: string,
  lexicon: Lexicon,
  f: Features,
  light: boolean,
  emit: (key: number) => void,
): void {
  const text = docEnglish(normalised, f.english, emit);
  cjkTokens(text, f.unigrams && !light, emit);
  if (f.synonyms) lexicon.conceptTokens(text, emit);
}

/** English word of pack text → -2 when it needs the translation path, -1 for a stopword, else its token key. */
const docWords = new Map<string, number>();
function docWordCode(raw: string): number {
  let code = docWords.get(raw);
  if (code === undefined) {
    const st = stem(raw);
    code =
      EN_LOOKUP.has(raw) || EN_LOOKUP.has(st) || EN_PREFIXES.has(raw) || EN_PREFIXES.has(st) || SIZE_LETTER.test(raw)
        ? -2
        : EN_STOPWORDS.has(raw)
          ? -1
          : englishKey(st);
    if (docWords.size > 20_000) docWords.clear();
    docWords.set(raw, code);
  }
  return code;
}

let docKeys = new Int32Array(64);

/**
 * translateEnglish(text, enabled) for pack text, emitting the English words' keys and returning the
 * text to tokenise as Chinese. Nearly all pack text has no English word to translate (only model
 * names such as "a10"): a loop over the characters and a memo per word find that without regex
 * matches, stems or token objects; the rest takes translateEnglish.
 */
function docEnglish(text: string, enabled: boolean, emit: (key: number) => void): string {
  let n = 0;
  for (let i = 0; i < text.length;) {
    if (!isLower(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < text.length && isLower(text.charCodeAt(j))) j++;
    const raw = text.slice(i, j);
    const code = enabled ? docWordCode(raw) : EN_STOPWORDS.has(raw) ? -1 : englishKey(stem(raw));
    if (code === -2) {
      const en = translateEnglish(text, enabled);
      for (const w of en.words) emit(w.key);
      return en.text;
    }
    if (code >= 0) {
      if (n === docKeys.length) {
        const bigger = new Int32Array(n * 2);
        bigger.set(docKeys);
        docKeys = bigger;
      }
      docKeys[n++] = code;
    }
    i = j;
  }
  for (let k = 0; k < n; k++) emit(docKeys[k]);
  return text;
}

function isLower(code: number): boolean {
  return code >= 0x61 && code <= 0x7a;
}

function isCjk(code: number): boolean {
  return code >= 0x3400 && code <= 0x9fff;
}

/** STOP_CHARS by character code (a table lookup; cjkTokens asks for every character of every text). */
const STOP_CODES = new Uint8Array(0x10000);
for (const c of STOP_CHARS) STOP_CODES[c.charCodeAt(0)] = 1;

function cjkTokens(text: string, unigrams: boolean, emit: (key: number, start: number, end: number) => void): void {
  let prev = -1;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!isCjk(code)) {
      prev = -1;
      continue;
    }
    const stop = STOP_CODES[code] === 1;
    if (unigrams && !stop) emit(tokenKey(UNI, code), i, i + 1);
    // Bigrams made only of function characters (是不, 了吗) say nothing about the topic.
    if (prev >= 0 && !(stop && STOP_CODES[prev] === 1)) emit(tokenKey(BI, prev, code), i - 1, i + 1);
    prev = code;
  }
}
