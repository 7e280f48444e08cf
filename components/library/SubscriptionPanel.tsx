/**
 * Scripts tab › pack subscriptions: subscribe to the address where the lead publishes the pack file, see each
 * subscription's last check in plain words, check now, switch "apply automatically", unsubscribe. The banner
 * (SubscriptionBanner) offers a waiting update to the import preview. The background does the fetching and
 * owns the list (entrypoints/background/subscriptions.ts); this view reads it from storage and sends messages.
 */
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { getLocale, t, type MessageKey } from '@/lib/i18n';
import { checkAddress } from '@/lib/library/subscription/address';
import { FAILURES, type Subscription } from '@/lib/library/subscription/check';
import { readPendingFile, subscriptionsItem } from '@/lib/library/subscription/store';
import { sendMessage } from '@/lib/messaging';
import { resolveTimeZone } from '@/lib/time/civil';
import { formatDue } from '@/lib/time/format';
import type { ImportOffer } from './ImportPanel';

/** What the panel needs from the browser; component tests pass fakes. */
export interface SubscriptionPorts {
  /** Chrome's prompt for one site: call it straight from the click (a user gesture). */
  requestPermission: (pattern: string) => Promise<boolean>;
  send: typeof sendMessage;
}

const defaultPorts: SubscriptionPorts = {
  requestPermission: (pattern) => browser.permissions.request({ origins: [pattern] }).catch(() => false),
  send: sendMessage,
};

export function useSubscriptions(): Subscription[] {
  const [list, setList] = useState<Subscription[]>([]);
  useEffect(() => {
    let live = true;
    void subscriptionsItem.getValue().then((l) => live && setList(l));
    const unwatch = subscriptionsItem.watch((l) => setList(l ?? []));
    return () => {
      live = false;
      unwatch();
    };
  }, []);
  return list;
}

/** "Checked today 14:05: the file is not on the server (404); the installed version is kept — 404". */
export function statusText(sub: Subscription): string {
  if (!sub.last) return t('subNeverChecked');
  const when = formatDue(sub.last.at, Date.now(), resolveTimeZone(''), getLocale());
  const words = t(`subResult_${sub.last.result}` as MessageKey);
  return t('subStatus', when, sub.last.detail ? `${words} — ${sub.last.detail}` : words);
}

export function SubscriptionPanel({ ports = defaultPorts }: { ports?: SubscriptionPorts }) {
  const list = useSubscriptions();
  const [url, setUrl] = useState('');
  const [auto, setAuto] = useState(false);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState<string | null>(null);

  function onAdd() {
    setError('');
    const address = checkAddress(url);
    if (!address.ok) return setError(t(`subAddError_${address.error}` as MessageKey));
    setBusy('add');
    // The permission prompt first, synchronously inside the click.
    void ports
      .requestPermission(address.pattern)
      .then(async (granted) => {
        if (!granted) return setError(t('subAddError_permission'));
        const r = await ports.send('subscriptionAdd', { url: address.url, autoApply: auto });
        if (!r.ok) return setError(t(`subAddError_${r.error ?? 'refused'}` as MessageKey));
        setUrl('');
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))
      .finally(() => setBusy(null));
  }

  const act = (id: string, fn: () => Promise<unknown>) => {
    setBusy(id);
    void fn()
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))
      .finally(() => setBusy(null));
  };

  return (
    <section className="hs-card" data-testid="subscription-section">
      <h3>{t('subTitle')}</h3>
      <p className="hs-muted">{t('subHelp')}</p>
      <div className="hs-actions">
        <input
          type="url"
          className="hs-grow"
          placeholder="https://…/team.huashu-pack.json"
          value={url}
          data-testid="subscription-url"
          onChange={(e) => setUrl(e.target.value)}
        />
        <label>
          <input
            type="checkbox"
            checked={auto}
            data-testid="subscription-auto-new"
            onChange={(e) => setAuto(e.target.checked)}
          />
          {t('subAutoNew')}
        </label>
        <button
          className="hs-primary"
          data-testid="subscription-add"
          disabled={!url.trim() || busy === 'add'}
          onClick={onAdd}
        >
          {t('subAdd')}
        </button>
      </div>
      {error && (
        <p role="alert" className="hs-errors" data-testid="subscription-error">
          {error}
        </p>
      )}
      {list.length === 0 && <p className="hs-muted">{t('subNone')}</p>}
      <ul className="hs-subscriptions">
        {list.map((s) => (
          <li
            key={s.id}
            data-testid="subscription-row"
            data-id={s.id}
            data-result={s.last?.result ?? ''}
            data-failed={s.last ? FAILURES.includes(s.last.result) : false}
            data-waiting={!!s.pending}
          >
            <code className="hs-break">{s.url}</code>
            {s.packId && <span className="hs-muted"> · {t('subPack', s.packName ?? s.packId)}</span>}
            <p
              className={s.last && FAILURES.includes(s.last.result) ? 'hs-errors' : 'hs-muted'}
              data-testid="subscription-status"
              role="status"
            >
              {busy === s.id ? t('subChecking') : statusText(s)}
            </p>
            <div className="hs-actions hs-small">
              <button
                data-testid="subscription-check"
                disabled={busy === s.id}
                onClick={() => act(s.id, () => ports.send('subscriptionCheck', { id: s.id }))}
              >
                {t('subCheck')}
              </button>
              <label>
                <input
                  type="checkbox"
                  checked={s.autoApply}
                  data-testid="subscription-auto"
                  onChange={(e) =>
                    act(s.id, () => ports.send('subscriptionSetAuto', { id: s.id, autoApply: e.target.checked }))
                  }
                />
                {t('subAuto')}
              </label>
              <button
                data-testid="subscription-remove"
                onClick={() => act(s.id, () => ports.send('subscriptionRemove', { id: s.id }))}
              >
                {t('subRemove')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The update waiting first, as an import offer (its file goes through the import preview like a picked file). */
export function offerOf(sub: Subscription, send: typeof sendMessage = sendMessage): ImportOffer | null {
  const pending = sub.pending;
  if (!pending) return null;
  return {
    key: `${sub.id}:${pending.hash}:${Date.now()}`,
    name: `${pending.packId}.json`,
    bytes: async () => {
      const text = await readPendingFile(sub.id);
      if (text === null) throw new Error(t('subResult_unchanged'));
      return new TextEncoder().encode(text).buffer;
    },
    onApplied: () => void send('subscriptionApplied', { id: sub.id, hash: pending.hash }).catch(() => {}),
  };
}

/** Shown at the top of the Scripts tab while an update waits (the toolbar badge shows ↓ meanwhile). */
export function SubscriptionBanner({ onReview }: { onReview: (sub: Subscription) => void }) {
  const waiting = useSubscriptions().filter((s) => s.pending);
  if (!waiting.length) return null;
  return (
    <div className="hs-note hs-banner" role="status" data-testid="subscription-update">
      {waiting.map((s) => {
        const p = s.pending!;
        return (
          <p key={s.id} data-testid="subscription-update-item" data-id={s.id} data-pack-id={p.packId}>
            {t('subUpdateBanner', p.packName, p.counts.added, p.counts.changed, p.counts.removed)}
            {p.conflicts > 0 && t('subUpdateConflicts', p.conflicts)}{' '}
            <button className="hs-primary" data-testid="subscription-review" onClick={() => onReview(s)}>
              {t('subReview')}
            </button>
          </p>
        );
      })}
    </div>
  );
}
