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
  /** Simplified Chinese / Traditional Chinese (Taiwan wording) / English label. */
  zh: string;
  tw: string;
  en: string;
  words: string[];
}

export interface Department {
  id: DepartmentId;
  zh: string;
  tw: string;
  en: string;
  topics: Topic[];
}

const FILE = 'lib/feedback/data/departments.json';
const IDS: readonly DepartmentId[] = ['warehouse', 'logistics', 'operations', 'product', 'finance', 'service'];
const isDepartmentId = (id: string): id is DepartmentId => (IDS as readonly string[]).includes(id);

/** A label the agent sees: never a word-list marker ("~" weak, "*" gap). */
function label(value: unknown, path: string): string {
  const text = string(value, path);
  if (/^~|\*/.test(text)) fail(path, 'a label without "~" or "*" (those mark words, not labels)');
  return text;
}

function topic(value: unknown, path: string): Topic {
  const t = object(value, path);
  return {
    id: string(t.id, `${path}.id`),
    zh: label(t.zh, `${path}.zh`),
    tw: label(t.tw, `${path}.tw`),
    en: label(t.en, `${path}.en`),
    words: strings(t.words, `${path}.words`),
  };
}

function department(value: unknown, path: string): Department {
  const d = object(value, path);
  const id = string(d.id, `${path}.id`);
  if (!isDepartmentId(id)) fail(`${path}.id`, `one of ${IDS.join(', ')}`);
  return {
    id,
    zh: label(d.zh, `${path}.zh`),
    tw: label(d.tw, `${path}.tw`),
    en: label(d.en, `${path}.en`),
    topics: array(d.topics, `${path}.topics`).map((t, i) => topic(t, `${path}.topics[${i}]`)),
  };
}

export const DEPARTMENTS: Department[] = array(departments, `${FILE} › departments`).map((d, i) =>
  department(d, `${FILE} › departments[${i}]`),
);

export const OTHER: Department = {
  id: 'other',
  zh: '其他',
  tw: '其他',
  en: 'Other',
  topics: [{ id: 'other', zh: '其他', tw: '其他', en: 'Other', words: [] }],
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
function zhLabel(label: { zh: string; tw: string }, lang: Lang): string {
  return lang === 'zh_TW' ? label.tw : label.zh;
}

export function departmentLabel(id: string, lang: Lang): string {
  const d = departmentById(id);
  if (d.id === 'other' && id !== 'other') return id;
  return lang === 'en' ? d.en : zhLabel(d, lang);
}

export function topicLabel(id: string, lang: Lang): string {
  const found = topicById(id);
  if (!found) return id;
  return lang === 'en' ? found.topic.en : zhLabel(found.topic, lang);
}
