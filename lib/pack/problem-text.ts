/**
 * Problems are written in English with their place (`scripts[3].questions[2]: expected text, got number`):
 * that is the contract tests, tools and team leads' scripts read. The import panel shows them in the UI
 * language too: for zh_CN / zh_TW the known problems get their Chinese wording after the English one.
 */
import type { Locale } from '../i18n';

type Words = [zhCN: string, zhTW: string];
const KIND: Record<string, Words> = {
  text: ['文本', '文字'],
  number: ['数字', '數字'],
  'a number': ['数字', '數字'],
  'a list': ['列表', '列表'],
  'an object': ['对象', '物件'],
  null: ['null', 'null'],
  'true/false': ['布尔值', '布林值'],
  'true or false': ['true 或 false', 'true 或 false'],
  'a date as YYYY-MM-DD': ['YYYY-MM-DD 日期', 'YYYY-MM-DD 日期'],
};
const kind = (k: string, tw: boolean) => KIND[k]?.[tw ? 1 : 0] ?? k;

/** English message (after "path: ") → Chinese, or undefined when there is no translation. */
const RULES: [RegExp, (m: RegExpExecArray, tw: boolean) => string][] = [
  [/^required$/, () => '必填'],
  [
    /^expected (.+), got (.+)$/,
    (m, tw) => `${tw ? '應為' : '应为'}${kind(m[1], tw)}，${tw ? '實際是' : '实际是'}${kind(m[2], tw)}`,
  ],
  [/^at most (\d+) characters$/, (m, tw) => `最多 ${m[1]} ${tw ? '個字元' : '个字符'}`],
  [/^at most (\d+) (items|scripts|groups)$/, (m, tw) => `最多 ${m[1]} ${tw ? '項' : '项'}`],
  [/^at least one (question|answer|match pattern)$/, (_, tw) => (tw ? '至少需要一項' : '至少需要一项')],
  [/^key not allowed$/, (_, tw) => (tw ? '不允許的鍵名' : '不允许的键名')],
  [/^nested deeper than (\d+) levels$/, (m, tw) => (tw ? `巢狀超過 ${m[1]} 層` : `嵌套超过 ${m[1]} 层`)],
  [
    /^(control character|bidirectional control character|lone surrogate) (U\+[0-9A-F]+) at character (\d+)$/,
    (m, tw) => {
      const what = {
        'control character': ['控制字符', '控制字元'],
        'bidirectional control character': ['双向控制字符', '雙向控制字元'],
        'lone surrogate': ['孤立的代理项', '孤立的代理項'],
      }[m[1]]!;
      return tw ? `第 ${m[3]} 個字元是${what[1]} ${m[2]}` : `第 ${m[3]} 个字符是${what[0]} ${m[2]}`;
    },
  ],
  [/^(\d{4}-\d{2}-\d{2}) is not a date/, (m) => `${m[1]} 不是有效日期`],
  [/^date as YYYY-MM-DD$/, () => '日期格式为 YYYY-MM-DD'],
  [
    /^(\S+) is before "from" \((\S+)\)$/,
    (m, tw) => (tw ? `${m[1]} 早於開始日期 ${m[2]}` : `${m[1]} 早于开始日期 ${m[2]}`),
  ],
  [/every site/, (_, tw) => (tw ? '會匹配所有網站，請只填寫客服後台的網址' : '会匹配所有网站，请只填写客服后台的网址')],
  [
    /^not a match pattern|is not a host name|^file pages/,
    (_, tw) => (tw ? '不是有效的網址匹配模式' : '不是有效的网址匹配模式'),
  ],
  [/^not a CSS selector/, (_, tw) => (tw ? '不是有效的 CSS 選擇器' : '不是有效的 CSS 选择器')],
  [/^duplicate id/, (_, tw) => (tw ? 'ID 重複' : 'ID 重复')],
  [/^unknown field, ignored$/, (_, tw) => (tw ? '未知欄位，已忽略' : '未知字段，已忽略')],
];

const SUMMARY: [RegExp, (m: RegExpExecArray, tw: boolean) => string][] = [
  [
    /checking stopped at (\d+) problems.*: (.+) not checked$/,
    (m, tw) =>
      tw ? `列出 ${m[1]} 個問題後停止檢查，未檢查：${m[2]}` : `列出 ${m[1]} 个问题后停止检查，未检查：${m[2]}`,
  ],
  [/^… and (\d+) more problems$/, (m, tw) => (tw ? `還有 ${m[1]} 個問題` : `还有 ${m[1]} 个问题`)],
];

export function problemText(problem: string, locale: Locale): string {
  if (locale === 'en') return problem;
  const tw = locale === 'zh_TW';
  const rules = problem.startsWith('…') ? SUMMARY : RULES;
  const message = problem.startsWith('…') ? problem : problem.slice(problem.indexOf(': ') + 2);
  for (const [re, zh] of rules) {
    const m = re.exec(message);
    if (m) return `${problem}（${zh(m, tw)}）`;
  }
  return problem;
}
