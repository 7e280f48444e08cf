/**
 * Background wiring of pack subscriptions (lib/library/subscription/): checks at browser start-up, on install
 * and every few hours (alarm), the side panel's messages (extension pages only), and the badge while an update
 * waits. The fetch is here, in the service worker, under the CSP's connect-src and the host permission of the
 * subscribed site; nothing else of Huashu's reaches the network.
 */
import { browser } from 'wxt/browser';
import { db } from '@/lib/db/db';
import { newUid } from '@/lib/db/rows';
import { t } from '@/lib/i18n';
import { createSubscriptionManager, type SubscriptionManager } from '@/lib/library/subscription/manager';
import { savePendingFile, subscriptionsItem } from '@/lib/library/subscription/store';
import type { Subscription } from '@/lib/library/subscription/check';
import { onMessage } from '@/lib/messaging';
import { showBadgePart } from './badge';
import { engineCache } from './library';
import { fromExtensionPage } from './senders';

export const ALARM_SUBSCRIPTIONS = 'huashu:subscriptions';
/** How often subscribed files are checked (minutes). */
export const SUBSCRIPTION_PERIOD_MINUTES = 180;

export let subscriptions: SubscriptionManager | null = null;

async function ensureAlarm() {
  if (!(await browser.alarms.get(ALARM_SUBSCRIPTIONS)))
    await browser.alarms.create(ALARM_SUBSCRIPTIONS, {
      delayInMinutes: SUBSCRIPTION_PERIOD_MINUTES,
      periodInMinutes: SUBSCRIPTION_PERIOD_MINUTES,
    });
}

function showWaiting(list: Subscription[]) {
  const waiting = list.filter((s) => s.pending);
  void showBadgePart(
    'subscriptions',
    waiting.length ? { text: '↓', color: '#0969da', title: t('subBadgeTitle', waiting.length) } : null,
  ).catch(() => {});
}

export function setupSubscriptions() {
  const manager = createSubscriptionManager({
    db,
    fetch: (url, init) => fetch(url, init),
    now: () => Date.now(),
    newId: () => newUid(),
    hasPermission: (pattern) => browser.permissions.contains({ origins: [pattern] }),
    saveFile: savePendingFile,
    onLibraryChanged: () => {
      engineCache.invalidate();
      engineCache.get().catch((e) => console.error('[huashu] engine rebuild failed', e));
    },
  });
  subscriptions = manager;
  const checkAll = () => void manager.check().catch((e) => console.error('[huashu] subscription check', e));

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM_SUBSCRIPTIONS) checkAll();
  });
  browser.runtime.onStartup.addListener(checkAll);
  browser.runtime.onInstalled.addListener(() => {
    void ensureAlarm();
    checkAll();
  });
  void ensureAlarm();

  onMessage('subscriptionAdd', async ({ data, sender }) => {
    if (!fromExtensionPage(sender, 'subscriptionAdd')) return { ok: false, error: 'refused' };
    return manager.add(data.url, data.autoApply);
  });
  onMessage('subscriptionCheck', async ({ data, sender }) => {
    if (fromExtensionPage(sender, 'subscriptionCheck')) await manager.check(data.id, { force: true });
  });
  onMessage('subscriptionSetAuto', async ({ data, sender }) => {
    if (fromExtensionPage(sender, 'subscriptionSetAuto')) await manager.setAuto(data.id, data.autoApply);
  });
  onMessage('subscriptionApplied', async ({ data, sender }) => {
    if (fromExtensionPage(sender, 'subscriptionApplied')) await manager.applied(data.id, data.hash);
  });
  onMessage('subscriptionRemove', async ({ data, sender }) => {
    if (!fromExtensionPage(sender, 'subscriptionRemove')) return;
    const removed = await manager.remove(data.id);
    if (removed) await releasePermission(removed.pattern, await manager.list());
  });

  void subscriptionsItem.getValue().then(showWaiting);
  subscriptionsItem.watch((list) => showWaiting(list ?? []));
}

/**
 * Give the site's permission back unless another subscription or an enabled console uses it. The manifest's
 * own hosts (the demo origins) cannot be removed; that refusal is expected.
 */
async function releasePermission(pattern: string, left: Subscription[]) {
  if (left.some((s) => s.pattern === pattern)) return;
  if (await db.sites.get(pattern)) return;
  await browser.permissions.remove({ origins: [pattern] }).catch(() => false);
}
