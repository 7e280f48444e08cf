/**
 * One promise in the side panel: buyer, order, text, due time, console; Done / Reopen, Edit, Snooze,
 * Open conversation — and, in the evening review, Carry over and Add note. Every row is a
 * [data-testid="promise-row"] (automation contract).
 */
import { memo, useState } from 'react';
import type { HuashuDB } from '@/lib/db/db';
import type { PromiseRow as Row } from '@/lib/db/schema';
import { t } from '@/lib/i18n';
import { formatDue, formatWall, fromDateTimeLocal, toDateTimeLocal, type Lang } from '@/lib/time/format';
import { carryOverDue, snoozeChoices, type Bucket, type ShiftSettings } from '@/lib/promises/review';
import { addNote, carryOver, editPromise, markDone, reopen, snooze } from '@/lib/promises/store';
import { openConversation } from './openConversation';
import { sendMessage, type ContactResult } from '@/lib/messaging';

export interface RowContext {
  db: HuashuDB;
  now: number;
  timeZone: string;
  lang: Lang;
  settings: ShiftSettings;
  /** The agent's name (Settings): recorded as who closed a promise; other owners are shown. */
  agent: string;
  /** Shows a failed write (quota, storage) to the agent. */
  onError(e: unknown): void;
}

interface Props {
  p: Row;
  bucket: Bucket;
  ctx: RowContext;
  review?: boolean;
}

function consoleName(p: Row): string {
  if (p.consoleId && p.consoleId !== 'generic') return p.consoleId;
  try {
    return p.url ? new URL(p.url).host : '';
  } catch {
    return '';
  }
}

export const PromiseRow = memo(function PromiseRow({ p, bucket, ctx, review }: Props) {
  const [editing, setEditing] = useState(false);
  const { db, now, timeZone, lang } = ctx;
  const run = (fn: () => Promise<unknown>) => void fn().catch(ctx.onError);
  return (
    <li
      className={`hs-promise hs-promise-${bucket}`}
      data-testid="promise-row"
      data-uid={p.uid}
      data-status={p.status}
      data-bucket={bucket}
      data-due={p.due}
    >
      <div className="hs-promise-head">
        <span className="hs-promise-buyer" data-testid="promise-buyer">
          {p.buyer ?? '—'}
        </span>
        {p.orderId && (
          <span className="hs-promise-order" data-testid="promise-order" title={t('labelOrder')}>
            #{p.orderId}
          </span>
        )}
        <span
          className="hs-promise-due"
          data-testid="promise-due"
          title={`${formatWall(p.due, timeZone)} (${timeZone})${p.dueExplicit === false ? ` — ${t('toastDueDefault')}` : ''}`}
        >
          {formatDue(p.due, now, timeZone, lang)}
          {p.dueExplicit === false && '*'}
        </span>
      </div>
      {editing ? (
        <EditForm p={p} ctx={ctx} onDone={() => setEditing(false)} />
      ) : (
        <p className="hs-promise-text" data-testid="promise-text">
          {p.text}
        </p>
      )}
      <div className="hs-promise-meta">
        {consoleName(p) && <span data-testid="promise-console">{consoleName(p)}</span>}
        {p.truncatedFrom && <span className="hs-warn">{t('truncatedNote', p.truncatedFrom)}</span>}
        {!!p.carriedOver && <span>{t('carriedOverTimes', p.carriedOver)}</span>}
        {p.owner && p.owner !== ctx.agent && (
          <span className="hs-promise-owner" data-testid="promise-owner" data-owner={p.owner}>
            {t('promiseOwner', p.owner)}
          </span>
        )}
        {p.status === 'done' && p.closedBy && (
          <span data-testid="promise-closed-by" data-closed-by={p.closedBy}>
            {t('promiseClosedBy', p.closedBy)}
          </span>
        )}
      </div>
      {p.notes.length > 0 && (
        <ul className="hs-promise-notes" data-testid="promise-notes">
          {p.notes.map((n) => (
            <li key={n.at}>
              <time>{formatDue(n.at, now, timeZone, lang)}</time> {n.text}
            </li>
          ))}
        </ul>
      )}
      {!editing && (
        <div className="hs-promise-actions">
          {p.status === 'open' ? (
            <button
              className="hs-primary"
              data-testid="promise-done"
              onClick={() => run(() => markDone(db, p.uid, Date.now(), ctx.agent))}
            >
              {t('actionDone')}
            </button>
          ) : (
            <button data-testid="promise-reopen" onClick={() => run(() => reopen(db, p.uid, Date.now()))}>
              {t('actionReopen')}
            </button>
          )}
          <button data-testid="promise-edit" onClick={() => setEditing(true)}>
            {t('actionEdit')}
          </button>
          {p.status === 'open' && !review && (
            <select
              data-testid="promise-snooze"
              aria-label={t('actionSnooze')}
              value=""
              onChange={(e) => {
                const choice = snoozeChoices({ now: Date.now(), timeZone }, ctx.settings).find(
                  (c) => c.key === e.target.value,
                );
                if (choice) run(() => snooze(db, p.uid, choice.due, Date.now()));
              }}
            >
              <option value="">{t('actionSnooze')}…</option>
              <option value="hour">{t('snoozeHour')}</option>
              <option value="tomorrowStart">{t('snoozeTomorrowStart')}</option>
              <option value="tomorrowEnd">{t('snoozeTomorrowEnd')}</option>
            </select>
          )}
          {p.url && (
            <button data-testid="promise-open" onClick={() => run(() => openConversation(p.url!))}>
              {t('actionOpen')}
            </button>
          )}
        </div>
      )}
      {review && p.status === 'open' && <ReviewActions p={p} ctx={ctx} />}
    </li>
  );
});

