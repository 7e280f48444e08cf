/**
 * Quick-phrase spreadsheets (CSV as sellers export them from their consoles or keep them in Excel/WPS)
 * → a `huashu.pack`. Decoding (UTF-8, UTF-8 with BOM, GBK), header detection, and rows → scripts:
 * one answer per row, rows with the same question merged into one script, ids derived stably.
 */
import Papa from 'papaparse';
import { parsePack, type ParseResult } from './parse';
import { LIMITS, type Script, type Tone } from './schema';

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gbk';

/** Bytes → text. A BOM decides; otherwise strict UTF-8, and GBK (the default of Chinese Excel) when that fails. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: Encoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gbk').decode(bytes), encoding: 'gbk' };
  }
}

export const CSV_ROLES = ['group', 'code', 'question', 'similar', 'answer', 'tone'] as const;
export type CsvRole = (typeof CSV_ROLES)[number];
/** Column index of each role; -1 = not mapped. */
export type CsvMapping = Record<CsvRole, number>;

/** Header words per role, most specific first. Compared after lower-casing and removing spaces/marks. */
const HEADER_ALIASES: Record<CsvRole, string[]> = {
  group: ['分组', '分类', '分组名称', '短语分组', '类别', '类目', 'group', 'category'],
  code: ['快捷编码', '编码', '快捷键', '短语编码', '代码', 'code', 'shortcut', 'id'],
  question: [
    '问题',
    '标准问题',
    '标准问法',
    '关键词',
    '关键字',
    '买家问题',
    '常见问题',
    '触发词',
    'question',
    'questions',
    'keyword',
    'keywords',
  ],
  similar: [
    '相似问题',
    '相似问法',
    '扩展问题',
    '扩展问法',
    '其他问法',
    'similarquestions',
    'similarquestion',
    'similar',
    'alternatives',
  ],
  answer: [
    '快捷短语',
    '话术',
    '回复内容',
    '答案',
    '回复',
    '短语内容',
    '内容',
    '短语',
    'answer',
    'reply',
    'response',
    'phrase',
    'content',
    'text',
  ],
  tone: ['语气', '风格', 'tone'],
};

const normHeader = (h: string) =>
  h
    .replace(/^\uFEFF/, '')
    .toLowerCase()
    .replace(/[\s*_:：()（）[\]【】-]/g, '');

/** "相似问题（选填）" contains 问题 too: look for the more specific role first. */
const CONTAINS_ORDER: CsvRole[] = ['group', 'code', 'similar', 'question', 'answer', 'tone'];

/** Map header cells to roles: exact alias first, then a header containing an alias. */
export function detectMapping(headers: string[]): { mapping: CsvMapping; recognised: number } {
  const mapping = Object.fromEntries(CSV_ROLES.map((r) => [r, -1])) as CsvMapping;
  const norm = headers.map(normHeader);
  const taken = new Set<number>();
  let recognised = 0;
  for (const exact of [true, false])
    for (const role of exact ? CSV_ROLES : CONTAINS_ORDER) {
      if (mapping[role] !== -1) continue;
      for (const alias of HEADER_ALIASES[role]) {
        const i = norm.findIndex((h, i) => !taken.has(i) && h !== '' && (exact ? h === alias : h.includes(alias)));
        if (i !== -1) {
          mapping[role] = i;
          taken.add(i);
          recognised++;
          break;
        }
      }
    }
  return { mapping, recognised };
}

/**
 * The header row of a sheet: among the first rows with a value, the one whose cells name the most roles
 * (a title such as "店铺快捷短语" may stand above it). -1 when no row looks like a header.
 */
export function findHeaderRow(rows: string[][], scan = 10): number {
  let best = -1;
  let bestCount = 0;
  for (let i = 0, seen = 0; i < rows.length && seen < scan; i++) {
    if (rows[i].every((c) => !c.trim())) continue;
    seen++;
    const { recognised } = detectMapping(rows[i]);
    if (recognised > bestCount) [best, bestCount] = [i, recognised];
  }
  return best;
}

/** Without a header row: two columns are question, answer; three are group, question, answer. */
export function guessMapping(columns: number): CsvMapping {
  const m: CsvMapping = { group: -1, code: -1, question: -1, similar: -1, answer: -1, tone: -1 };
  if (columns >= 3) Object.assign(m, { group: 0, question: 1, answer: 2 });
  else if (columns === 2) Object.assign(m, { question: 0, answer: 1 });
  else if (columns === 1) m.answer = 0;
  return m;
}

