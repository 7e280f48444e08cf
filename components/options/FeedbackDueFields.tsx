/**
 * Options › General: working days each department has to answer feedback, and the public holidays
 * that do not count (Huashu knows none by itself). Part of the settings form: its Save writes them.
 */
import { useState } from 'react';
import { ALL_DEPARTMENTS } from '@/lib/feedback/departments';
import { departmentLabel } from '@/lib/feedback/report';
import { DEFAULT_DUE_DAYS, MAX_DUE_DAYS, dueDaysFor } from '@/lib/feedback/due';
import { getLocale, t } from '@/lib/i18n';
import type { Settings } from '@/lib/settings';
import { parseHolidays } from '@/lib/time/working-days';

type Fields = Pick<Settings, 'feedbackDueDays' | 'holidays'>;

export function FeedbackDueFields({ value, onChange }: { value: Fields; onChange(patch: Partial<Fields>): void }) {
  const [holidayText, setHolidayText] = useState(Array.isArray(value.holidays) ? value.holidays.join('\n') : '');
  const lang = getLocale();
  return (
    <fieldset className="hs-fieldset" data-testid="opt-feedback-due">
      <legend>{t('optFeedbackDue')}</legend>
      <p className="hs-muted">{t('optFeedbackDueHint')}</p>
      <div className="hs-grid2">
        {ALL_DEPARTMENTS.map((d) => (
          <label key={d.id}>
            {departmentLabel(d.id, lang)}
            <input
              type="number"
              min={0}
              max={MAX_DUE_DAYS}
              step={1}
              placeholder={String(DEFAULT_DUE_DAYS)}
              data-testid="opt-due-days"
              data-department={d.id}
              value={dueDaysFor(d.id, value.feedbackDueDays)}
              onChange={(e) => {
                const n = e.target.valueAsNumber;
                const days = { ...value.feedbackDueDays };
                if (Number.isInteger(n) && n >= 0 && n <= MAX_DUE_DAYS) days[d.id] = n;
                else delete days[d.id];
                onChange({ feedbackDueDays: days });
              }}
            />
          </label>
        ))}
      </div>
      <label>
        {t('optHolidays')}
        <textarea
          rows={3}
          data-testid="opt-holidays"
          value={holidayText}
          placeholder="2027-01-01"
          onChange={(e) => {
            setHolidayText(e.target.value);
            onChange({ holidays: parseHolidays(e.target.value) });
          }}
        />
      </label>
    </fieldset>
  );
}
