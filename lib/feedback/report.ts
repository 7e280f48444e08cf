/**
 * Feedback for the monthly meeting: counts by department, topic and ISO week, and the entries behind them,
 * as CSV and Markdown. Pure: the zone is passed in.
 */
import type { FeedbackRow } from '../db/schema';
import { formatWall, type Lang } from '../time/format';
import { toCsv } from '../text/csv';
import { civilDateOf, isoWeek } from '../time/civil';
import { canonicalTopicId, departmentLabel, topicLabel } from './departments';

export { departmentLabel, topicLabel };

export interface TopicGroup {
  topic: string;
  total: number;
  /** ISO week ("2026-W48") → count. */
  weeks: Record<string, number>;
  rows: FeedbackRow[];
}

export interface DepartmentGroup {
  department: string;
  total: number;
  weeks: Record<string, number>;
  topics: TopicGroup[];
}

export interface FeedbackReport {
  /** Every week that has feedback, oldest first. */
  weeks: string[];
  departments: DepartmentGroup[];
  total: number;
}

export function weekOf(row: FeedbackRow, timeZone: string): string {
  return isoWeek(civilDateOf(row.createdAt, timeZone));
}

/** Group by department → topic, counting per week; biggest groups first, entries newest first. */
export function groupFeedback(rows: readonly FeedbackRow[], timeZone: string): FeedbackReport {
  const weeks = new Set<string>();
  const depts = new Map<string, DepartmentGroup>();
  for (const row of rows) {
    const week = weekOf(row, timeZone);
    weeks.add(week);
    let d = depts.get(row.department);
    if (!d) depts.set(row.department, (d = { department: row.department, total: 0, weeks: {}, topics: [] }));
    const topic = canonicalTopicId(row.topic);
    let t = d.topics.find((x) => x.topic === topic);
    if (!t) d.topics.push((t = { topic, total: 0, weeks: {}, rows: [] }));
    d.total++;
    d.weeks[week] = (d.weeks[week] ?? 0) + 1;
    t.total++;
    t.weeks[week] = (t.weeks[week] ?? 0) + 1;
    t.rows.push(row);
  }
  const departments = [...depts.values()].sort((a, b) => b.total - a.total || a.department.localeCompare(b.department));
  for (const d of departments) {
    d.topics.sort((a, b) => b.total - a.total || a.topic.localeCompare(b.topic));
    for (const t of d.topics) t.rows.sort((a, b) => b.createdAt - a.createdAt);
  }
  return { weeks: [...weeks].sort(), departments, total: rows.length };
}

/** One line per entry, with its week, department and topic (sortable/filterable in a spreadsheet). */
export function feedbackToCsv(rows: readonly FeedbackRow[], timeZone: string, lang: Lang = 'zh_CN'): string {
  const sorted = [...rows].sort((a, b) => a.createdAt - b.createdAt);
  return toCsv(
    ['week', 'date', 'department', 'topic', 'buyer', 'order', 'feedback', 'url', 'uid'],
    sorted.map((f) => [
      weekOf(f, timeZone),
      formatWall(f.createdAt, timeZone),
      departmentLabel(f.department, lang),
      topicLabel(f.topic, lang),
      f.buyer ?? '',
      f.orderId ?? '',
      f.text,
      f.url ?? '',
      f.uid,
    ]),
  );
}

function mdCell(s: string): string {
  return s
    .replace(/\s+/g, ' ')
    .replace(/([|\\`*_[\]<>])/g, '\\$1')
    .trim();
}

/** Per department: a topic × week count table, then the entries (the meeting's handout). */
export function feedbackToMarkdown(
  rows: readonly FeedbackRow[],
  timeZone: string,
  lang: Lang = 'zh_CN',
  title = lang === 'en' ? 'Buyer feedback' : '买家反馈',
): string {
  const report = groupFeedback(rows, timeZone);
  const totalLabel = lang === 'en' ? 'Total' : '合计';
  const topicHead = lang === 'en' ? 'Topic' : '主题';
  const lines = [`# ${title}`, ''];
  for (const d of report.departments) {
    const weeks = report.weeks.filter((w) => d.weeks[w]);
    lines.push(`## ${departmentLabel(d.department, lang)} (${d.total})`, '');
    lines.push(`| ${topicHead} | ${weeks.join(' | ')} | ${totalLabel} |`);
    lines.push(`|---|${weeks.map(() => '---:').join('|')}|---:|`);
    for (const t of d.topics) {
      lines.push(
        `| ${mdCell(topicLabel(t.topic, lang))} | ${weeks.map((w) => t.weeks[w] ?? 0).join(' | ')} | ${t.total} |`,
      );
    }
    lines.push('');
    for (const t of d.topics) {
      lines.push(`### ${mdCell(topicLabel(t.topic, lang))}`, '');
      for (const f of t.rows) {
        const who = [f.buyer, f.orderId]
          .filter(Boolean)
          .map((x) => mdCell(x!))
          .join(' · ');
        lines.push(`- ${formatWall(f.createdAt, timeZone).slice(0, 10)} ${mdCell(f.text)}${who ? ` — ${who}` : ''}`);
      }
      lines.push('');
    }
  }
  return lines.join('\n');
}
