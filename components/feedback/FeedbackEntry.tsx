/** One filed buyer message: text, buyer, order, date; the department can be changed, the entry deleted. */
import type { HuashuDB } from '@/lib/db/db';
import type { FeedbackRow } from '@/lib/db/schema';
import { ALL_DEPARTMENTS } from '@/lib/feedback/departments';
import { departmentLabel } from '@/lib/feedback/report';
import { deleteFeedback, updateFeedback } from '@/lib/feedback/store';
import { t } from '@/lib/i18n';
import { formatWall, type Lang } from '@/lib/time/format';

interface Props {
  f: FeedbackRow;
  db: HuashuDB;
  timeZone: string;
  lang: Lang;
  onError(e: unknown): void;
}

export function FeedbackEntry({ f, db, timeZone, lang, onError }: Props) {
  return (
    <li
      className="hs-feedback-row"
      data-testid="feedback-row"
      data-uid={f.uid}
      data-department={f.department}
      data-topic={f.topic}
    >
      <p data-testid="feedback-text">{f.text}</p>
      <div className="hs-promise-meta">
        <time>{formatWall(f.createdAt, timeZone).slice(0, 16)}</time>
        {f.buyer && <span data-testid="feedback-buyer">{f.buyer}</span>}
        {f.orderId && <span data-testid="feedback-order">#{f.orderId}</span>}
      </div>
      <div className="hs-promise-actions">
        <select
          data-testid="feedback-department"
          aria-label={t('toastDepartment')}
          value={f.department}
          onChange={(e) => void updateFeedback(db, f.uid, { department: e.target.value }, Date.now()).catch(onError)}
        >
          {ALL_DEPARTMENTS.map((d) => (
            <option key={d.id} value={d.id}>
              {departmentLabel(d.id, lang)}
            </option>
          ))}
        </select>
        <button data-testid="feedback-delete" onClick={() => void deleteFeedback(db, f.uid).catch(onError)}>
          {t('feedbackDelete')}
        </button>
      </div>
    </li>
  );
}
