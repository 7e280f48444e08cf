/**
 * Featured-product intent: the buyer asks which model to pick or compares models ("A和B哪个好",
 * "推荐哪款", "which one should I get"). Then the pack's featured product of the week goes first.
 * Choosing a size (S还是M, 推荐尺码) is not a product choice.
 */
import type { Featured, Pack } from '../pack/schema';
import type { FeaturedPick } from './types';

const CHOOSE_ZH =
  /哪(个|款|一款|种|一种|件|双|条|台|只|支|套|个颜色)?(更|比较|最)?(好|值得|划算|合适|适合|实用|耐用|推荐|好看|好用)|选哪|买哪|入哪|挑哪|推荐(一下|下|个|一款|款)?(哪|什么|一款|款)|有什么推荐|有(啥|什么)好的|和.{1,12}(哪个|哪款|比|区别|有什么不同)|跟.{1,12}(哪个|哪款|比|区别)|(区别|差别|不同)(是什么|在哪|大吗|在哪里)|有什么区别|对比|比较一下|纠结|值不值得|值得买/;
const CHOOSE_EN =
  /\b(which (one|model|version|is better|should i)|recommend|compare|comparison|difference between|better than|vs\.?|versus)\b/;
/** Size, fit and colour choices are answered by the size scripts, not by a product pitch. */
const SIZE_CHOICE = /码|尺寸|号|size|(?<![a-z])(xs|s|m|l|xl|xxl)(?![a-z])|身高|体重|斤|颜色|色/;

export function isChoiceQuestion(preparedText: string): boolean {
  const t = preparedText.toLowerCase();
  if (!(CHOOSE_ZH.test(t) || CHOOSE_EN.test(t))) return false;
  return !SIZE_CHOICE.test(t);
}

/** YYYY-MM-DD of `now` in local time (featured dates are the store's calendar days). */
export function localDate(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

export function isActive(f: Featured, now: Date): boolean {
  const day = localDate(now);
  return f.from <= day && day <= f.until;
}

/**
 * The featured entry to show: among active entries of all packs (earlier packs first), the first whose
 * name or keywords the buyer mentions, else the first active one.
 */
export function pickFeatured(packs: Pack[], preparedText: string, now: Date): FeaturedPick | undefined {
  const active = packs.flatMap((p) =>
    p.featured.filter((f) => isActive(f, now)).map((f) => ({ ...f, packId: p.pack.id })),
  );
  if (!active.length) return undefined;
  const t = preparedText.toLowerCase();
  return active.find((f) => [f.name, ...f.keywords].some((k) => k && t.includes(k.toLowerCase()))) ?? active[0];
}
