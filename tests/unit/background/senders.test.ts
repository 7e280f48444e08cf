/**
 * Issue 12 item 8, through the background's real message handlers on WXT's fake browser: a content script
 * (a sender whose URL is a web page, with `sender.tab` set) cannot enable or disable a site, nor save a taught
 * profile for another site or `<all_urls>`; its own site's profile is saved (teach mode keeps working); an
 * extension page opened in a tab (the side panel page) is not a content script. A tab cannot undo or edit
 * a promise (or feedback entry) another tab logged, even knowing its uid, nor log under that uid.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setupFeedback } from '@/entrypoints/background/feedback';
import { setupPromises } from '@/entrypoints/background/promise-log';
import { setupSites } from '@/entrypoints/background/sites';
import { db } from '@/lib/db/db';
import { removeAllListeners } from '@/lib/messaging';
import { isExtensionPage, senderSite, taughtMatchesAllowed } from '@/lib/sender';
import type { ConsoleProfile } from '@/lib/pack/schema';

const SITE = 'https://desk.example.com/*';
const PANEL = { id: 'test-extension-id', url: 'chrome-extension://test-extension-id/sidepanel.html', tab: { id: 9 } };
const tab = (id: number, url = 'https://desk.example.com/chat/1') => ({
  id: 'test-extension-id',
  url,
  tab: { id, url },
});

/** Send a message to the background's listeners as `sender`, the way @webext-core/messaging frames it. */
function send<T>(type: string, data: unknown, sender: object): Promise<T> {
  return new Promise((resolve, reject) => {
    const respond = (r: { res?: T; err?: unknown }) => (r.err ? reject(r.err) : resolve(r.res as T));
    void fakeBrowser.runtime.onMessage.trigger({ id: 1, type, data, timestamp: Date.now() }, sender, respond);
  });
}

const profile = (matches: string[]): ConsoleProfile =>
  ({
    id: 'taught-desk',
    name: 'desk',
    matches,
    messageList: '.log',
    message: '.msg',
    buyerMessage: '.msg.buyer',
    replyBox: '#reply',
    verified: false,
  }) as ConsoleProfile;

beforeAll(() => {
  fakeBrowser.permissions.contains = vi.fn(async () => true);
  fakeBrowser.permissions.remove = vi.fn(async () => true);
  fakeBrowser.scripting.getRegisteredContentScripts = vi.fn(async () => []);
  fakeBrowser.scripting.registerContentScripts = vi.fn(async () => {});
  fakeBrowser.scripting.unregisterContentScripts = vi.fn(async () => {});
  fakeBrowser.scripting.executeScript = vi.fn(async () => []);
  // Listeners the fake browser does not implement: the handlers under test do not need them.
  const noEvent = { addListener: vi.fn(), removeListener: vi.fn(), hasListener: vi.fn(() => false) };
  Object.assign(fakeBrowser.permissions, { onRemoved: noEvent });
  Object.assign(fakeBrowser, { commands: { onCommand: noEvent, getAll: vi.fn(async () => []) } });
  Object.assign(fakeBrowser.notifications, { onClicked: noEvent });
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  setupSites();
  setupPromises();
  setupFeedback();
});
afterAll(() => removeAllListeners());
beforeEach(async () => {
  await db.sites.clear();
  await db.promises.clear();
  await db.feedback.clear();
});

describe('sender rules (lib/sender.ts)', () => {
  const origin = 'chrome-extension://abc/';
  it.each([
    [{ url: 'chrome-extension://abc/sidepanel.html', tab: { id: 1 } }, true],
    [{ url: 'chrome-extension://abc/options.html' }, true],
    [{ url: 'chrome-extension://other/sidepanel.html' }, false],
    [{ url: 'https://desk.example.com/', tab: { id: 1 } }, false],
    [{ tab: { id: 1, url: 'chrome-extension://abc/x.html' } }, false],
    [{}, false],
  ])('isExtensionPage(%j) = %s', (sender, yes) => expect(isExtensionPage(sender, origin)).toBe(yes));

  it('binds taught matches to the sender’s site; <all_urls> and invalid patterns never', () => {
    const cs = { url: 'https://desk.example.com:8443/chat?x=1', tab: { id: 1 } };
    expect(senderSite(cs)).toBe(SITE);
    expect(taughtMatchesAllowed([SITE], cs, origin)).toBe(true);
    expect(taughtMatchesAllowed(['https://bank.example.com/*'], cs, origin)).toBe(false);
    expect(taughtMatchesAllowed([SITE, 'https://bank.example.com/*'], cs, origin)).toBe(false);
    expect(taughtMatchesAllowed(['<all_urls>'], cs, origin)).toBe(false);
    expect(taughtMatchesAllowed(['<all_urls>'], { url: 'chrome-extension://abc/sidepanel.html' }, origin)).toBe(false);
    expect(taughtMatchesAllowed(['javascript:alert(1)'], cs, origin)).toBe(false);
    expect(taughtMatchesAllowed([], cs, origin)).toBe(false);
    // A srcdoc frame reports its page's origin.
    expect(senderSite({ url: 'about:srcdoc', origin: 'https://desk.example.com' })).toBe(SITE);
  });
});

