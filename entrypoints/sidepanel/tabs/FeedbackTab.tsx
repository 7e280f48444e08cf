/**
 * Feedback tab: buyer messages filed to departments, as a list (grouped by department and topic, with
 * status, deadline and the department's answer) or "for the meeting"; CSV / Markdown report, and the
 * feedback file an agent exports and the lead merges.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useMemo, useState } from 'react';
import { FeedbackFileBar } from '@/components/feedback/FeedbackFileBar';
import { FeedbackList } from '@/components/feedback/FeedbackList';
import { MeetingView } from '@/components/feedback/MeetingView';
import '@/components/feedback/feedback.css';
import { downloadText } from '@/components/shared/download';
import { useAgentSettings, useNow } from '@/components/promises/hooks';
import { useShortcut } from '@/components/promises/useShortcut';
import '@/components/promises/promises.css';
import { db } from '@/lib/db/db';
import { feedbackToCsv, feedbackToMarkdown } from '@/lib/feedback/report';
import { t } from '@/lib/i18n';
import { civilDateOf, isoDay } from '@/lib/time/civil';

export function FeedbackTab() {
  const { settings, timeZone, lang } = useAgentSettings();
  const rows = useLiveQuery(() => db.feedback.toArray(), []);
  const [error, setError] = useState('');
  const [view, setView] = useState<'list' | 'meeting'>('list');
  const now = useNow(60_000);
  const shortcut = useShortcut('log-feedback');
  const onError = useCallback((e: unknown) => {
    console.error('[huashu]', e);
    setError(t('errStorage'));
  }, []);
  const policy = useMemo(
    () => ({ feedbackDueDays: settings.feedbackDueDays, holidays: settings.holidays, timeZone }),
    [settings.feedbackDueDays, settings.holidays, timeZone],
  );
  if (rows === undefined) return <p className="hs-muted" data-testid="feedback-loading" />;
  const day = () => isoDay(civilDateOf(Date.now(), timeZone));

  return (
    <div className="hs-feedback" data-testid="feedback-tab">
      <div className="hs-feedback-views" role="group">
        {(['list', 'meeting'] as const).map((v) => (
          <button key={v} data-testid={`feedback-view-${v}`} aria-pressed={view === v} onClick={() => setView(v)}>
            {t(v === 'list' ? 'fbViewList' : 'fbViewMeeting')}
          </button>
        ))}
      </div>
      <div className="hs-feedback-head">
        <span data-testid="feedback-total">
          {t('feedbackTotal')} {rows.length}
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
      <FeedbackFileBar db={db} agent={settings.agentName} timeZone={timeZone} onError={onError} />
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
      {view === 'meeting' ? (
        <MeetingView rows={rows} timeZone={timeZone} lang={lang} now={now} />
      ) : (
        <FeedbackList rows={rows} db={db} timeZone={timeZone} lang={lang} now={now} policy={policy} onError={onError} />
      )}
    </div>
  );
}
