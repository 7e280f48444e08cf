/**
 * The index-time half of the engine: the packs' scripts → synonym lexicon + inverted index, one
 * document per script. Written for build speed (10,000 scripts in well under 300 ms): the work per
 * text runs in small methods that V8 optimises after a few hundred scripts, with indexed loops (no
 * iterator objects while the code is still interpreted) and no objects or strings per token.
 */
import type { Pack, Script } from '../pack/schema';
import { IndexBuilder, type InvertedIndex } from './inverted-index';
import { normalize, normalizeForIndex, warmSimplified } from './match-normalize';
import { warmPinyin } from './pinyin';
import { docTokens, type Features, Lexicon } from './tokens';

export interface IndexFeatures extends Features {
  /** Index the answers' text (light weight) besides questions and keywords. */
  answers: boolean;
  /** Huashu's default synonym lexicon (packs' own synonyms always apply when `synonyms` is on). */
  defaultLexicon: boolean;
}

export interface DocRef {
  packId: string;
  script: Script;
  /** Language of the script's answers (primary subtag), undefined when mixed. */
  lang: string | undefined;
}

export interface ScriptIndex {
  index: InvertedIndex;
  lexicon: Lexicon;
  /** Document number → script. */
  refs: DocRef[];
}

const FIELD = { title: 1, question: 1, keyword: 0.9, tag: 0.5, answer: 0.2 } as const;
/** Answers: the first 300 characters of the first four (variants repeat each other). */
const ANSWERS = 4;
const ANSWER_CHARS = 300;

export function indexScripts(packs: readonly Pack[], f: IndexFeatures): ScriptIndex {
  const indexer = new ScriptIndexer(packs, f);
  const refs: DocRef[] = [];
  const packIds = new Set<string>();
  for (let p = 0; p < packs.length; p++) {
    const pack = packs[p];
    const { id, locale } = pack.pack;
    // Script ids are unique within a parsed pack: only a pack loaded twice needs a check (first copy wins).
    const indexed = packIds.has(id) ? new Set(refs.filter((r) => r.packId === id).map((r) => r.script.id)) : undefined;
    packIds.add(id);
    const { scripts } = pack;
    for (let i = 0; i < scripts.length; i++) {
      const script = scripts[i];
      if (indexed?.has(script.id)) continue;
      indexer.add(script);
      refs.push({ packId: id, script, lang: scriptLanguage(script, locale) });
    }
  }
  return { index: indexer.builder.build(), lexicon: indexer.lexicon, refs };
}

class ScriptIndexer {
  readonly lexicon: Lexicon;
  readonly builder: IndexBuilder;
  /** Keywords and tags repeat across thousands of scripts: normalised once each. */
  private readonly normalised = new Map<string, string>();
  /** …and tokenised once each. */
  private readonly keywordTokens = new Map<string, number[]>();
  // The builder's entry points as token callbacks, made once per build rather than per text.
  private readonly count = (k: number) => this.builder.token(k);
  private readonly countOnce = (k: number) => this.builder.once(k);

  constructor(
    packs: readonly Pack[],
    private readonly f: IndexFeatures,
  ) {
    const keywords: string[] = [];
    const questions: string[] = [];
    let chars = 0;
    for (const pack of packs) {
      for (let i = 0; i < pack.scripts.length; i++) {
        const s = pack.scripts[i];
        for (let j = 0; j < s.keywords.length; j++)
          if (!this.normalised.has(s.keywords[j])) keywords.push(this.norm(s.keywords[j]));
        for (let j = 0; j < s.questions.length; j++) {
          questions.push(s.questions[j]);
          chars += s.questions[j].length;
        }
        for (let j = 0; j < s.answers.length && j < ANSWERS; j++)
          chars += Math.min(s.answers[j].text.length, ANSWER_CHARS);
      }
    }
    const groups = f.synonyms ? packs.flatMap((p) => p.synonyms.map((g) => g.map(normalize))) : [];
    this.lexicon = new Lexicon(groups, f.synonyms ? keywords : [], f.synonyms && f.defaultLexicon);
    if (f.pinyin) this.lexicon.buildPinyin();
    // Learn the packs' characters (pinyin, Traditional or not) in two batch calls instead of one call each.
    warmSimplified(questions);
    if (f.pinyin) warmPinyin(questions);
    // An index has about half a posting per character of question and answer text (0.43–0.54 on the
    // eval and bench packs): sized once, the builder never copies its arrays while it grows.
    this.builder = new IndexBuilder(Math.ceil(chars * 0.6) + 1024);
  }

  private norm(text: string): string {
    let n = this.normalised.get(text);
    if (n === undefined) {
      n = normalizeForIndex(text);
      this.normalised.set(text, n);
    }
    return n;
  }

  /** One script as the next document. */
  add(script: Script): void {
    const { builder, f } = this;
    builder.begin();
    builder.weight = FIELD.question;
    for (let i = 0; i < script.questions.length; i++) this.text(script.questions[i]);
    if (script.title) {
      builder.weight = FIELD.title;
      this.text(script.title);
    }
    builder.weight = FIELD.keyword;
    for (let i = 0; i < script.keywords.length; i++) this.keyword(script.keywords[i]);
    if (script.tags.length) {
      builder.beginField();
      builder.weight = FIELD.tag;
      for (let i = 0; i < script.tags.length; i++)
        docTokens(this.norm(script.tags[i]), this.lexicon, f, false, this.countOnce);
    }
    // Answers: light weight, every token counted once.
    if (f.answers) {
      builder.beginField();
      builder.weight = FIELD.answer;
      for (let i = 0; i < script.answers.length && i < ANSWERS; i++) {
        const text = normalizeForIndex(script.answers[i].text.slice(0, ANSWER_CHARS), false);
        docTokens(text, this.lexicon, f, true, this.countOnce);
      }
    }
    builder.end();
  }

  /** A question or title: every occurrence counts, at the current weight. */
  private text(t: string): void {
    const n = normalizeForIndex(t);
    if (n) docTokens(n, this.lexicon, this.f, false, this.count);
  }

  private keyword(t: string): void {
    let keys = this.keywordTokens.get(t);
    if (!keys) {
      const out: number[] = [];
      docTokens(this.norm(t), this.lexicon, this.f, false, (k) => out.push(k));
      this.keywordTokens.set(t, (keys = out));
    }
    for (let i = 0; i < keys.length; i++) this.builder.token(keys[i]);
  }
}

const languages = new Map<string, string>();
/** Primary subtag of a language tag, lower case (zh-CN → zh); memoised: every answer asks. */
function primaryLanguage(tag: string): string {
  let l = languages.get(tag);
  if (l === undefined) {
    l = tag.split(/[-_]/)[0].toLowerCase();
    languages.set(tag, l);
  }
  return l;
}

/** A script's language: its answers' `lang` (else the pack's locale), when they agree; primary subtag only. */
export function scriptLanguage(script: Script, packLocale: string): string | undefined {
  let lang: string | undefined;
  for (const a of script.answers) {
    const l = primaryLanguage(a.lang ?? packLocale);
    if (lang !== undefined && l !== lang) return undefined;
    lang = l;
  }
  return lang;
}
