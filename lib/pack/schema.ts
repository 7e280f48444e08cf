/**
 * The `huashu.pack` format, version 1 — the contract between team leads' exports, other tools and Huashu.
 * Every field is documented in README.md ("Script-pack format"). Extend, never rename.
 */
import { z } from 'zod';
import { controlProblem, dateProblem, patternProblem } from './refine';
import { selectorProblem } from './selector';

/** Limits keep one bad file from freezing the panel or filling the disk. */
export const LIMITS = {
  fileBytes: 50 * 1024 * 1024,
  scripts: 50_000,
  textChars: 5_000,
  shortChars: 500,
  listItems: 200,
  idChars: 120,
  /** JSON nesting (objects and arrays); a valid pack needs 5 (scripts[0].followUps[0].options[0]). */
  depth: 32,
  /** Problems listed for one file; validation stops there and says how much was left unchecked. */
  problems: 200,
} as const;

/** What a JSON value is, in the words problems use: "expected text, got number". */
export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return 'text';
    case 'boolean':
      return 'true/false';
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

/** A missing field is "required"; a field of the wrong type says what it should be and what it is. */
const expected = (what: string) => (iss: { input?: unknown }) =>
  iss.input === undefined ? 'required' : `expected ${what}, got ${kindOf(iss.input)}`;

const clean = (s: string, ctx: z.RefinementCtx) => {
  const problem = controlProblem(s);
  if (problem) ctx.addIssue({ code: 'custom', message: problem, input: s });
};
/** Free text without a minimum (descriptions, notes): still no control characters. */
const plain = (max: number) =>
  z
    .string({ error: expected('text') })
    .max(max, `at most ${max} characters`)
    .superRefine(clean);

const id = z
  .string({ error: expected('text') })
  .trim()
  .min(1, 'required')
  .max(LIMITS.idChars, `at most ${LIMITS.idChars} characters`)
  .regex(/^[\p{L}\p{N}_.:-]+$/u, 'letters, digits, "-", "_", "." or ":" only');
const text = z
  .string({ error: expected('text') })
  .trim()
  .min(1, 'required')
  .max(LIMITS.textChars, `at most ${LIMITS.textChars} characters`)
  .superRefine(clean);
const short = z
  .string({ error: expected('text') })
  .trim()
  .min(1, 'required')
  .max(LIMITS.shortChars, `at most ${LIMITS.shortChars} characters`)
  .superRefine(clean);
const list = <T extends z.ZodType>(item: T) =>
  z.array(item, { error: expected('a list') }).max(LIMITS.listItems, `at most ${LIMITS.listItems} items`);
const object = <T extends z.core.$ZodLooseShape>(shape: T) => z.object(shape, { error: expected('an object') });
const bool = () => z.boolean({ error: expected('true or false') });
/** A CSS selector that querySelector accepts (checked without a DOM: ./selector.ts). */
const selector = short.superRefine((s, ctx) => {
  const problem = selectorProblem(s);
  if (problem) ctx.addIssue({ code: 'custom', message: problem, input: s });
});
/** YYYY-MM-DD, and a day the calendar has. */
const date = z
  .string({ error: expected('a date as YYYY-MM-DD') })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'date as YYYY-MM-DD')
  .superRefine((s, ctx) => {
    const problem = /^\d{4}-\d{2}-\d{2}$/.test(s) ? dateProblem(s) : undefined;
    if (problem) ctx.addIssue({ code: 'custom', message: problem, input: s });
  });
const matchPattern = short.superRefine((s, ctx) => {
  const problem = patternProblem(s);
  if (problem) ctx.addIssue({ code: 'custom', message: problem, input: s });
});

export const TONES = ['friendly', 'formal', 'neutral'] as const;
/** What a review-reply script answers: a good review, a bad one, or a high rating with complaints. */
export const REVIEW_SENTIMENTS = ['positive', 'negative', 'mixed'] as const;

export const answerSchema = object({
  text,
  /** Register of the answer: friendly (亲～), formal (您好), or neutral. */
  tone: z.enum(TONES, { error: expected(TONES.map((t) => `"${t}"`).join(', ')) }).default('neutral'),
  /** BCP 47 language of this answer when it differs from the pack's locale (e.g. "en"). */
  lang: plain(20).optional(),
  /** Length variant (optional): `short` for impatient buyers, `detailed` for experts and picky buyers. */
  style: z.enum(['short', 'detailed'], { error: expected('"short" or "detailed"') }).optional(),
});

export const followUpSchema = object({
  /** The multiple-choice question the agent asks next. */
  text: short,
  /** Its choices, shown as chips ("PU leather", "mesh"). */
  options: list(short).default([]),
});

export const compensationSchema = object({
  /** shift: move the focus to value; gift: offer a small gift (cost counts against the daily budget). */
  kind: z.enum(['shift', 'gift'], { error: expected('"shift" or "gift"') }),
  text,
  /** Cost of a gift in the store's currency. */
  cost: z
    .number({ error: expected('a number') })
    .nonnegative()
    .max(1_000_000)
    .optional(),
});

/** What a review-reply script answers (scripts[].review). */
export const reviewReplySchema = object({
  sentiment: z.enum(REVIEW_SENTIMENTS, { error: expected(REVIEW_SENTIMENTS.map((t) => `"${t}"`).join(', ')) }),
  /** The firm, factual variant for a reviewer who writes many negative reviews (a possible professional). */
  firm: bool().default(false),
});

