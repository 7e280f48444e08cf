/**
 * Calming openers (issue 14): for an upset or anxious buyer the card puts one line before the answer, from
 * the first pack (by priority) that has openers for that emotion. An opener never admits fault unless the
 * script is marked `sellerError` (a real mistake of the seller's): only then may an `apology` line be used.
 * An opener goes only before an answer in its own language (`lang`, like answers: absent = the pack's).
 */
import type { Opener, Pack, Script, Tone } from '../pack/schema';
import type { Emotion } from './emotion';

/** The openers for `emotion` of the first pack that has any (packs in priority order). */
export function openersFor(packs: readonly Pack[], emotion: Emotion): Opener[] {
  if (emotion === 'calm') return [];
  for (const p of packs) {
    const list = p.openers?.[emotion] ?? [];
    if (list.length) return list;
  }
  return [];
}

/**
 * The opener for `script` in the buyer's register: an apology only before a seller-error script (and
 * preferred there), never before any other; the wanted tone, else neutral, else any of the allowed ones.
 */
export function pickOpener(
  openers: readonly Opener[] | undefined,
  script: Pick<Script, 'sellerError'>,
  tone: Exclude<Tone, 'neutral'>,
  /** The answer's language when it differs from the pack's (`answers[].lang`): openers in the same one only. */
  lang?: string,
): Opener | undefined {
  const allowed = (openers ?? []).filter((o) => (!o.apology || script.sellerError) && (o.lang ?? '') === (lang ?? ''));
  const preferred = script.sellerError && allowed.some((o) => o.apology) ? allowed.filter((o) => o.apology) : allowed;
  return preferred.find((o) => o.tone === tone) ?? preferred.find((o) => o.tone === 'neutral') ?? preferred[0];
}

/** A greeting both the opener and the answer open with: said once (亲，… 亲，让您久等了 → 亲，… 让您久等了). */
const SALUTATION = /^(亲爱的|亲|您好|你好)[，,～~！!\s]*/;

/** The opener and the answer as one text to insert (a space between them in Latin script). */
export function withOpener(text: string, opener: Opener | undefined): string {
  if (!opener) return text;
  const greeting = SALUTATION.exec(opener.text)?.[1];
  const answer = greeting && SALUTATION.exec(text)?.[1] === greeting ? text.replace(SALUTATION, '') : text;
  const latin = /[A-Za-z.!?]$/.test(opener.text) && /^[A-Za-z]/.test(answer);
  return `${opener.text}${latin ? ' ' : ''}${answer}`;
}
