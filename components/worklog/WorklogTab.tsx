/**
 * The daily work log (工作日志) page of the side panel: today's figures, read live from IndexedDB, two
 * free-text fields kept as a draft on this machine, export as Markdown / CSV / huashu-worklog file; and the
 * lead's merge of several agents' log files into one day or week report.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useAgentSettings, useNow } from '@/components/promises/hooks';
import { db } from '@/lib/db/db';
import { departmentLabel } from '@/lib/feedback/departments';
import { t } from '@/lib/i18n';
import { loadActivePacks } from '@/lib/library/packs';
import { atMinutes, addDays, civilDateOf, isoDay } from '@/lib/time/civil';
import { buildWorkLog, workLogName, workLogToCsv, workLogToMarkdown, type WorkLog } from '@/lib/worklog/worklog';
import { downloadText } from '../shared/download';
import { MergePanel } from './MergePanel';
import './worklog.css';

const draftKey = (day: string) => `huashu:worklog-draft:${day}`;

function readDraft(day: string): { day: string; problems: string; needs: string } {
  try {
    return { problems: '', needs: '', ...JSON.parse(localStorage.getItem(draftKey(day)) ?? '{}'), day };
  } catch {
    return { day, problems: '', needs: '' };
  }
}

/** The two free texts, kept per day on this machine (a closed side panel loses nothing). */
function useDraft(day: string) {
  const [draft, setDraft] = useState(() => readDraft(day));
  // A new day starts from that day's draft (read during render, as React recommends for derived state).
  if (draft.day !== day) setDraft(readDraft(day));
  const update = (patch: Partial<{ problems: string; needs: string }>) =>
    setDraft((d) => {
      const next = { ...d, ...patch };
      localStorage.setItem(draftKey(day), JSON.stringify({ problems: next.problems, needs: next.needs }));
      return next;
    });
  return [draft, update] as const;
}

export function WorklogTab() {
  const { settings, timeZone, lang } = useAgentSettings();
  const now = useNow();
  const today = civilDateOf(now, timeZone);
  const day = isoDay(today);
  const [draft, setDraft] = useDraft(day);
  const agent = settings.agentName.trim();

  const data = useLiveQuery(async () => {
    const from = atMinutes(today, 0, timeZone);
    const until = atMinutes(addDays(today, 1), 0, timeZone);
    const [promises, feedback, usage, packs] = await Promise.all([
      db.promises.toArray(),
      db.feedback.where('createdAt').between(from, until).toArray(),
      db.usage.where('at').between(from, until).toArray(),
      loadActivePacks(db),
    ]);
    return { promises, feedback, usage, packs };
  }, [day, timeZone]);
  if (!data) return <p className="hs-muted" data-testid="worklog-loading" />;

  const titles = new Map(
    data.packs.flatMap((p) => p.scripts.map((s) => [`${p.pack.id}\n${s.id}`, s.title ?? s.questions[0]])),
  );
  const log: WorkLog = buildWorkLog({
    agent,
    day,
    timeZone,
    now,
    promises: data.promises,
    feedback: data.feedback,
    usage: data.usage,
    problems: draft.problems,
    needs: draft.needs,
    titleOf: (p, s) => titles.get(`${p}\n${s}`),
    departmentLabel: (d) => departmentLabel(d, lang),
  });
  const name = workLogName(log);
  const labels = {
    title: t('wlTitle'),
    made: t('wlMade'),
    kept: t('wlKept'),
    open: t('wlOpen'),
    overdue: t('wlOverdue'),
    feedback: t('wlFeedback'),
    missed: t('wlMissed'),
    topScripts: t('wlTopScripts'),
    problems: t('wlProblems'),
    needs: t('wlNeeds'),
    none: t('wlNone'),
  };
  const p = log.promises;

  return (
    <div className="hs-worklog" data-testid="worklog-tab">
      <h2>
        {t('wlTitle')} {day} {agent}
      </h2>
      {!agent && (
        <p className="hs-warn" data-testid="worklog-no-name">
          {t('wlNoName')}
        </p>
      )}
      <dl className="hs-worklog-counts">
        {(
          [
            ['made', p.made],
            ['kept', p.kept],
            ['open', p.open],
            ['overdue', p.overdue],
          ] as const
        ).map(([k, n]) => (
          <div key={k}>
            <dt>{labels[k]}</dt>
            <dd data-testid={`wl-${k}`}>{n}</dd>
          </div>
        ))}
      </dl>
      <Section
        title={labels.feedback}
        testid="wl-feedback"
        items={log.feedback.map((f) => `${f.label ?? f.department}: ${f.count}`)}
      />
      <Section title={labels.missed} testid="wl-missed" items={log.missed.map((m) => `${m.text} ×${m.count}`)} />
      <Section
        title={labels.topScripts}
        testid="wl-top"
        items={log.topScripts.map((s) => `${s.title ?? s.scriptId} ×${s.count}`)}
      />
      <label>
        {labels.problems}
        <textarea
          data-testid="wl-problems"
          rows={3}
          value={draft.problems}
          onChange={(e) => setDraft({ problems: e.target.value })}
        />
      </label>
      <label>
        {labels.needs}
        <textarea
          data-testid="wl-needs"
          rows={3}
          value={draft.needs}
          onChange={(e) => setDraft({ needs: e.target.value })}
        />
      </label>
      <div className="hs-export">
        <button
          data-testid="wl-export-md"
          onClick={() => downloadText(`${name}.md`, workLogToMarkdown(log, labels), 'text/markdown')}
        >
          {t('wlExportMd')}
        </button>
        <button data-testid="wl-export-csv" onClick={() => downloadText(`${name}.csv`, workLogToCsv(log), 'text/csv')}>
          {t('wlExportCsv')}
        </button>
        <button data-testid="wl-export-json" onClick={() => downloadText(`${name}.json`, JSON.stringify(log, null, 1))}>
          {t('wlExportJson')}
        </button>
      </div>
      <MergePanel timeZone={timeZone} />
    </div>
  );
}

function Section({ title, testid, items }: { title: string; testid: string; items: string[] }) {
  return (
    <section>
      <h3>{title}</h3>
      <ul data-testid={testid}>
        {items.length ? items.map((i) => <li key={i}>{i}</li>) : <li className="hs-muted">{t('wlNone')}</li>}
      </ul>
    </section>
  );
}
