/** The card's pure rules: answer variant, follow-up text, compensations within budget, the excuse hint. */
import type { BuyerType } from '@/lib/match/buyer-type';
import type { Answer, AnswerStyle, Compensation, FollowUp, Script, Tone } from '@/lib/pack/schema';

export type Register = Exclude<Tone, 'neutral'>;

/**
 * The answer in the wanted length `style` (when the script has that variant; else one without a style),
 * in the wanted register, else a neutral one, else the first.
 */
export function pickAnswer(script: Script, tone: Register, style?: AnswerStyle): Answer {
  const styled = style ? script.answers.filter((a) => a.style === style) : [];
  const plain = script.answers.filter((a) => !a.style);
  const answers = styled.length ? styled : plain.length ? plain : script.answers;
  return answers.find((a) => a.tone === tone) ?? answers.find((a) => a.tone === 'neutral') ?? answers[0];
}

/** Does the script have both a short and a detailed variant (is the style switch worth showing)? */
export function hasStyleChoice(script: Script): boolean {
  const styles = new Set(script.answers.map((a) => a.style));
  return styles.has('short') && styles.has('detailed');
}

/** The answer length a buyer type wants first: short for the impatient, detailed for experts and picky buyers. */
export function styleFor(type: BuyerType | 'none' | undefined): AnswerStyle | undefined {
  if (type === 'impatient') return 'short';
  if (type === 'expert' || type === 'picky') return 'detailed';
  return undefined;
}

/** Does the script have a variant for the other register (is the tone switch worth showing)? */
export function hasToneChoice(script: Script): boolean {
  const tones = new Set(script.answers.map((a) => a.tone));
  return tones.has('friendly') && tones.has('formal');
}

/** A multiple-choice follow-up as one line the buyer can answer with a letter. */
export function followUpText(f: FollowUp): string {
  if (!f.options.length) return f.text;
  return `${f.text} ${f.options.map((o, i) => `${String.fromCharCode(65 + i)}. ${o}`).join(' / ')}`;
}

export interface CompensationChoice {
  /** Shown: value shifts, and gifts whose cost fits what is left of today's budget. */
  shown: Compensation[];
  /** Gifts hidden because they cost more than what is left today. */
  overBudget: number;
}

export function compensationsWithin(script: Script, budgetLeft: number): CompensationChoice {
  const shown: Compensation[] = [];
  let overBudget = 0;
  for (const c of script.compensations) {
    if (c.kind === 'gift' && (c.cost ?? 0) > budgetLeft) overBudget++;
    else shown.push(c);
  }
  return { shown, overBudget };
}

/** "亲，但是…" / "可是" / "but": phrasing buyers hear as an excuse. */
export function soundsLikeExcuse(text: string): boolean {
  return /但是|可是|\bbut\b/i.test(text);
}

/** The local calendar day (YYYY-MM-DD) in a time zone ('' = the browser's), for the daily gift budget. */
export function dayKey(date: Date, timeZone = ''): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: timeZone || undefined,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(date);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

export interface BudgetUse {
  day: string;
  used: number;
}

export function budgetLeft(perDay: number, use: BudgetUse, today: string): number {
  return Math.max(0, perDay - (use.day === today ? use.used : 0));
}
