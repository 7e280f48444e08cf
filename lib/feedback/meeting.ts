/**
 * "For the meeting" (the monthly inter-department meeting): per department, the topics with counts and
 * examples, the departments' answers, and the entries still open past their deadline. Pure: the time
 * and zone are passed in.
 */
import type { FeedbackRow } from '../db/schema';
import { civilDateOf } from '../time/civil';
import { formatWall, type Lang } from '../time/format';
import { canonicalTopicId, departmentLabel, topicLabel } from './departments';
import { FEEDBACK_STATUSES, answeredLate, isOverdue, statusOf, type FeedbackStatus } from './status';

/** Examples shown per topic (newest first). */
export const EXAMPLES_PER_TOPIC = 3;

export interface MeetingTopic {
  topic: string;
  count: number;
  examples: FeedbackRow[];
}

export interface MeetingDepartment {
  department: string;
  total: number;
  byStatus: Record<FeedbackStatus, number>;
  topics: MeetingTopic[];
  /** Answered entries with the department's text, newest answer first. */
  answers: FeedbackRow[];
  /** Answered after the deadline. */
  late: number;
  /** Open past the deadline at `now`, any month (they are still owed), most overdue first. */
  overdue: FeedbackRow[];
}

export interface MeetingReport {
  /** "YYYY-MM" on the agent's wall clock, or '' for everything. */
  month: string;
  total: number;
  overdue: number;
  /** Agents whose entries are counted (from merged files and this machine). */
  agents: string[];
  departments: MeetingDepartment[];
}

export function monthOf(epoch: number, timeZone: string): string {
  const d = civilDateOf(epoch, timeZone);
  return `${d.year}-${String(d.month).padStart(2, '0')}`;
}

/** Months that have feedback, newest first. */
export function feedbackMonths(rows: readonly FeedbackRow[], timeZone: string): string[] {
  return [...new Set(rows.map((f) => monthOf(f.createdAt, timeZone)))].sort().reverse();
}

const emptyStatus = (): Record<FeedbackStatus, number> =>
  Object.fromEntries(FEEDBACK_STATUSES.map((s) => [s, 0])) as Record<FeedbackStatus, number>;

export function meetingReport(rows: readonly FeedbackRow[], now: number, timeZone: string, month = ''): MeetingReport {
  const depts = new Map<string, MeetingDepartment>();
  const dept = (id: string) => {
    let d = depts.get(id);
    if (!d)
      depts.set(
        id,
        (d = { department: id, total: 0, byStatus: emptyStatus(), topics: [], answers: [], late: 0, overdue: [] }),
      );
    return d;
  };
  const agents = new Set<string>();
  let total = 0;
  for (const f of rows) {
    if (isOverdue(f, now)) dept(f.department).overdue.push(f);
    if (month && monthOf(f.createdAt, timeZone) !== month) continue;
    total++;
    if (f.agent) agents.add(f.agent);
    const d = dept(f.department);
    d.total++;
    d.byStatus[statusOf(f)]++;
    const topic = canonicalTopicId(f.topic);
    let t = d.topics.find((x) => x.topic === topic);
    if (!t) d.topics.push((t = { topic, count: 0, examples: [] }));
    t.count++;
    t.examples.push(f);
    if (f.answer) d.answers.push(f);
    if (answeredLate(f)) d.late++;
  }
  const departments = [...depts.values()].sort(
    (a, b) => b.total - a.total || b.overdue.length - a.overdue.length || a.department.localeCompare(b.department),
  );
  for (const d of departments) {
    d.topics.sort((a, b) => b.count - a.count || a.topic.localeCompare(b.topic));
    for (const t of d.topics)
      t.examples = t.examples.sort((a, b) => b.createdAt - a.createdAt).slice(0, EXAMPLES_PER_TOPIC);
    d.answers.sort((a, b) => (b.answeredAt ?? b.updatedAt) - (a.answeredAt ?? a.updatedAt));
    d.overdue.sort((a, b) => (a.dueAt ?? 0) - (b.dueAt ?? 0));
  }
  return {
    month,
    total,
    overdue: departments.reduce((n, d) => n + d.overdue.length, 0),
    agents: [...agents].sort(),
    departments,
  };
}