export interface CsvTable {
  encoding: Encoding;
  rows: string[][];
  /** Problems of the CSV syntax itself (unclosed quotes…), with their row. */
  errors: string[];
}

/** Parse CSV text into rows. `onProgress` gets the share of the text read (0..1). */
export function readCsv(text: string, encoding: Encoding, onProgress?: (done: number) => void): CsvTable {
  const rows: string[][] = [];
  const errors: string[] = [];
  const body = text.replace(/^\uFEFF/, '');
  let n = 0;
  // String input is parsed synchronously row by row; `step` lets a worker report progress meanwhile.
  Papa.parse<string[]>(body, {
    skipEmptyLines: 'greedy',
    step(result) {
      rows.push(result.data);
      for (const e of result.errors) errors.push(`row ${rows.length}: ${e.message}`);
      if (onProgress && ++n % 2000 === 0) onProgress(result.meta.cursor / Math.max(1, body.length));
    },
  });
  onProgress?.(1);
  return { encoding, rows, errors };
}

/** Undo the ' that spreadsheet exports put before = + - @ (see lib/text/csv.ts FORMULA_START). */
const unescapeCell = (s: string) => (/^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s).trim();

const TONES: Record<string, Tone> = {
  friendly: 'friendly',
  亲切: 'friendly',
  热情: 'friendly',
  活泼: 'friendly',
  formal: 'formal',
  正式: 'formal',
  礼貌: 'formal',
  neutral: 'neutral',
  中性: 'neutral',
  普通: 'neutral',
};

/** FNV-1a, 32 bits, base 36: short stable ids from question text. */
export function stableHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

const ID_CHAR = /[^\p{L}\p{N}_.:-]+/gu;
function idFromCode(code: string): string {
  return code
    .replace(ID_CHAR, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, LIMITS.idChars - 8);
}

/** A cell may hold several questions, one per line or separated by |. */
const splitQuestions = (cell: string, separators = /[\n|｜]/) =>
  cell
    .split(separators)
    .map((q) => q.trim())
    .filter(Boolean);
/** Similar questions as consoles export them: also separated by ；. */
const SIMILAR_SEPARATORS = /[\n|｜；]/;

export interface CsvBuildResult {
  result: ParseResult;
  /** For each script of the pack, the spreadsheet rows (1-based, as a spreadsheet numbers them) it came from. */
  rowsOfScript: number[][];
}

/**
 * Turn spreadsheet rows into a validated pack. Row numbers in errors count the header as row 1 when
 * there is one, like the spreadsheet program shows them.
 */