export const scriptSchema = object({
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
  refusal: bool().optional(),
  /** The script answers a real error of the seller's (wrong item sent, missing item): the opener may apologise. */
  sellerError: bool().optional(),
  tags: list(short).default([]),
  /**
   * One-line additions that give the buyer a little more than asked (care tips, usage advice, the season):
   * offered as chips after the answer, a click appends the line to the reply box.
   */
  extras: list(short).optional(),
  /**
   * A reply to a published product review (category `review`, review-management pages only; kept out of the
   * chat card). `sentiment`: the reviews it answers; `mixed` = a high rating with complaints in the text;
   * `firm`: the factual variant for a reviewer who writes many negative reviews.
   */
  review: reviewReplySchema.optional(),
});

export const consoleProfileSchema = object({
  id,
  name: short,
  /** Match patterns of the console's pages, e.g. "https://desk.example.com/*". */
  matches: list(matchPattern).min(1, 'at least one match pattern'),
  /** CSS selector of the open conversation's message list. */
  messageList: selector,
  /** Selector of one message row, relative to messageList. */
  message: selector,
  /** Selector that matches the buyer's rows among the message rows. */
  buyerMessage: selector,
  /** Selector of the text inside a row; the row's own text when absent. */
  text: selector.optional(),
  /** Selector of the reply box (textarea, input or contenteditable). */
  replyBox: selector,
  /** Selector of the element naming the open conversation (buyer nickname). */
  conversationName: selector.optional(),
  /** Selector of the element showing the order number. */
  orderId: selector.optional(),
  /** true only when someone checked the selectors on the live console. Presets from public sources stay false. */
  verified: bool().default(false),
  /**
   * Review-management pages (optional): the list of reviews, one review row (relative to the list), and inside
   * a row its text, its star rating (a count of filled stars, an aria-label/title such as "4星", or text) and
   * the reviewer's name. The row's reply field is `replyBox` looked up inside the row, else in the document.
   */
  reviewList: selector.optional(),
  review: selector.optional(),
  reviewText: selector.optional(),
  rating: selector.optional(),
  reviewer: selector.optional(),
  notes: plain(LIMITS.textChars).optional(),
});

/** A calming line the card puts before the answer for an upset or anxious buyer. */
export const openerSchema = object({
  text: short,
  tone: z.enum(TONES, { error: expected(TONES.map((t) => `"${t}"`).join(', ')) }).default('neutral'),
  /** The line apologises: used only before scripts marked `sellerError`. */
  apology: bool().default(false),
  lang: plain(20).optional(),
});

/** Openers keyed by the buyer's emotion (lib/match/emotion.ts); calm buyers get none. */
export const openersSchema = object({
  upset: list(openerSchema).default([]),
  anxious: list(openerSchema).default([]),
});

export const featuredSchema = object({
  id,
  /** The model / product pushed this week. */
  name: short,
  /** The pitch put first on the card when a buyer asks which model to choose or compares models. */
  pitch: text,
  /** Inclusive dates, YYYY-MM-DD. */
  from: date,
  until: date,
  /** Words that tie a buyer's question to this product (model names, category). */
  keywords: list(short).default([]),
  url: plain(2000).optional(),
}).superRefine((f, ctx) => {
  // Compared only when both are dates: a bad date is reported on its own field already.
  const ok = (d: unknown) => typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d) && !dateProblem(d);
  if (ok(f.from) && ok(f.until) && f.from > f.until)
    ctx.addIssue({
      code: 'custom',
      path: ['until'],
      message: `${f.until} is before "from" (${f.from})`,
      input: f.until,
    });
});

/** One group of words meaning the same thing. */
export const synonymGroupSchema = list(short).min(2, 'a synonym group needs at least two words');

export const packSchema = object({
  format: z.literal('huashu.pack', { error: 'must be "huashu.pack"' }),
  version: z.literal(1, { error: 'unsupported version (this Huashu reads version 1)' }),
  pack: object({
    id,
    name: short,
    /** Main language of the pack: zh-CN, zh-TW, en… */
    locale: plain(20).default('zh-CN'),
    description: plain(LIMITS.textChars).optional(),
    author: plain(LIMITS.shortChars).optional(),
    /** ISO date-time of the export. */
    updatedAt: plain(40).optional(),
  }),
  /** Groups of words buyers use for the same thing; extends Huashu's default lexicon. */
  synonyms: z
    .array(synonymGroupSchema, { error: expected('a list') })
    .max(LIMITS.scripts, `at most ${LIMITS.scripts} groups`)
    .default([]),
  featured: list(featuredSchema).default([]),
  consoles: list(consoleProfileSchema).default([]),
  openers: openersSchema.optional(),
  scripts: z
    .array(scriptSchema, { error: expected('a list') })
    .max(LIMITS.scripts, `at most ${LIMITS.scripts} scripts`),
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
export type ReviewSentiment = (typeof REVIEW_SENTIMENTS)[number];
export type ReviewReply = z.output<typeof reviewReplySchema>;
export type AnswerStyle = NonNullable<Answer['style']>;
export type Tone = (typeof TONES)[number];
