/**
 * The `huashu.pack` format, version 1 — the contract between team leads' exports, other tools and Huashu.
 * Every field is documented in README.md ("Script-pack format"). Extend, never rename.
 */
import { z } from 'zod';

/** Limits keep one bad file from freezing the panel or filling the disk. */
export const LIMITS = {
  fileBytes: 50 * 1024 * 1024,
  scripts: 50_000,
  textChars: 5_000,
  shortChars: 500,
  listItems: 200,
  idChars: 120,
} as const;

const id = z
  .string({ error: 'required' })
  .trim()
  .min(1, 'required')
  .max(LIMITS.idChars, `at most ${LIMITS.idChars} characters`)
  .regex(/^[\p{L}\p{N}_.:-]+$/u, 'letters, digits, "-", "_", "." or ":" only');
const text = z
  .string({ error: 'required' })
  .trim()
  .min(1, 'required')
  .max(LIMITS.textChars, `at most ${LIMITS.textChars} characters`);
const short = z
  .string({ error: 'required' })
  .trim()
  .min(1, 'required')
  .max(LIMITS.shortChars, `at most ${LIMITS.shortChars} characters`);
const list = <T extends z.ZodType>(item: T) => z.array(item).max(LIMITS.listItems, `at most ${LIMITS.listItems} items`);

export const TONES = ['friendly', 'formal', 'neutral'] as const;

export const answerSchema = z.object({
  text,
  /** Register of the answer: friendly (亲～), formal (您好), or neutral. */
  tone: z.enum(TONES).default('neutral'),
  /** BCP 47 language of this answer when it differs from the pack's locale (e.g. "en"). */
  lang: z.string().max(20).optional(),
  /** Length variant (optional): `short` for impatient buyers, `detailed` for experts and picky buyers. */
  style: z.enum(['short', 'detailed']).optional(),
});

export const followUpSchema = z.object({
  /** The multiple-choice question the agent asks next. */
  text: short,
  /** Its choices, shown as chips ("PU leather", "mesh"). */
  options: list(short).default([]),
});

export const compensationSchema = z.object({
  /** shift: move the focus to value; gift: offer a small gift (cost counts against the daily budget). */
  kind: z.enum(['shift', 'gift']),
  text,
  /** Cost of a gift in the store's currency. */
  cost: z.number().nonnegative().max(1_000_000).optional(),
});

export const scriptSchema = z.object({
  id,
  /** Short title shown on the card; defaults to the first question. */
  title: short.optional(),
  category: short.optional(),
  /** Ways buyers ask this question. The first one is the canonical wording. */
  questions: list(short).min(1, 'at least one question'),
  keywords: list(short).default([]),
  answers: list(answerSchema).min(1, 'at least one answer'),
  followUps: list(followUpSchema).default([]),
  compensations: list(compensationSchema).default([]),
  /** The answer refuses a request (discount, same-day shipping…): the card offers the compensations. */
  refusal: z.boolean().optional(),
  /** The script answers a real error of the seller's (wrong item sent, missing item): the opener may apologise. */
  sellerError: z.boolean().optional(),
  tags: list(short).default([]),
});

export const consoleProfileSchema = z.object({
  id,
  name: short,
  /** Match patterns of the console's pages, e.g. "https://desk.example.com/*". */
  matches: list(short).min(1, 'at least one match pattern'),
  /** CSS selector of the open conversation's message list. */
  messageList: short,
  /** Selector of one message row, relative to messageList. */
  message: short,
  /** Selector that matches the buyer's rows among the message rows. */
  buyerMessage: short,
  /** Selector of the text inside a row; the row's own text when absent. */
  text: short.optional(),
  /** Selector of the reply box (textarea, input or contenteditable). */
  replyBox: short,
  /** Selector of the element naming the open conversation (buyer nickname). */
  conversationName: short.optional(),
  /** Selector of the element showing the order number. */
  orderId: short.optional(),
  /** true only when someone checked the selectors on the live console. Presets from public sources stay false. */
  verified: z.boolean().default(false),
  notes: z.string().max(LIMITS.textChars).optional(),
});

/** A calming line the card puts before the answer for an upset or anxious buyer. */
export const openerSchema = z.object({
  text: short,
  tone: z.enum(TONES).default('neutral'),
  /** The line apologises: used only before scripts marked `sellerError`. */
  apology: z.boolean().default(false),
  lang: z.string().max(20).optional(),
});

/** Openers keyed by the buyer's emotion (lib/match/emotion.ts); calm buyers get none. */
export const openersSchema = z.object({
  upset: list(openerSchema).default([]),
  anxious: list(openerSchema).default([]),
});

export const featuredSchema = z.object({
  id,
  /** The model / product pushed this week. */
  name: short,
  /** The pitch put first on the card when a buyer asks which model to choose or compares models. */
  pitch: text,
  /** Inclusive dates, YYYY-MM-DD. */
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date as YYYY-MM-DD'),
  until: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date as YYYY-MM-DD'),
  /** Words that tie a buyer's question to this product (model names, category). */
  keywords: list(short).default([]),
  url: z.string().max(2000).optional(),
});

export const packSchema = z.object({
  format: z.literal('huashu.pack', { error: 'must be "huashu.pack"' }),
  version: z.literal(1, { error: 'unsupported version (this Huashu reads version 1)' }),
  pack: z.object({
    id,
    name: short,
    /** Main language of the pack: zh-CN, zh-TW, en… */
    locale: z.string().max(20).default('zh-CN'),
    description: z.string().max(LIMITS.textChars).optional(),
    author: z.string().max(LIMITS.shortChars).optional(),
    /** ISO date-time of the export. */
    updatedAt: z.string().max(40).optional(),
  }),
  /** Groups of words buyers use for the same thing; extends Huashu's default lexicon. */
  synonyms: list(list(short).min(2, 'a synonym group needs at least two words')).max(LIMITS.scripts).default([]),
  featured: list(featuredSchema).default([]),
  consoles: list(consoleProfileSchema).default([]),
  openers: openersSchema.optional(),
  scripts: z.array(scriptSchema).max(LIMITS.scripts, `at most ${LIMITS.scripts} scripts`),
});

export type Pack = z.output<typeof packSchema>;
export type PackInput = z.input<typeof packSchema>;
export type Script = z.output<typeof scriptSchema>;
export type Answer = z.output<typeof answerSchema>;
export type FollowUp = z.output<typeof followUpSchema>;
export type Compensation = z.output<typeof compensationSchema>;
export type ConsoleProfile = z.output<typeof consoleProfileSchema>;
export type Featured = z.output<typeof featuredSchema>;
export type Opener = z.output<typeof openerSchema>;
export type AnswerStyle = NonNullable<Answer['style']>;
export type Tone = (typeof TONES)[number];