export function csvToPack(
  rows: string[][],
  mapping: CsvMapping,
  opts: {
    hasHeader: boolean;
    packId: string;
    packName: string;
    locale?: string;
    /** Rows above `rows[0]` in the sheet (a title above the header), so row numbers match the sheet. */
    rowOffset?: number;
    /** Cells come from a workbook, not a CSV export: no ' formula prefix to remove. */
    plainCells?: boolean;
  },
): CsvBuildResult {
  const errors: string[] = [];
  const warnings: string[] = [];
  const clean = opts.plainCells ? (s: string) => s.trim() : unescapeCell;
  const col = (row: string[], role: CsvRole) => (mapping[role] >= 0 ? clean(row[mapping[role]] ?? '') : '');
  if (mapping.answer < 0) errors.push('(mapping): choose the column that holds the answers');
  if (mapping.question < 0 && mapping.similar < 0 && mapping.code < 0)
    errors.push('(mapping): choose the column that holds the questions (or the codes)');
  if (errors.length) return { result: { ok: false, errors, warnings }, rowsOfScript: [] };
  if (mapping.question < 0 && mapping.similar < 0)
    warnings.push('(mapping): no question column — the codes are used as questions');

  interface Draft {
    key: string;
    code: string;
    group: string;
    questions: string[];
    answers: { text: string; tone: Tone; row: number }[];
    rows: number[];
  }
  const drafts = new Map<string, Draft>();
  const first = opts.hasHeader ? 1 : 0;
  for (let i = first; i < rows.length; i++) {
    const rowNo = i + 1 + (opts.rowOffset ?? 0);
    const row = rows[i];
    if (row.every((c) => !c.trim())) continue;
    const code = col(row, 'code');
    const main = splitQuestions(mapping.question >= 0 ? col(row, 'question') : mapping.similar >= 0 ? '' : code);
    const similar = splitQuestions(col(row, 'similar'), SIMILAR_SEPARATORS);
    const questions = [...new Set([...main, ...similar])];
    const answer = col(row, 'answer');
    if (!questions.length) {
      errors.push(`row ${rowNo}: the question is empty`);
      continue;
    }
    if (!answer) {
      errors.push(`row ${rowNo}: the answer is empty`);
      continue;
    }
    const toneCell = col(row, 'tone').toLowerCase();
    const tone = TONES[toneCell] ?? 'neutral';
    if (toneCell && !TONES[toneCell]) warnings.push(`row ${rowNo}: unknown tone "${toneCell}", using neutral`);
    // Rows with the same (standard) question are one script; their similar questions add up.
    const key = (main.length ? main : questions).map((q) => q.toLowerCase()).join('\n');
    let d = drafts.get(key);
    if (!d) {
      d = { key, code, group: col(row, 'group'), questions, answers: [], rows: [] };
      drafts.set(key, d);
    } else {
      if (code && d.code && code !== d.code)
        warnings.push(`row ${rowNo}: same question as row ${d.rows[0]} with another code "${code}" — merged`);
      for (const q of questions) if (!d.questions.includes(q)) d.questions.push(q);
    }
    d.rows.push(rowNo);
    d.group ||= col(row, 'group');
    d.code ||= code;
    if (!d.answers.some((a) => a.text === answer && a.tone === tone))
      d.answers.push({ text: answer, tone, row: rowNo });
  }
  if (errors.length) return { result: { ok: false, errors: errors.slice(0, 200), warnings }, rowsOfScript: [] };
  if (!drafts.size)
    return {
      result: { ok: false, errors: ['(file): no rows with a question and an answer'], warnings },
      rowsOfScript: [],
    };

  const ids = new Set<string>();
  const scripts: Script[] = [];
  const rowsOfScript: number[][] = [];
  for (const d of drafts.values()) {
    const base = (d.code && idFromCode(d.code)) || `q-${stableHash(d.key)}`;
    let id = base;
    for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
    if (id !== base) warnings.push(`row ${d.rows[0]}: id "${base}" already used, this script is "${id}"`);
    ids.add(id);
    scripts.push({
      id,
      category: d.group || undefined,
      questions: d.questions,
      keywords: [],
      answers: d.answers.map((a) => ({ text: a.text, tone: a.tone })),
      followUps: [],
      compensations: [],
      tags: [],
    });
    rowsOfScript.push(d.rows);
  }
  const raw = {
    format: 'huashu.pack',
    version: 1,
    pack: { id: opts.packId, name: opts.packName, locale: opts.locale ?? 'zh-CN' },
    scripts,
  };
  const parsed = parsePack(raw);
  if (parsed.ok) return { result: { ...parsed, warnings: [...warnings, ...parsed.warnings] }, rowsOfScript };
  return {
    result: { ok: false, errors: parsed.errors.map((e) => locateRow(e, [...drafts.values()], rowsOfScript)), warnings },
    rowsOfScript,
  };
}

/** `scripts[3].answers[1].text: …` → `row 9 (answer): …`, so the seller finds the cell. */
function locateRow(error: string, drafts: { answers: { row: number }[] }[], rowsOfScript: number[][]) {
  const m = /^scripts\[(\d+)\]\.?(answers\[(\d+)\]|questions|category)?[^:]*: (.*)$/.exec(error);
  if (!m) return error;
  const i = Number(m[1]);
  const draft = drafts[i];
  const what = m[2]?.startsWith('answers') ? 'answer' : m[2] === 'category' ? 'group' : 'question';
  const rows = m[3] !== undefined && draft ? [draft.answers[Number(m[3])]?.row] : rowsOfScript[i];
  return `row ${rows.filter(Boolean).join(', ')} (${what}): ${m[4]}`;
}

/** Suggested pack id and name from a file name ("快捷短语 2026.csv" → "快捷短语-2026"). */
export function packMetaFromFileName(fileName: string): { id: string; name: string } {
  const name = fileName.replace(/\.[^.]+$/, '').trim() || 'quick-phrases';
  return { id: idFromCode(name) || `csv-${stableHash(name)}`, name: name.slice(0, LIMITS.shortChars) };
}
