/** The Feedback tab's list: by department and topic with counts per ISO week (the last 6 weeks shown). */
import type { HuashuDB } from '@/lib/db/db';
import type { FeedbackRow } from '@/lib/db/schema';
import type { DuePolicy } from '@/lib/feedback/due';
import { departmentLabel, groupFeedback, topicLabel } from '@/lib/feedback/report';
import { t } from '@/lib/i18n';
import type { Lang } from '@/lib/time/format';
import { FeedbackEntry } from './FeedbackEntry';

const WEEKS_SHOWN = 6;

interface Props {
  rows: FeedbackRow[];
  db: HuashuDB;
  timeZone: string;
  lang: Lang;
  now: number;
  policy: DuePolicy;
  onError(e: unknown): void;
}

export function FeedbackList({ rows, db, timeZone, lang, now, policy, onError }: Props) {
  const report = groupFeedback(rows, timeZone);
  const weeks = report.weeks.slice(-WEEKS_SHOWN);
  return report.departments.map((d) => (
    <section key={d.department} className="hs-feedback-dept" data-testid="feedback-dept" data-department={d.department}>
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
              <FeedbackEntry
                key={f.uid}
                f={f}
                db={db}
                timeZone={timeZone}
                lang={lang}
                now={now}
                policy={policy}
                onError={onError}
              />
            ))}
          </ul>
        </details>
      ))}
    </section>
  ));
}