// ---- Markdown handout ----

interface Labels {
  title: string;
  all: string;
  agents: string;
  topics: string;
  count: string;
  examples: string;
  answers: string;
  overdue: string;
  due: string;
  late: string;
  status: Record<FeedbackStatus, string>;
}

const LABELS: Record<Lang, Labels> = {
  zh_CN: {
    title: '部门例会：买家反馈',
    all: '全部',
    agents: '客服',
    topics: '主题',
    count: '条数',
    examples: '例子',
    answers: '部门回复',
    overdue: '逾期未回复',
    due: '应回复',
    late: '逾期回复',
    status: { new: '新', sent: '已转部门', answered: '已回复', closed: '已结案' },
  },
  zh_TW: {
    title: '部門例會：買家回饋',
    all: '全部',
    agents: '客服',
    topics: '主題',
    count: '筆數',
    examples: '例子',
    answers: '部門回覆',
    overdue: '逾期未回覆',
    due: '應回覆',
    late: '逾期回覆',
    status: { new: '新', sent: '已轉部門', answered: '已回覆', closed: '已結案' },
  },
  en: {
    title: 'Department meeting: buyer feedback',
    all: 'all',
    agents: 'Agents',
    topics: 'Topic',
    count: 'Count',
    examples: 'Examples',
    answers: "Departments' answers",
    overdue: 'Overdue, not answered',
    due: 'due',
    late: 'answered late',
    status: { new: 'new', sent: 'sent', answered: 'answered', closed: 'closed' },
  },
};

export function statusLabel(status: FeedbackStatus, lang: Lang): string {
  return LABELS[lang].status[status];
}

function md(s: string): string {
  return s
    .replace(/\s+/g, ' ')
    .replace(/([|\\`*_[\]<>])/g, '\\$1')
    .trim();
}

function who(f: FeedbackRow): string {
  const parts = [f.agent, f.buyer, f.orderId && `#${f.orderId}`].filter(Boolean) as string[];
  return parts.length ? ` — ${parts.map(md).join(' · ')}` : '';
}

/** The meeting's handout: per department, status counts, topics × counts with examples, answers, overdue. */
export function meetingToMarkdown(report: MeetingReport, timeZone: string, lang: Lang = 'zh_CN'): string {
  const L = LABELS[lang];
  const lines = [`# ${L.title} (${report.month || L.all})`, ''];
  if (report.agents.length) lines.push(`${L.agents}: ${report.agents.map(md).join(', ')}`, '');
  for (const d of report.departments) {
    lines.push(`## ${departmentLabel(d.department, lang)} (${d.total})`, '');
    const statuses = FEEDBACK_STATUSES.map((s) => `${L.status[s]} ${d.byStatus[s]}`);
    lines.push(`${statuses.join(' · ')}${d.late ? ` · ${L.late} ${d.late}` : ''}`, '');
    if (d.topics.length) {
      lines.push(`| ${L.topics} | ${L.count} | ${L.examples} |`, '|---|---:|---|');
      for (const t of d.topics)
        lines.push(
          `| ${md(topicLabel(t.topic, lang))} | ${t.count} | ${t.examples.map((f) => md(f.text)).join(' / ')} |`,
        );
      lines.push('');
    }
    if (d.answers.length) {
      lines.push(`### ${L.answers}`, '');
      for (const f of d.answers) lines.push(`- ${md(f.text)} → ${md(f.answer ?? '')}${who(f)}`);
      lines.push('');
    }
    if (d.overdue.length) {
      lines.push(`### ${L.overdue} (${d.overdue.length})`, '');
      for (const f of d.overdue)
        lines.push(
          `- ${L.due} ${formatWall(f.dueAt ?? 0, timeZone)} · ${L.status[statusOf(f)]}: ${md(f.text)}${who(f)}`,
        );
      lines.push('');
    }
  }
  return lines.join('\n');
}
