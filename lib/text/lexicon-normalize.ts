/**
 * Light text normalisation for the promise log and feedback lexicons: full-width → half-width, lower case,
 * Traditional → Simplified for the characters these lexicons use, and Chinese numerals → digits before
 * counting words (三天 → 3天, 两个小时 → 2个小时, 十点半 → 10点半).
 *
 * The character map is deliberately small (the words of lib/promises and lib/feedback); the matcher has
 * its own full conversion.
 */

// Traditional → Simplified, only characters that occur in the time, promise and department lexicons
// (same position in both strings).
const TRADITIONAL =
  '後週禮時個點鐘號內兩間馬給幫為會發貨補處聯繫係絡確認覆復說錯單訂運營務財產倉庫遞樓圖與實質題裝壞損難門專稅開計設價錢帳賬貼顏碼態應還沒來這過們幾將盡讓從換賠償請麼嗎兒歲長邊現幣購買賣寫詢辦調讀書細節據顯裡裏準優劵動紅藍綠黃電話機車員戶層驛櫃簽趕緊鬆異線擠壓誤漲貴額檢測驗級術複雜組説較無對舊廠項帶區鄉縣鎮於攔備註報記錄證隨頭並儘筆贈張業';
const SIMPLIFIED =
  '后周礼时个点钟号内两间马给帮为会发货补处联系系络确认复复说错单订运营务财产仓库递楼图与实质题装坏损难门专税开计设价钱账账贴颜码态应还没来这过们几将尽让从换赔偿请么吗儿岁长边现币购买卖写询办调读书细节据显里里准优券动红蓝绿黄电话机车员户层驿柜签赶紧松异线挤压误涨贵额检测验级术复杂组说较无对旧厂项带区乡县镇于拦备注报记录证随头并尽笔赠张业';
const T2S = new Map([...TRADITIONAL].map((ch, i) => [ch, SIMPLIFIED[i]]));

const CN_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** Value of a Chinese numeral up to 99 (一, 十, 十二, 二十, 二十四); NaN when it is not one. */
export function chineseNumber(s: string): number {
  if (!s) return NaN;
  if (s.length === 1 && s in CN_DIGITS) return CN_DIGITS[s];
  const m = /^([一二两三四五六七八九])?十([一二三四五六七八九])?$/.exec(s);
  if (m) return (m[1] ? CN_DIGITS[m[1]] : 1) * 10 + (m[2] ? CN_DIGITS[m[2]] : 0);
  return NaN;
}

// A numeral directly before a counting word: 三天, 两个小时, 十点半, 二十四小时, 十一月, 三号.
const NUMERAL_BEFORE_UNIT =
  /([零〇一二两三四五六七八九十]{1,3})(?=\s*(?:个|天|日|小时|钟头|点|分钟|号|月|周|礼拜|星期|工作日))/g;

function numeralsToDigits(text: string): string {
  return text.replace(NUMERAL_BEFORE_UNIT, (whole, num: string, offset: number, all: string) => {
    // 星期一, 周一, 礼拜一 are weekdays, not counts; 一定/一会 never reach here (no unit after them).
    const before = all.slice(Math.max(0, offset - 2), offset);
    if (/(?:周|期|拜)$/.test(before)) return whole;
    // 快一点 / 早一点 / 多一点 mean "a bit", not 1 o'clock; only 凌晨一点, 中午一点… are times.
    const unit = all.slice(offset + whole.length).trimStart()[0];
    if (unit === '点' && num === '一' && !/(?:晨|午|上|晚|夜)$/.test(before)) return whole;
    const n = chineseNumber(num);
    if (!Number.isNaN(n)) return String(n);
    // 两三天, 三四个小时 → the upper bound of the range.
    if (num.length === 2 && num[0] in CN_DIGITS && num[1] in CN_DIGITS) return String(CN_DIGITS[num[1]]);
    return whole;
  });
}

/** Normalise for lexicon and time matching (see the file comment). Keeps length-independent meaning only. */
export function normalizeText(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFKC')) out += T2S.get(ch) ?? ch;
  out = out.replace(/[\u3000\s]+/g, ' ').toLowerCase();
  return numeralsToDigits(out);
}
