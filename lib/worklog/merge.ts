/**
 * The lead's merge of several agents' work logs (huashu-worklog files) into one day or week report: totals
 * per agent, open promises per owner, feedback per department, missed questions grouped across agents.
 * Pure. Rules:
 * - one log per agent and day: the same file twice counts once; two different logs of the same agent and
 *   day (exported again later) — the later export wins (ties: the larger file text, so order never matters);
 * - totals per agent add their days; "still open" and "overdue" are a snapshot: each agent's latest day;
 * - open promises are those of each agent's latest log, one per uid (a promise handed over appears in two
 *   agents' logs: the later export's copy is kept), grouped by owner;
 * - missed questions with the same wording add up; similar wordings are grouped (character-bigram overlap).
 * Merging the same file twice changes nothing (tests/unit/worklog/merge.test.ts).
 */
import { bigrams, groupKey, jaccard } from '../library/text';
import { toCsv } from '../text/csv';
import { formatWall } from '../time/format';
import { mdInline, type OpenPromise, type WorkLog } from './worklog';

export interface AgentTotals {
  agent: string;
  days: string[];
  made: number;
  kept: number;
  open: number;
  overdue: number;
  feedback: number;
  problems: { day: string; text: string }[];
  needs: { day: string; text: string }[];
}

export interface MissedGroup {
  label: string;
  count: number;
  agents: string[];
  texts: string[];
}

export interface TeamReport {
  days: string[];
  kind: 'day' | 'week';
  logs: number;
  agents: AgentTotals[];
  totals: { made: number; kept: number; open: number; overdue: number; feedback: number };
  openByOwner: { owner: string; promises: OpenPromise[] }[];
  feedback: { department: string; label?: string; count: number }[];
  missed: MissedGroup[];
  topScripts: { title: string; count: number }[];
}

const later = (a: WorkLog, b: WorkLog) =>
  a.exportedAt !== b.exportedAt ? a.exportedAt > b.exportedAt : JSON.stringify(a) > JSON.stringify(b);

/** One log per agent and day (the later export). */
export function dedupeLogs(logs: readonly WorkLog[]): WorkLog[] {
  const kept = new Map<string, WorkLog>();
  for (const log of logs) {
    const key = `${log.agent.trim()}\n${log.day}`;
    const have = kept.get(key);
    if (!have || later(log, have)) kept.set(key, log);
  }
  return [...kept.values()].sort((a, b) => a.agent.localeCompare(b.agent) || a.day.localeCompare(b.day));
}

export function mergeWorkLogs(input: readonly WorkLog[]): TeamReport {
  const logs = dedupeLogs(input);
  const agents = new Map<string, AgentTotals>();
  const latest = new Map<string, WorkLog>();
  const feedback = new Map<string, { department: string; label?: string; count: number }>();
  const scripts = new Map<string, { title: string; count: number }>();
  const missed = new Map<string, { text: string; count: number; agents: Set<string> }>();
  for (const log of logs) {
    const name = log.agent.trim();
    let a = agents.get(name);
    if (!a) {
      a = { agent: name, days: [], made: 0, kept: 0, open: 0, overdue: 0, feedback: 0, problems: [], needs: [] };
      agents.set(name, a);
    }
    a.days.push(log.day);
    a.made += log.promises.made;
    a.kept += log.promises.kept;
    const l = latest.get(name);
    if (!l || log.day > l.day) latest.set(name, log);
    if (log.problems) a.problems.push({ day: log.day, text: log.problems });
    if (log.needs) a.needs.push({ day: log.day, text: log.needs });
    for (const f of log.feedback) {
      a.feedback += f.count;
      const have = feedback.get(f.department);
      if (have) have.count += f.count;
      else feedback.set(f.department, { ...f });
    }
    for (const s of log.topScripts) {
      const k = `${s.packId}\n${s.scriptId}`;
      const have = scripts.get(k);
      if (have) have.count += s.count;
      else scripts.set(k, { title: s.title ?? s.scriptId, count: s.count });
    }
    for (const m of log.missed) {
      const k = groupKey(m.text);
      if (!k) continue;
      const have = missed.get(k);
      if (have) {
        have.count += m.count;
        have.agents.add(name);
      } else missed.set(k, { text: m.text, count: m.count, agents: new Set([name]) });
    }
  }
  const open = new Map<string, { p: OpenPromise; at: number }>();
  for (const [name, log] of latest) {
    const a = agents.get(name)!;
    a.open = log.promises.open;
    a.overdue = log.promises.overdue;
    for (const p of log.openPromises) {
      const have = open.get(p.uid);
      if (!have || log.exportedAt > have.at)
        open.set(p.uid, { p: { ...p, owner: p.owner ?? name }, at: log.exportedAt });
    }
  }
  const byOwner = new Map<string, OpenPromise[]>();
  for (const { p } of open.values()) byOwner.set(p.owner ?? '', [...(byOwner.get(p.owner ?? '') ?? []), p]);
  const all = [...agents.values()];
  const sum = (k: 'made' | 'kept' | 'open' | 'overdue' | 'feedback') => all.reduce((n, a) => n + a[k], 0);
  const days = [...new Set(logs.map((l) => l.day))].sort();
  return {
    days,
    kind: days.length > 1 ? 'week' : 'day',
    logs: logs.length,
    agents: all.sort((a, b) => a.agent.localeCompare(b.agent)),
    totals: {
      made: sum('made'),
      kept: sum('kept'),
      open: sum('open'),
      overdue: sum('overdue'),
      feedback: sum('feedback'),
    },
    openByOwner: [...byOwner]
      .map(([owner, promises]) => ({
        owner,
        promises: promises.sort((a, b) => a.due - b.due || a.uid.localeCompare(b.uid)),
      }))
      .sort((a, b) => b.promises.length - a.promises.length || a.owner.localeCompare(b.owner)),
    feedback: [...feedback.values()].sort((a, b) => b.count - a.count || a.department.localeCompare(b.department)),
    missed: groupAcross([...missed.values()]),
    topScripts: [...scripts.values()].sort((a, b) => b.count - a.count || a.title.localeCompare(b.title)).slice(0, 20),
  };
}

