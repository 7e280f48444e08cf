/** Suggest the department (and topic) a buyer's message should go to, from the lexicon in departments.ts. */
import { normalizeText } from '../text/lexicon-normalize';
import { ALL_DEPARTMENTS, DEPARTMENTS, type DepartmentId } from './departments';

export interface TopicScore {
  department: DepartmentId;
  topic: string;
  score: number;
  matched: string[];
}

export interface DepartmentSuggestion extends TopicScore {
  /** Other topics that matched, best first. */
  alternatives: TopicScore[];
}

interface CompiledWord {
  test: (s: string) => boolean;
  word: string;
  weight: number;
}

const ASCII = /^[\x20-\x7e]+$/;

/** CJK characters count one each, an English word counts one. */
function size(word: string): number {
  if (ASCII.test(word)) return word.split(/\s+/).length;
  return [...word].length;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, (c) => `\\${c}`);
}

function compile(raw: string): CompiledWord {
  const weak = raw.startsWith('~');
  const word = normalizeText(weak ? raw.slice(1) : raw);
  const weight = size(word) * (weak ? 0.5 : 1);
  if (word.includes('*')) {
    // "快递*慢": up to four characters between the parts (快递也太慢, 物流怎么这么慢).
    const re = new RegExp(word.split('*').map(escape).join('.{0,4}'));
    return { test: (s) => re.test(s), word, weight: size(word.replaceAll('*', '')) * (weak ? 0.5 : 1) };
  }
  if (ASCII.test(word)) {
    const re = new RegExp(`\\b${escape(word)}\\b`);
    return { test: (s) => re.test(s), word, weight };
  }
  return { test: (s) => s.includes(word), word, weight };
}

const COMPILED = DEPARTMENTS.flatMap((d) =>
  d.topics.map((t) => ({
    department: d.id,
    topic: t.id,
    // Longest first, so that a word inside an already matched longer word is skipped.
    words: t.words.map(compile).sort((a, b) => b.word.length - a.word.length),
  })),
);

/** Score every topic; best first. Empty when no word matched. */
export function scoreTopics(text: string): TopicScore[] {
  const s = normalizeText(text);
  const scores: TopicScore[] = [];
  for (const { department, topic, words } of COMPILED) {
    let score = 0;
    const matched: string[] = [];
    for (const w of words) {
      // A word inside a longer matched word of the same topic does not count twice (送上楼 in 不送上楼).
      if (w.test(s) && !matched.some((m) => m.includes(w.word))) {
        score += w.weight;
        matched.push(w.word);
      }
    }
    if (score > 0) scores.push({ department, topic, score, matched });
  }
  return scores.sort((a, b) => b.score - a.score);
}

/** The department and topic to suggest for a buyer's message; "other" when nothing points anywhere. */
export function suggestDepartment(text: string): DepartmentSuggestion {
  const [best, ...rest] = scoreTopics(text);
  if (!best) return { department: 'other', topic: 'other', score: 0, matched: [], alternatives: [] };
  return { ...best, alternatives: rest };
}

/** The best topic within a given department (when the agent changes the department by hand). */
export function suggestTopic(department: string, text: string): string {
  const inDept = scoreTopics(text).find((t) => t.department === department);
  if (inDept) return inDept.topic;
  return ALL_DEPARTMENTS.find((d) => d.id === department)?.topics[0]?.id ?? 'other';
}
