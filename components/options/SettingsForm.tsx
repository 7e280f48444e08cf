/**
 * Options › General: default tone, UI language, shift hours and time zone, gift budget, agent name, and the
 * departments' feedback answer deadlines.
 */
import { useState } from 'react';
import { t } from '@/lib/i18n';
import { formatShifts, parseShifts } from '@/lib/promises/shifts';
import { settingsItem, type Settings } from '@/lib/settings';
import { FeedbackDueFields } from './FeedbackDueFields';

const zones = (): string[] => {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['Asia/Shanghai', 'Asia/Hong_Kong', 'Asia/Taipei', 'Asia/Singapore', 'UTC'];
  }
};

export function SettingsForm({ initial, onSaved }: { initial: Settings; onSaved: (s: Settings) => void }) {
  const [s, setS] = useState(initial);
  const [status, setStatus] = useState<'' | 'saved' | 'invalid'>('');
  const [shiftsText, setShiftsText] = useState(() => formatShifts(initial.shifts));
  const shifts = parseShifts(shiftsText);
  const set = (patch: Partial<Settings>) => {
    setStatus('');
    setS((x) => ({ ...x, ...patch }));
  };

  async function save() {
    if (!(s.giftBudgetPerDay >= 0) || !/^\d\d:\d\d$/.test(s.shift.start) || !/^\d\d:\d\d$/.test(s.shift.end))
      return setStatus('invalid');
    if (shifts.bad.length) return setStatus('invalid');
    const next = { ...s, shifts: shifts.shifts };
    await settingsItem.setValue(next);
    setStatus('saved');
    onSaved(next);
  }

  return (
    <section className="hs-card" data-testid="options-settings">
      <h3>{t('optGeneral')}</h3>
      <div className="hs-grid2">
        <label>
          {t('optDefaultTone')}
          <select
            value={s.defaultTone}
            onChange={(e) => set({ defaultTone: e.target.value as Settings['defaultTone'] })}
            data-testid="opt-tone"
          >
            <option value="friendly">{t('libTone_friendly')}</option>
            <option value="formal">{t('libTone_formal')}</option>
          </select>
        </label>
        <label>
          {t('optLanguage')}
          <select
            value={s.uiLanguage}
            onChange={(e) => set({ uiLanguage: e.target.value as Settings['uiLanguage'] })}
            data-testid="opt-language"
          >
            <option value="">{t('optLanguageBrowser')}</option>
            <option value="zh_CN">简体中文</option>
            <option value="zh_TW">繁體中文</option>
            <option value="en">English</option>
          </select>
        </label>
        <label>
          {t('optShiftStart')}
          <input
            type="time"
            value={s.shift.start}
            onChange={(e) => set({ shift: { ...s.shift, start: e.target.value } })}
            data-testid="opt-shift-start"
          />
        </label>
        <label>
          {t('optShiftEnd')}
          <input
            type="time"
            value={s.shift.end}
            onChange={(e) => set({ shift: { ...s.shift, end: e.target.value } })}
            data-testid="opt-shift-end"
          />
        </label>
        <label>
          {t('optTimeZone')}
          <select value={s.timeZone} onChange={(e) => set({ timeZone: e.target.value })} data-testid="opt-timezone">
            <option value="">{t('optTimeZoneBrowser', Intl.DateTimeFormat().resolvedOptions().timeZone)}</option>
            {zones().map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('optGiftBudget')}
          <input
            type="number"
            min={0}
            step="1"
            value={s.giftBudgetPerDay}
            onChange={(e) => set({ giftBudgetPerDay: e.target.valueAsNumber })}
            data-testid="opt-gift-budget"
          />
        </label>
        <label>
          {t('optAgentName')}
          <input
            value={s.agentName}
            onChange={(e) => set({ agentName: e.target.value })}
            data-testid="opt-agent-name"
          />
        </label>
      </div>
      <label>
        {t('optShifts')}
        <textarea
          rows={3}
          value={shiftsText}
          onChange={(e) => {
            setStatus('');
            setShiftsText(e.target.value);
          }}
          placeholder={'白班 09:00-18:00\n晚班 18:00-24:00'}
          data-testid="opt-shifts"
        />
      </label>
      {shifts.bad.length > 0 && (
        <p className="hs-errors" data-testid="opt-shifts-bad">
          {t('optShiftsBad', shifts.bad.join(' / '))}
        </p>
      )}
      <label>
        <input
          type="checkbox"
          checked={s.cardCollapsed}
          onChange={(e) => set({ cardCollapsed: e.target.checked })}
          data-testid="opt-card-collapsed"
        />
        {t('optCardCollapsed')}
      </label>
      <FeedbackDueFields value={s} onChange={set} />
      <div className="hs-actions">
        <button className="hs-primary" onClick={save} data-testid="opt-save">
          {t('libSave')}
        </button>
        {status && (
          <span role="status" data-testid="opt-status" className={status === 'invalid' ? 'hs-errors' : ''}>
            {t(status === 'saved' ? 'libSaved' : 'optInvalid')}
          </span>
        )}
      </div>
    </section>
  );
}
