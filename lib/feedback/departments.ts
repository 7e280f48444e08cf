/**
 * Departments that hear the buyers' feedback, each with topics and the words (Chinese and English) that
 * point to them. Lexicon-based on purpose: general across stores, explainable, editable. Words are matched
 * on normalised text (Simplified, lower case); a longer word counts more than a shorter one, so "物流慢"
 * beats "慢". "快递*慢" allows up to four characters between the parts. A word written "~word" is weak (half
 * weight): it hints, a stronger word decides. The words are data: lib/feedback/data/departments.json (one topic
 * a line; see the README there for where they came from).
 */

import { array, fail, object, string, strings } from '../json-shape';
import type { Lang } from '../time/format';
import { departments } from './data/departments.json';

export type DepartmentId = 'warehouse' | 'logistics' | 'operations' | 'product' | 'finance' | 'service' | 'other';

export interface Topic {
  id: string;
  /** Chinese / English label. */
  zh: string;
  en: string;
  words: string[];
}

export interface Department {
  id: DepartmentId;
  zh: string;
  en: string;
  topics: Topic[];
}

const FILE = 'lib/feedback/data/departments.json';
const IDS: readonly DepartmentId[] = ['warehouse', 'logistics', 'operations', 'product', 'finance', 'service'];
const isDepartmentId = (id: string): id is DepartmentId => (IDS as readonly string[]).includes(id);

function topic(value: unknown, path: string): Topic {
  const t = object(value, path);
  return {
    id: string(t.id, `${path}.id`),
    zh: string(t.zh, `${path}.zh`),
    en: string(t.en, `${path}.en`),
    words: strings(t.words, `${path}.words`),
  };
}

function department(value: unknown, path: string): Department {
  const d = object(value, path);
  const id = string(d.id, `${path}.id`);
  if (!isDepartmentId(id)) fail(`${path}.id`, `one of ${IDS.join(', ')}`);
  return {
    id,
    zh: string(d.zh, `${path}.zh`),
    en: string(d.en, `${path}.en`),
    topics: array(d.topics, `${path}.topics`).map((t, i) => topic(t, `${path}.topics[${i}]`)),
  };
}

export const DEPARTMENTS: Department[] = array(departments, `${FILE} › departments`).map((d, i) =>
  department(d, `${FILE} › departments[${i}]`),
);

export const OTHER: Department = {
  id: 'other',
  zh: '其他',
  en: 'Other',
  topics: [{ id: 'other', zh: '其他', en: 'Other', words: [] }],
};

export const ALL_DEPARTMENTS: Department[] = [...DEPARTMENTS, OTHER];

export function departmentById(id: string): Department {
  return ALL_DEPARTMENTS.find((d) => d.id === id) ?? OTHER;
}

export function topicById(id: string | undefined): { department: Department; topic: Topic } | undefined {
  for (const department of ALL_DEPARTMENTS) {
    const topic = department.topics.find((t) => t.id === id);
    if (topic) return { department, topic };
  }
  return undefined;
}

/** Labels kept here (not in report.ts) so the page toast does not pull the export code into the content script. */
/** Traditional Chinese (Taiwan wording) of the labels: a table, so the page's toast does not load a converter. */
const TW: Record<string, string> = {
  仓库: '倉庫',
  发货慢: '發貨慢',
  发错货: '發錯貨',
  漏发少发: '漏發少發',
  包装问题: '包裝問題',
  缺货: '缺貨',
  物流: '物流',
  '送货上门/上楼': '送貨上門/上樓',
  物流慢: '物流慢',
  '快递员/派送': '快遞員/派送',
  运输破损: '運輸破損',
  快递公司: '快遞公司',
  运营: '營運',
  '与图片/描述不符': '與圖片/描述不符',
  '价格/活动': '價格/活動',
  详情页信息: '詳情頁資訊',
  产品: '產品',
  使用难度: '使用難度',
  质量问题: '品質問題',
  尺码: '尺碼',
  产品建议: '產品建議',
  财务: '財務',
  发票: '發票',
  '退款/扣款': '退款/扣款',
  客服: '客服',
  服务态度: '服務態度',
  其他: '其他',
};

function zhLabel(zh: string, lang: Lang): string {
  return lang === 'zh_TW' ? (TW[zh] ?? zh) : zh;
}

export function departmentLabel(id: string, lang: Lang): string {
  const d = departmentById(id);
  if (d.id === 'other' && id !== 'other') return id;
  return lang === 'en' ? d.en : zhLabel(d.zh, lang);
}

export function topicLabel(id: string, lang: Lang): string {
  const found = topicById(id);
  if (!found) return id;
  return lang === 'en' ? found.topic.en : zhLabel(found.topic.zh, lang);
}
