/**
 * Background wiring of console sites: which profile a page gets (`getPageConfig`), enabling a site at
 * runtime (the side panel obtains the optional host permission under the agent's click, then this
 * registers the same content script for it), disabling, and taught profiles (stored in `sites`).
 * Registrations persist across sessions; on start they are re-synced with the `sites` table.
 */
import { browser } from 'wxt/browser';
import { db } from '@/lib/db/db';
import { onMessage } from '@/lib/messaging';
import { sitePattern } from '@/lib/consoles/match-pattern';
import { consoleProfileSchema } from '@/lib/pack/schema';
import { senderSite, taughtMatchesAllowed } from '@/lib/sender';
import { CONTENT_SCRIPT_FILE, isBuiltIn, registrationId, resolvePageConfig } from '@/lib/sites';
import { engineCache, libraryReady } from './library';
import { extensionOrigin, fromExtensionPage } from './senders';

async function pageConfig(url: string) {
  // Not before the default pack is installed: an engine built from the empty library would be cached and
  // answer the page's first messages with nothing until the next rebuild.
  await libraryReady;
  const [sites, { packs }] = await Promise.all([db.sites.toArray(), engineCache.get()]);
  return resolvePageConfig(url, sites, packs);
}

async function hasPermission(pattern: string): Promise<boolean> {
  return browser.permissions.contains({ origins: [pattern] });
}

async function register(pattern: string) {
  const id = registrationId(pattern);
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [id] });
  // allFrames: chat panes often live in an iframe; each frame's own URL must match (an enabled site).
  const script = {
    id,
    matches: [pattern],
    js: [CONTENT_SCRIPT_FILE],
    runAt: 'document_idle' as const,
    allFrames: true,
    // Frames the page writes itself (about:blank, srcdoc, blob:) belong to the page's site.
    matchOriginAsFallback: true,
  };
  // Updating also moves registrations persisted by older versions (top frame only) to all frames.
  if (existing.length) await browser.scripting.updateContentScripts([script]);
  else await browser.scripting.registerContentScripts([{ ...script, persistAcrossSessions: true }]);
}

async function unregister(pattern: string) {
  const id = registrationId(pattern);
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [id] });
  if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [id] });
}

/** Registered scripts = enabled sites whose permission is still granted. */
export async function syncRegistrations() {
  const sites = await db.sites.toArray();
  for (const site of sites) {
    if (isBuiltIn(site.pattern.replace('/*', '/'))) continue;
    if (await hasPermission(site.pattern)) await register(site.pattern);
    else await unregister(site.pattern);
  }
}

export function setupSites() {
  onMessage('getPageConfig', ({ data }) => pageConfig(data.url));

  onMessage('siteStatus', async ({ data }) => {
    const pattern = sitePattern(data.url);
    const builtIn = isBuiltIn(data.url);
    const row = pattern ? await db.sites.get(pattern) : undefined;
    const enabled = !!row && !!pattern && !builtIn && (await hasPermission(pattern));
    return { pattern, builtIn, enabled, config: await pageConfig(data.url) };
  });

  // Only the side panel enables a site (under the agent's click on the permission prompt).
  onMessage('enableSite', async ({ data, sender }) => {
    if (!fromExtensionPage(sender, 'enableSite')) return { ok: false, error: 'refused' };
    const { pattern, tabId } = data;
    if (!(await hasPermission(pattern))) return { ok: false, error: 'permission' };
    const row = await db.sites.get(pattern);
    await db.sites.put({ ...row, pattern, enabledAt: Date.now() });
    await register(pattern);
    // Start on the open page now, without a reload (a second copy replaces the first: WXT's ctx), in
    // every frame Huashu may access. Not awaited for long: with allFrames the call can hang on some pages.
    if (tabId !== undefined)
      await Promise.race([
        browser.scripting
          .executeScript({ target: { tabId, allFrames: true }, files: [CONTENT_SCRIPT_FILE] })
          .catch((e) => console.warn('[huashu] could not start on the open tab', e)),
        new Promise((ok) => setTimeout(ok, 3000)),
      ]);
    return { ok: true };
  });

  // The side panel's site bar and the options page's site list.
  onMessage('disableSite', async ({ data, sender }) => {
    if (!fromExtensionPage(sender, 'disableSite')) return;
    await unregister(data.pattern);
    await db.sites.delete(data.pattern);
    await browser.permissions.remove({ origins: [data.pattern] }).catch(() => false);
  });

  // Teach mode runs in the content script: it may save a profile for the site it runs on, nothing else.
  onMessage('saveTaughtProfile', async ({ data, sender }) => {
    const parsed = consoleProfileSchema.safeParse(data.profile);
    if (!parsed.success || !taughtMatchesAllowed(parsed.data.matches, sender, extensionOrigin())) {
      console.warn('[huashu] taught profile refused for', senderSite(sender), data.profile?.matches);
      return { ok: false, error: 'refused' };
    }
    const profile = parsed.data;
    const pattern = profile.matches[0];
    const row = await db.sites.get(pattern);
    await db.sites.put({ pattern, enabledAt: row?.enabledAt ?? Date.now(), profile });
    return { ok: true };
  });

  browser.permissions.onRemoved.addListener(({ origins }) => {
    for (const o of origins ?? []) unregister(o).catch((e) => console.warn('[huashu] unregister', e));
  });
  syncRegistrations().catch((e) => console.error('[huashu] could not re-register enabled sites', e));
}