/** Similar wordings (bigram Jaccard ≥ 0.5 with the group's first) in one group; most asked first. */
function groupAcross(items: { text: string; count: number; agents: Set<string> }[]): MissedGroup[] {
  const sorted = [...items].sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
  const groups: (MissedGroup & { grams: Set<string>; who: Set<string> })[] = [];
  for (const m of sorted) {
    const grams = bigrams(groupKey(m.text));
    const g = groups.find((x) => jaccard(x.grams, grams) >= 0.5);
    if (g) {
      g.count += m.count;
      g.texts.push(m.text);
      m.agents.forEach((a) => g.who.add(a));
    } else groups.push({ label: m.text, count: m.count, agents: [], texts: [m.text], grams, who: new Set(m.agents) });
  }
  return groups
    .map(({ grams: _g, who, ...g }) => ({ ...g, agents: [...who].sort() }))
    .sort((a, b) => b.agents.length - a.agents.length || b.count - a.count || a.label.localeCompare(b.label));
}

export interface ReportLabels {
  title: string;
  agent: string;
  made: string;
  kept: string;
  open: string;
  overdue: string;
  feedback: string;
  openByOwner: string;
  missedAll: string;
  topScripts: string;
  problems: string;
  needs: string;
}

export const EN_REPORT_LABELS: ReportLabels = {
  title: 'Team report',
  agent: 'Agent',
  made: 'Made',
  kept: 'Kept',
  open: 'Open',
  overdue: 'Overdue',
  feedback: 'Feedback',
  openByOwner: 'Open promises per owner',
  missedAll: 'Missed questions across agents',
  topScripts: 'Scripts used most',
  problems: 'Problems met',
  needs: 'Buyer needs noticed',
};

export function reportToMarkdown(r: TeamReport, timeZone: string, labels: ReportLabels = EN_REPORT_LABELS): string {
  const span = r.days.length > 1 ? `${r.days[0]} – ${r.days[r.days.length - 1]}` : (r.days[0] ?? '');
  const lines = [
    `# ${labels.title} ${span}`.trimEnd(),
    '',
    `| ${labels.agent} | ${labels.made} | ${labels.kept} | ${labels.open} | ${labels.overdue} | ${labels.feedback} |`,
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...r.agents.map(
      (a) => `| ${mdInline(a.agent)} | ${a.made} | ${a.kept} | ${a.open} | ${a.overdue} | ${a.feedback} |`,
    ),
    `| **Σ** | ${r.totals.made} | ${r.totals.kept} | ${r.totals.open} | ${r.totals.overdue} | ${r.totals.feedback} |`,
    '',
    `## ${labels.openByOwner}`,
    '',
  ];
  for (const o of r.openByOwner) {
    lines.push(`### ${mdInline(o.owner) || '—'} (${o.promises.length})`, '');
    for (const p of o.promises)
      lines.push(`- [ ] ${formatWall(p.due, timeZone)} ${mdInline(p.text)}${p.buyer ? ` — ${mdInline(p.buyer)}` : ''}`);
    lines.push('');
  }
  lines.push(`## ${labels.missedAll}`, '');
  for (const g of r.missed) lines.push(`- ${mdInline(g.label)} ×${g.count} (${g.agents.map(mdInline).join(', ')})`);
  lines.push('', `## ${labels.topScripts}`, '');
  for (const s of r.topScripts) lines.push(`- ${mdInline(s.title)} ×${s.count}`);
  for (const [key, label] of [
    ['problems', labels.problems],
    ['needs', labels.needs],
  ] as const) {
    lines.push('', `## ${label}`, '');
    for (const a of r.agents)
      for (const x of a[key]) lines.push(`- ${mdInline(a.agent)} ${x.day}: ${mdInline(x.text)}`);
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

export function reportToCsv(r: TeamReport): string {
  return toCsv(
    ['agent', 'days', 'made', 'kept', 'open', 'overdue', 'feedback'],
    [
      ...r.agents.map((a) => [a.agent, a.days.join(' '), a.made, a.kept, a.open, a.overdue, a.feedback]),
      ['Σ', r.days.join(' '), r.totals.made, r.totals.kept, r.totals.open, r.totals.overdue, r.totals.feedback],
    ],
  );
}
