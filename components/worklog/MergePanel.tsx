/** The lead's side of the work log: pick several agents' huashu-worklog files, see and export one report. */
import { useState } from 'react';
import { t } from '@/lib/i18n';
import { mergeWorkLogs, reportToCsv, reportToMarkdown, type TeamReport } from '@/lib/worklog/merge';
import { parseWorkLog, type WorkLog } from '@/lib/worklog/worklog';
import { downloadText } from '../shared/download';

export function MergePanel({ timeZone }: { timeZone: string }) {
  const [report, setReport] = useState<TeamReport>();
  const [errors, setErrors] = useState<string[]>([]);

  async function onFiles(files: File[]) {
    const logs: WorkLog[] = [];
    const bad: string[] = [];
    for (const f of files) {
      const r = parseWorkLog(await f.text());
      if (r.ok) logs.push(r.log);
      else bad.push(t('wlMergeFailed', f.name, r.error));
    }
    setErrors(bad);
    setReport(logs.length ? mergeWorkLogs(logs) : undefined);
  }

  const labels = {
    title: t('wlReport'),
    agent: t('wlAgent'),
    made: t('wlMade'),
    kept: t('wlKept'),
    open: t('wlOpen'),
    overdue: t('wlOverdue'),
    feedback: t('wlFeedback'),
    openByOwner: t('wlOpenByOwner'),
    missedAll: t('wlMissedAll'),
    topScripts: t('wlTopScripts'),
    problems: t('wlProblems'),
    needs: t('wlNeeds'),
  };
  const span = report ? [...new Set([report.days[0], report.days[report.days.length - 1]])].join('_') : '';

  return (
    <section className="hs-worklog-merge" data-testid="wl-merge">
      <h3>{t('wlMerge')}</h3>
      <input
        type="file"
        multiple
        accept="application/json,.json"
        data-testid="wl-merge-file"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          if (files.length) void onFiles(files);
        }}
      />
      {errors.map((e) => (
        <p key={e} className="hs-error" role="alert" data-testid="wl-merge-error">
          {e}
        </p>
      ))}
      {report && (
        <div data-testid="wl-report" data-kind={report.kind} data-logs={report.logs}>
          <p data-testid="wl-merge-result">{t('wlMergeResult', report.logs)}</p>
          <table>
            <thead>
              <tr>
                {[labels.agent, labels.made, labels.kept, labels.open, labels.overdue, labels.feedback].map((h) => (
                  <th key={h}>{h}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {report.agents.map((a) => (
                <tr key={a.agent} data-testid="report-agent" data-agent={a.agent}>
                  <td>{a.agent}</td>
                  <td data-testid="report-made">{a.made}</td>
                  <td data-testid="report-kept">{a.kept}</td>
                  <td data-testid="report-open">{a.open}</td>
                  <td data-testid="report-overdue">{a.overdue}</td>
                  <td data-testid="report-feedback">{a.feedback}</td>
                </tr>
              ))}
              <tr data-testid="report-total">
                <th>Σ</th>
                <td data-testid="report-made">{report.totals.made}</td>
                <td data-testid="report-kept">{report.totals.kept}</td>
                <td data-testid="report-open">{report.totals.open}</td>
                <td data-testid="report-overdue">{report.totals.overdue}</td>
                <td data-testid="report-feedback">{report.totals.feedback}</td>
              </tr>
            </tbody>
          </table>
          <h4>{labels.openByOwner}</h4>
          <ul>
            {report.openByOwner.map((o) => (
              <li key={o.owner} data-testid="report-owner" data-owner={o.owner} data-count={o.promises.length}>
                {o.owner || '—'}: {o.promises.length}
              </li>
            ))}
          </ul>
          <h4>{labels.missedAll}</h4>
          <ul>
            {report.missed.map((g) => (
              <li key={g.label} data-testid="report-missed" data-count={g.count} data-agents={g.agents.join(',')}>
                {g.label} ×{g.count} ({g.agents.join(', ')})
              </li>
            ))}
          </ul>
          <div className="hs-export">
            <button
              data-testid="wl-report-md"
              onClick={() =>
                downloadText(`huashu-report-${span}.md`, reportToMarkdown(report, timeZone, labels), 'text/markdown')
              }
            >
              {t('wlExportMd')}
            </button>
            <button
              data-testid="wl-report-csv"
              onClick={() => downloadText(`huashu-report-${span}.csv`, reportToCsv(report), 'text/csv')}
            >
              {t('wlExportCsv')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
