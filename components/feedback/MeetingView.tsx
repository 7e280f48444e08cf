/**
 * "For the meeting": per department, the month's topics with counts and examples, the departments'
 * answers, and the entries still open past their deadline (any month), with a Markdown handout.
 */
import { useMemo, useState } from 'react';
import type { FeedbackRow } from '@/lib/db/schema';
import { departmentLabel, topicLabel } from '@/lib/feedback/departments';
import { feedbackMonths, meetingReport, meetingToMarkdown, monthOf } from '@/lib/feedback/meeting';
import { FEEDBACK_STATUSES, statusOf } from '@/lib/feedback/status';
import { t } from '@/lib/i18n';
import { formatWall, type Lang } from '@/lib/time/format';
import { downloadText } from '../shared/download';

interface Props {
  rows: FeedbackRow[];
  timeZone: string;
  lang: Lang;
  now: number;
}

export function MeetingView({ rows, timeZone, lang, now }: Props) {
  const months = useMemo(() => feedbackMonths(rows, timeZone), [rows, timeZone]);
  const [month, setMonth] = useState(() => monthOf(Date.now(), timeZone));
  const report = useMemo(() => meetingReport(rows, now, timeZone, month), [rows, now, timeZone, month]);
  const choices = months.includes(month) || !month ? months : [month, ...months];
  return (
    <div className="hs-meeting" data-testid="meeting-view" data-overdue={report.overdue}>
      <div className="hs-feedback-head">
        <select data-testid="meeting-month" value={month} onChange={(e) => setMonth(e.target.value)}>
          <option value="">{t('fbMonthAll')}</option>
          {choices.map((m) => (
            <option key={m} value={m}>
              {m}
            </option>
          ))}
        </select>
        <span data-testid="meeting-total">
          {t('feedbackTotal')} {report.total}
        </span>
        <button
          data-testid="meeting-export-md"
          onClick={() =>
            downloadText(
              `huashu-meeting-${month || 'all'}.md`,
              meetingToMarkdown(meetingReport(rows, Date.now(), timeZone, month), timeZone, lang),
              'text/markdown',
            )
          }
        >
          {t('fbMeetingExport')}
        </button>
      </div>
      {report.agents.length > 0 && (
        <p className="hs-muted" data-testid="meeting-agents">
          {t('fbAgent')}: {report.agents.join(', ')}
        </p>
      )}
      {!report.departments.length && (
        <p className="hs-muted" data-testid="meeting-empty">
          {t('fbMeetingEmpty')}
        </p>
      )}
      {report.departments.map((d) => (
        <section
          key={d.department}
          className="hs-feedback-dept"
          data-testid="meeting-dept"
          data-department={d.department}
        >
          <h2>
            {departmentLabel(d.department, lang)} <span className="hs-count">{d.total}</span>
          </h2>
          <p className="hs-muted" data-testid="meeting-status-counts">
            {FEEDBACK_STATUSES.map((s) => `${t(`fbStatus_${s}`)} ${d.byStatus[s]}`).join(' · ')}
            {d.late > 0 && ` · ${t('fbLate', d.late)}`}
          </p>
          {d.topics.length > 0 && (
            <table className="hs-feedback-table">
              <thead>
                <tr>
                  <th>{t('feedbackTopic')}</th>
                  <th>{t('fbTopicCount')}</th>
                  <th>{t('fbExamples')}</th>
                </tr>
              </thead>
              <tbody>
                {d.topics.map((tp) => (
                  <tr key={tp.topic} data-testid="meeting-topic" data-topic={tp.topic} data-count={tp.count}>
                    <td>{topicLabel(tp.topic, lang)}</td>
                    <td>{tp.count}</td>
                    <td className="hs-meeting-examples">{tp.examples.map((f) => f.text).join(' / ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {d.answers.length > 0 && (
            <ul className="hs-meeting-answers">
              {d.answers.map((f) => (
                <li key={f.uid} data-testid="meeting-answer" data-uid={f.uid}>
                  {f.text} → <strong>{f.answer}</strong>
                  {f.agent && <span className="hs-muted"> — {f.agent}</span>}
                </li>
              ))}
            </ul>
          )}
          {d.overdue.length > 0 && (
            <>
              <h3 className="hs-feedback-late">{t('fbOverdueTitle', d.overdue.length)}</h3>
              <ul className="hs-meeting-overdue">
                {d.overdue.map((f) => (
                  <li key={f.uid} data-testid="meeting-overdue" data-uid={f.uid}>
                    {t('fbDue')} {formatWall(f.dueAt ?? 0, timeZone)} · {t(`fbStatus_${statusOf(f)}`)}: {f.text}
                    {f.agent && <span className="hs-muted"> — {f.agent}</span>}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      ))}
    </div>
  );
}
