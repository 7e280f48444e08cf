/**
 * One filed buyer message: text, buyer, order, date, agent; its department, status, answer deadline and
 * the department's answer can be changed; the entry can be deleted.
 */
import { useState } from 'react';
import type { HuashuDB } from '@/lib/db/db';
import type { FeedbackRow } from '@/lib/db/schema';
import { ALL_DEPARTMENTS } from '@/lib/feedback/departments';
import type { DuePolicy } from '@/lib/feedback/due';
import { departmentLabel } from '@/lib/feedback/report';
import { FEEDBACK_STATUSES, isOverdue, statusOf, type FeedbackPatch } from '@/lib/feedback/status';
import { deleteFeedback, updateFeedback } from '@/lib/feedback/store';
import { t } from '@/lib/i18n';
import { atMinutes, civilDateOf, isoDay } from '@/lib/time/civil';
import { formatWall, type Lang } from '@/lib/time/format';

interface Props {
  f: FeedbackRow;
  db: HuashuDB;
  timeZone: string;
  lang: Lang;
  now: number;
  policy: DuePolicy;
  onError(e: unknown): void;
}

/** "YYYY-MM-DD" of a date input → 23:59 that day on the agent's wall clock; undefined when invalid. */
function endOfDay(value: string, timeZone: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return undefined;
  return atMinutes({ year: +m[1], month: +m[2], day: +m[3] }, 23 * 60 + 59, timeZone);
}

export function FeedbackEntry({ f, db, timeZone, lang, now, policy, onError }: Props) {
  const [answer, setAnswer] = useState(f.answer ?? '');
  const [stored, setStored] = useState(f.answer);
  // A merged file may bring the department's answer: show it (an unsaved draft gives way to it).
  if (stored !== f.answer) {
    setStored(f.answer);
    setAnswer(f.answer ?? '');
  }
  const status = statusOf(f);
  const overdue = isOverdue(f, now);
  const change = (patch: FeedbackPatch) => void updateFeedback(db, f.uid, patch, Date.now(), policy).catch(onError);
  return (
    <li
      className={`hs-feedback-row${overdue ? ' hs-feedback-overdue' : ''}`}
      data-testid="feedback-row"
      data-uid={f.uid}
      data-department={f.department}
      data-topic={f.topic}
      data-status={status}
      data-overdue={overdue}
    >
      <p data-testid="feedback-text">{f.text}</p>
      <div className="hs-promise-meta">
        <time>{formatWall(f.createdAt, timeZone).slice(0, 16)}</time>
        {f.agent && <span data-testid="feedback-agent">{f.agent}</span>}
        {f.buyer && <span data-testid="feedback-buyer">{f.buyer}</span>}
        {f.orderId && <span data-testid="feedback-order">#{f.orderId}</span>}
        <span data-testid="feedback-due" className="hs-feedback-due">
          {t('fbDue')} {f.dueAt === undefined ? t('fbNoDue') : formatWall(f.dueAt, timeZone)}
          {overdue && <strong className="hs-feedback-late"> {t('fbOverdue')}</strong>}
        </span>
      </div>
      <div className="hs-promise-actions">
        <select
          data-testid="feedback-department"
          aria-label={t('toastDepartment')}
          value={f.department}
          onChange={(e) => change({ department: e.target.value })}
        >
          {ALL_DEPARTMENTS.map((d) => (
            <option key={d.id} value={d.id}>
              {departmentLabel(d.id, lang)}
            </option>
          ))}
        </select>
        <select
          data-testid="feedback-status"
          aria-label={t('fbStatus')}
          value={status}
          onChange={(e) => change({ status: e.target.value as FeedbackPatch['status'] })}
        >
          {FEEDBACK_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`fbStatus_${s}`)}
            </option>
          ))}
        </select>
        <input
          type="date"
          data-testid="feedback-due-input"
          aria-label={t('fbDue')}
          value={f.dueAt === undefined ? '' : isoDay(civilDateOf(f.dueAt, timeZone))}
          onChange={(e) => change({ dueAt: e.target.value ? (endOfDay(e.target.value, timeZone) ?? null) : null })}
        />
        <button data-testid="feedback-delete" onClick={() => void deleteFeedback(db, f.uid).catch(onError)}>
          {t('feedbackDelete')}
        </button>
      </div>
      <div className="hs-feedback-answer">
        <textarea
          data-testid="feedback-answer"
          aria-label={t('fbAnswer')}
          placeholder={t('fbAnswerPlaceholder')}
          rows={2}
          value={answer}
          onChange={(e) => setAnswer(e.target.value)}
        />
        <button
          data-testid="feedback-answer-save"
          disabled={answer.trim() === (f.answer ?? '')}
          onClick={() => change({ answer })}
        >
          {t('fbSaveAnswer')}
        </button>
      </div>
    </li>
  );
}