describe('site messages', () => {
  it('enableSite and disableSite from a tab are refused; from the side panel they work', async () => {
    expect(await send('enableSite', { pattern: SITE }, tab(3))).toEqual({ ok: false, error: 'refused' });
    expect(await db.sites.count()).toBe(0);
    expect(fakeBrowser.scripting.registerContentScripts).not.toHaveBeenCalled();

    expect(await send('enableSite', { pattern: SITE }, PANEL)).toEqual({ ok: true });
    expect(await db.sites.get(SITE)).toBeTruthy();

    await send('disableSite', { pattern: SITE }, tab(3));
    expect(await db.sites.get(SITE)).toBeTruthy();
    expect(fakeBrowser.permissions.remove).not.toHaveBeenCalled();
    await send('disableSite', { pattern: SITE }, PANEL);
    expect(await db.sites.get(SITE)).toBeUndefined();
  });

  it('a content script saves a taught profile for its own site only', async () => {
    expect(await send('saveTaughtProfile', { profile: profile([SITE]) }, tab(3))).toEqual({ ok: true });
    expect((await db.sites.get(SITE))?.profile?.matches).toEqual([SITE]);

    for (const matches of [['<all_urls>'], ['https://bank.example.com/*'], [SITE, '*://*/*']])
      expect(await send('saveTaughtProfile', { profile: profile(matches) }, tab(3))).toEqual({
        ok: false,
        error: 'refused',
      });
    expect((await db.sites.toArray()).map((s) => s.pattern)).toEqual([SITE]);
    // Not a profile at all.
    expect(await send('saveTaughtProfile', { profile: { matches: [SITE] } }, tab(3))).toEqual({
      ok: false,
      error: 'refused',
    });
  });
});

describe('promises belong to the tab that logged them', () => {
  const log = (sender: object, extra: object = {}) =>
    send<{ ok: boolean; promise?: { uid: string }; error?: string }>(
      'logPromise',
      { text: '明天给您补发', source: 'card', url: '', uid: 'uid-tab-one-0001', ownerKey: 'key-of-tab-one', ...extra },
      sender,
    );

  it('another tab cannot undo, edit or re-log the promise by its uid', async () => {
    await fakeBrowser.storage.local.set({ settings: { timeZone: 'Asia/Shanghai' } });
    expect((await log(tab(1))).ok).toBe(true);
    // The retry of tab 1 (same uid and key) is a success and stores nothing new.
    expect((await log(tab(1))).ok).toBe(true);
    expect(await db.promises.count()).toBe(1);

    // Tab 2 knows the uid (not the key).
    expect(await log(tab(2), { ownerKey: 'key-of-tab-two', text: '伪造' })).toEqual({ ok: false, error: 'refused' });
    expect(await send('undoPromise', { uid: 'uid-tab-one-0001' }, tab(2))).toEqual({ ok: false });
    expect(await send('undoPromise', { uid: 'uid-tab-one-0001', ownerKey: 'guess-guess' }, tab(2))).toEqual({
      ok: false,
    });
    expect(await send('updatePromise', { uid: 'uid-tab-one-0001', patch: { text: '改' } }, tab(2))).toEqual({
      ok: false,
      error: 'notFound',
    });
    expect((await db.promises.toArray())[0]).toMatchObject({ status: 'open', text: '明天给您补发' });

    // Tab 1 undoes its own.
    expect(await send('undoPromise', { uid: 'uid-tab-one-0001', ownerKey: 'key-of-tab-one' }, tab(1))).toEqual({
      ok: true,
    });
    expect((await db.promises.toArray())[0].status).toBe('deleted');
  });

  it('malformed ids are refused', async () => {
    expect(await log(tab(1), { uid: 'x' })).toEqual({ ok: false, error: 'refused' });
    expect(await log(tab(1), { ownerKey: '<script>alert(1)</script>' })).toEqual({ ok: false, error: 'refused' });
    expect(await db.promises.count()).toBe(0);
  });
});

describe('feedback belongs to the tab that filed it', () => {
  it('a retry stores once; another tab cannot undo or move it', async () => {
    const file = (sender: object, extra: object = {}) =>
      send<{ ok: boolean; error?: string }>(
        'logFeedback',
        { text: '快递不送上楼', source: 'card', url: '', uid: 'fb-tab-one-0001', ownerKey: 'key-of-tab-one', ...extra },
        sender,
      );
    expect((await file(tab(1))).ok).toBe(true);
    expect((await file(tab(1))).ok).toBe(true);
    expect(await db.feedback.count()).toBe(1);
    expect(await file(tab(2), { ownerKey: 'key-of-tab-two' })).toEqual({ ok: false, error: 'refused' });
    expect(await send('undoFeedback', { uid: 'fb-tab-one-0001' }, tab(2))).toEqual({ ok: false });
    expect(await send('updateFeedback', { uid: 'fb-tab-one-0001', patch: { department: 'finance' } }, tab(2))).toEqual({
      ok: false,
      error: 'notFound',
    });
    expect((await db.feedback.toArray())[0].department).toBe('logistics');
    expect(await send('undoFeedback', { uid: 'fb-tab-one-0001', ownerKey: 'key-of-tab-one' }, tab(1))).toEqual({
      ok: true,
    });
    expect(await db.feedback.count()).toBe(0);
  });
});
