/**
 * Feedback tab: buyer messages filed to departments, grouped by department and topic with counts per
 * ISO week (the last 6 weeks shown; exports have all), and the CSV / Markdown report.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useMemo, useState } from 'react';
import { FeedbackEntry } from '@/components/feedback/FeedbackEntry';
import { downloadText } from '@/components/shared/download';
import { useAgentSettings } from '@/components/promises/hooks';
import { useShortcut } from '@/components/promises/useShortcut';
import '@/components/promises/promises.css';
import { db } from '@/lib/db/db';
import { departmentLabel, feedbackToCsv, feedbackToMarkdown, groupFeedback, topicLabel } from '@/lib/feedback/report';
import { t } from '@/lib/i18n';
import { civilDateOf, isoDay } from '@/lib/time/civil';

const WEEKS_SHOWN = 6;

export function FeedbackTab() {
  const { timeZone, lang } = useAgentSettings();
  const rows = useLiveQuery(() => db.feedback.toArray(), []);
  const [error, setError] = useState('');
  const shortcut = useShortcut('log-feedback');
  const onError = useCallback((e: unknown) => {
    console.error('[huashu]', e);
    setError(t('errStorage'));
  }, []);
  const report = useMemo(() => groupFeedback(rows ?? [], timeZone), [rows, timeZone]);
  if (rows === undefined) return <p className="hs-muted" data-testid="feedback-loading" />;
  const weeks = report.weeks.slice(-WEEKS_SHOWN);
  const day = () => isoDay(civilDateOf(Date.now(), timeZone));

  return (
    <div className="hs-feedback" data-testid="feedback-tab">
      <div className="hs-feedback-head">
        <span data-testid="feedback-total">
          {t('feedbackTotal')} {report.total}
        </span>
        <button
          data-testid="feedback-export-csv"
          disabled={!rows.length}
          onClick={() => downloadText(`huashu-feedback-${day()}.csv`, feedbackToCsv(rows, timeZone, lang), 'text/csv')}
        >
          {t('exportCsv')}
        </button>
        <button
          data-testid="feedback-export-md"
          disabled={!rows.length}
          onClick={() =>
            downloadText(
              `huashu-feedback-${day()}.md`,
              feedbackToMarkdown(rows, timeZone, lang, t('feedbackReportTitle')),
              'text/markdown',
            )
          }
        >
          {t('exportMd')}
        </button>
      </div>
      {error && (
        <p className="hs-error" role="alert">
          {error}
        </p>
      )}
      {!rows.length && (
        <p className="hs-muted" data-testid="feedback-empty">
          {t('feedbackEmpty', shortcut)}
        </p>
      )}
      {report.departments.map((d) => (
        <section
          key={d.department}
          className="hs-feedback-dept"
          data-testid="feedback-dept"
          data-department={d.department}
        >
          <h2>
            {departmentLabel(d.department, lang)} <span className="hs-count">{d.total}</span>
          </h2>
          <table className="hs-feedback-table" data-testid="feedback-counts">
            <thead>
              <tr>
                <th>{t('feedbackTopic')}</th>
                {weeks.map((w) => (
                  <th key={w}>{w.slice(5)}</th>
                ))}
                <th>{t('feedbackTotal')}</th>
              </tr>
            </thead>
            <tbody>
              {d.topics.map((tp) => (
                <tr key={tp.topic} data-testid="feedback-topic-row" data-topic={tp.topic}>
                  <td>{topicLabel(tp.topic, lang)}</td>
                  {weeks.map((w) => (
                    <td key={w}>{tp.weeks[w] ?? 0}</td>
                  ))}
                  <td>{tp.total}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {d.topics.map((tp) => (
            <details key={tp.topic} className="hs-feedback-topic">
              <summary>
                {topicLabel(tp.topic, lang)} ({tp.total})
              </summary>
              <ul className="hs-promise-list">
                {tp.rows.slice(0, 100).map((f) => (
                  <FeedbackEntry key={f.uid} f={f} db={db} timeZone={timeZone} lang={lang} onError={onError} />
                ))}
              </ul>
            </details>
          ))}
        </section>
      ))}
    </div>
  );
}
