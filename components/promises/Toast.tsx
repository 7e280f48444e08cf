/**
 * The small confirmation on the console page (inside Huashu's own shadow root): what was logged, with
 * Undo and Edit; the department of a feedback entry (editable); the "log this promise" offer; or why
 * nothing was logged. Never a dialog: it does not take the focus from the reply box. Only real input acts
 * (lib/trusted.ts): a page script clicking Undo, Edit, Save or the offer changes nothing.
 */
import { useEffect, useRef, useState } from 'react';
import type { FeedbackRow, PromiseRow } from '@/lib/db/schema';
import { ALL_DEPARTMENTS } from '@/lib/feedback/departments';
import { departmentLabel, topicLabel } from '@/lib/feedback/departments';
import { t, type MessageKey } from '@/lib/i18n';
import { formatDue, fromDateTimeLocal, toDateTimeLocal, type Lang } from '@/lib/time/format';
import type { LogError, PageCapture } from '@/lib/capture';
import { MAX_TEXT } from '@/lib/db/rows';
import { isTrusted, trusted } from '@/lib/trusted';

/**
 * Beyond the background's own errors: `disconnected` — the extension context is gone before anything was
 * sent (reload the page; nothing logged); `disconnectedUnsure` — gone after an attempt left (reload, and check
 * the Promises tab before logging it again); `unconfirmed` — the background did not answer any retry (the
 * toast offers Retry with the same uid, which cannot store it twice).
 */
export type ToastError = LogError | 'disconnected' | 'disconnectedUnsure' | 'unconfirmed' | 'notConsole';

export type ToastState =
  | { kind: 'promise'; promise: PromiseRow; note?: 'saved' }
  | { kind: 'feedback'; feedback: FeedbackRow }
  | { kind: 'offer'; text: string; due: number; dueExplicit: boolean }
  | { kind: 'undone'; what?: 'promise' | 'feedback' }
  | { kind: 'error'; error: ToastError; what: 'promise' | 'feedback'; retry?: PageCapture };

export interface ToastProps {
  state: ToastState;
  lang: Lang;
  timeZone: string;
  now: number;
  onUndo(): void;
  onEditPromise(patch: { text: string; due: number }): void;
  onChangeDepartment(department: string): void;
  onLogOffer(): void;
  /** The Retry of an unconfirmed logging (same uid and key). */
  onRetry?(): void;
  onClose(): void;
}

const ERROR_KEYS: Record<ToastError, MessageKey> = {
  noConversation: 'errNoConversation',
  empty: 'errEmptyPromise',
  quota: 'errQuota',
  storage: 'errStorage',
  notFound: 'errNotFound',
  disconnected: 'errDisconnected',
  disconnectedUnsure: 'errDisconnectedUnsure',
  unconfirmed: 'errUnconfirmed',
  refused: 'errRefused',
  notConsole: 'errNotConsole',
};

/** How long a toast stays when the agent does not touch it (ms). */
const LIFETIME: Record<ToastState['kind'], number> = {
  promise: 8000,
  feedback: 10_000,
  offer: 20_000,
  undone: 4000,
  error: 12_000,
};

export function errorMessage(error: ToastError, what: 'promise' | 'feedback'): string {
  if (error === 'empty' && what === 'feedback') return t('errEmptyFeedback');
  return t(ERROR_KEYS[error]);
}

export function Toast(props: ToastProps) {
  const { state, onClose } = props;
  const [editing, setEditing] = useState(false);
  const [hovered, setHovered] = useState(false);
  const closeRef = useRef(onClose);
  useEffect(() => {
    closeRef.current = onClose;
  }, [onClose]);

  // Auto-hide, paused while the agent hovers or edits.
  useEffect(() => {
    if (editing || hovered) return;
    const timer = setTimeout(() => closeRef.current(), LIFETIME[state.kind]);
    return () => clearTimeout(timer);
  }, [state, editing, hovered]);

  return (
    <div
      className={`hs-toast hs-toast-${state.kind}`}
      data-testid="huashu-toast"
      data-kind={state.kind}
      data-uid={
        state.kind === 'promise' ? state.promise.uid : state.kind === 'feedback' ? state.feedback.uid : undefined
      }
      role={state.kind === 'error' ? 'alert' : 'status'}
      aria-live="polite"
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
    >
      <button
        className="hs-toast-close"
        data-testid="toast-close"
        aria-label={t('toastClose')}
        onClick={trusted(onClose)}
      >
        ×
      </button>
      <Body {...props} editing={editing} setEditing={setEditing} />
    </div>
  );
}