function EditForm({ p, ctx, onDone }: { p: Row; ctx: RowContext; onDone(): void }) {
  const [text, setText] = useState(p.text);
  const [due, setDue] = useState(toDateTimeLocal(p.due, ctx.timeZone));
  const [buyer, setBuyer] = useState(p.buyer ?? '');
  const [orderId, setOrderId] = useState(p.orderId ?? '');
  const dueEpoch = fromDateTimeLocal(due, ctx.timeZone);
  const valid = !!text.trim() && !Number.isNaN(dueEpoch);
  return (
    <form
      className="hs-form"
      data-testid="promise-edit-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!valid) return;
        void editPromise(ctx.db, p.uid, { text, due: dueEpoch, buyer, orderId }, Date.now()).then(onDone, ctx.onError);
      }}
    >
      <label>
        {t('labelText')}
        <textarea data-testid="edit-text" rows={3} value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <label>
        {t('labelDue')}
        <input data-testid="edit-due" type="datetime-local" value={due} onChange={(e) => setDue(e.target.value)} />
      </label>
      <div className="hs-form-row">
        <label>
          {t('labelBuyer')}
          <input data-testid="edit-buyer" value={buyer} onChange={(e) => setBuyer(e.target.value)} />
        </label>
        <label>
          {t('labelOrder')}
          <input data-testid="edit-order" value={orderId} onChange={(e) => setOrderId(e.target.value)} />
        </label>
      </div>
      <div className="hs-promise-actions">
        <button type="submit" className="hs-primary" data-testid="edit-save" disabled={!valid}>
          {t('toastSave')}
        </button>
        <button type="button" data-testid="edit-cancel" onClick={onDone}>
          {t('toastCancel')}
        </button>
      </div>
    </form>
  );
}

/** "Contact the buyer": the background opens the conversation and fills the reply box (never sends). */
function ContactButton({ p }: { p: Row }) {
  const [result, setResult] = useState<ContactResult & { busy?: boolean }>();
  if (!p.url) return null;
  return (
    <>
      <button
        data-testid="promise-contact"
        disabled={result?.busy}
        onClick={() => {
          setResult({ ok: false, busy: true });
          void sendMessage('contactBuyer', { uid: p.uid }).then(setResult, (e: unknown) =>
            setResult({ ok: false, error: String(e) }),
          );
        }}
      >
        {t('actionContact')}
      </button>
      {result && !result.busy && (
        <span
          className={result.ok ? 'hs-ok' : 'hs-error'}
          role="status"
          data-testid="promise-contact-result"
          data-ok={result.ok ? '1' : '0'}
        >
          {result.ok ? t('contactDone') : t('contactFailed', result.error ?? '')}
        </span>
      )}
    </>
  );
}

/** Evening review: carry over with a new due time (end of tomorrow's shift by default) and/or add a note. */
function ReviewActions({ p, ctx }: { p: Row; ctx: RowContext }) {
  const [due, setDue] = useState(() =>
    toDateTimeLocal(carryOverDue({ now: ctx.now, timeZone: ctx.timeZone }, ctx.settings), ctx.timeZone),
  );
  const [note, setNote] = useState('');
  const dueEpoch = fromDateTimeLocal(due, ctx.timeZone);
  return (
    <div className="hs-review-actions">
      <label>
        {t('reviewCarryTo')}{' '}
        <input
          data-testid="review-carry-due"
          type="datetime-local"
          value={due}
          onChange={(e) => setDue(e.target.value)}
        />
      </label>
      <input
        data-testid="review-note"
        placeholder={t('notePlaceholder')}
        value={note}
        onChange={(e) => setNote(e.target.value)}
      />
      <div className="hs-promise-actions">
        <button
          data-testid="review-carry"
          disabled={Number.isNaN(dueEpoch)}
          onClick={() => void carryOver(ctx.db, p.uid, dueEpoch, Date.now(), note).then(() => setNote(''), ctx.onError)}
        >
          {t('reviewCarry')}
        </button>
        <button
          data-testid="review-add-note"
          disabled={!note.trim()}
          onClick={() => void addNote(ctx.db, p.uid, note, Date.now()).then(() => setNote(''), ctx.onError)}
        >
          {t('reviewAddNote')}
        </button>
        <ContactButton p={p} />
      </div>
    </div>
  );
}