function Body(props: ToastProps & { editing: boolean; setEditing(v: boolean): void }) {
  const { state, lang, timeZone, now } = props;
  switch (state.kind) {
    case 'promise':
      return props.editing ? (
        <EditPromise {...props} promise={state.promise} />
      ) : (
        <>
          <p className="hs-toast-title">
            ✓ {t('toastPromiseLogged')}
            {state.note === 'saved' ? ` · ${t('toastSaved')}` : ''}
          </p>
          <p className="hs-toast-text" data-testid="toast-text">
            {shorten(state.promise.text)}
          </p>
          <p className="hs-toast-meta" data-testid="toast-meta">
            <span data-testid="toast-due">{t('toastDue', formatDue(state.promise.due, now, timeZone, lang))}</span>
            {state.promise.dueExplicit === false && <span> ({t('toastDueDefault')})</span>}
            {state.promise.buyer && <span> · {state.promise.buyer}</span>}
            {state.promise.orderId && (
              <span>
                {' '}
                · {t('labelOrder')} {state.promise.orderId}
              </span>
            )}
          </p>
          {state.promise.truncatedFrom && (
            <p className="hs-toast-warn" data-testid="toast-truncated">
              {t('toastTruncated', MAX_TEXT, state.promise.truncatedFrom)}
            </p>
          )}
          <div className="hs-toast-actions">
            <button data-testid="toast-undo" onClick={trusted(props.onUndo)}>
              {t('toastUndo')}
            </button>
            <button data-testid="toast-edit" onClick={trusted(() => props.setEditing(true))}>
              {t('toastEdit')}
            </button>
          </div>
        </>
      );
    case 'feedback':
      return (
        <>
          <p className="hs-toast-title">✓ {t('toastFeedbackLogged')}</p>
          <p className="hs-toast-text" data-testid="toast-text">
            {shorten(state.feedback.text)}
          </p>
          <label className="hs-toast-field">
            {t('toastDepartment')}{' '}
            <select
              data-testid="toast-department"
              value={state.feedback.department}
              onChange={(e) => props.onChangeDepartment(e.target.value)}
            >
              {ALL_DEPARTMENTS.map((d) => (
                <option key={d.id} value={d.id}>
                  {departmentLabel(d.id, lang)}
                </option>
              ))}
            </select>{' '}
            <span className="hs-toast-meta" data-testid="toast-topic">
              {topicLabel(state.feedback.topic, lang)}
            </span>
          </label>
          {state.feedback.truncatedFrom && (
            <p className="hs-toast-warn" data-testid="toast-truncated">
              {t('toastTruncated', MAX_TEXT, state.feedback.truncatedFrom)}
            </p>
          )}
          <div className="hs-toast-actions">
            <button data-testid="toast-undo" onClick={trusted(props.onUndo)}>
              {t('toastUndo')}
            </button>
          </div>
        </>
      );
    case 'offer':
      return (
        <>
          <p className="hs-toast-title">{t('toastOfferTitle')}</p>
          <p className="hs-toast-text" data-testid="toast-text">
            {shorten(state.text)}
          </p>
          <p className="hs-toast-meta">
            {t('toastDue', formatDue(state.due, now, timeZone, lang))}
            {!state.dueExplicit && ` (${t('toastDueDefault')})`}
          </p>
          <div className="hs-toast-actions">
            <button className="hs-primary" data-testid="toast-offer-log" onClick={trusted(props.onLogOffer)}>
              {t('toastOfferLog')}
            </button>
          </div>
        </>
      );
    case 'undone':
      // An undone promise is kept (restorable in the Promises tab); undone feedback is removed.
      return <p className="hs-toast-title">{t(state.what === 'feedback' ? 'toastUndoneFeedback' : 'toastUndone')}</p>;
    case 'error':
      return (
        <>
          <p className="hs-toast-error" data-testid="toast-error" data-error={state.error}>
            {errorMessage(state.error, state.what)}
          </p>
          {state.retry && props.onRetry && (
            <div className="hs-toast-actions">
              <button className="hs-primary" data-testid="toast-retry" onClick={trusted(props.onRetry)}>
                {t('toastRetry')}
              </button>
            </div>
          )}
        </>
      );
  }
}

function EditPromise(props: ToastProps & { promise: PromiseRow; setEditing(v: boolean): void }) {
  const { promise, timeZone } = props;
  const [text, setText] = useState(promise.text);
  const [due, setDue] = useState(toDateTimeLocal(promise.due, timeZone));
  const dueEpoch = fromDateTimeLocal(due, timeZone);
  return (
    <form
      className="hs-toast-edit"
      // A submit event is trusted even when a page script caused it (`button.click()`, `requestSubmit()`):
      // saving goes by the Save button's click instead (Enter in a field clicks it too).
      onSubmit={(e) => e.preventDefault()}
    >
      <label className="hs-toast-field">
        {t('labelText')}
        <textarea data-testid="toast-edit-text" value={text} rows={3} onChange={(e) => setText(e.target.value)} />
      </label>
      <label className="hs-toast-field">
        {t('labelDue')}
        <input
          data-testid="toast-edit-due"
          type="datetime-local"
          value={due}
          onChange={(e) => setDue(e.target.value)}
        />
      </label>
      <div className="hs-toast-actions">
        <button
          type="submit"
          className="hs-primary"
          data-testid="toast-save"
          disabled={!text.trim() || Number.isNaN(dueEpoch)}
          onClick={(e) => {
            e.preventDefault();
            if (!isTrusted(e) || !text.trim() || Number.isNaN(dueEpoch)) return;
            props.onEditPromise({ text, due: dueEpoch });
            props.setEditing(false);
          }}
        >
          {t('toastSave')}
        </button>
        <button type="button" data-testid="toast-cancel" onClick={trusted(() => props.setEditing(false))}>
          {t('toastCancel')}
        </button>
      </div>
    </form>
  );
}

function shorten(text: string, max = 140): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : text;
}
