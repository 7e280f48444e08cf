/// <reference types="chrome" />
/**
 * The background refuses from content scripts what only the side panel and options send (issue 12, item 8;
 * entrypoints/background/senders.ts): enabling or disabling a site, a library change, a taught profile for
 * another site or `<all_urls>`, undo and edit of a promise another tab logged. The messages are sent from a
 * content script's own world (scripting.executeScript in the ISOLATED world of the console tab), as a
 * compromised or confused content script would; the same messages from an extension page are the control.
 */
import type { Page } from '@playwright/test';
import type { Worker } from 'playwright-core';
import { buyerSays, installPack, readPack } from './console-helpers';
import { expect, test } from './fixtures';
import { readPromises } from './promises-helpers';

const pack = readPack('console-test.json');
type Message = { type: string; data?: unknown };
type Reply = { res?: unknown; err?: unknown } | undefined;

/** Send @webext-core/messaging messages from the content-script world of `page`'s tab; their replies. */
async function fromContentScript(background: Worker, page: Page, messages: Message[]): Promise<Reply[]> {
  await page.bringToFront();
  return background.evaluate(async (msgs) => {
    const [tab] = await chrome.tabs.query({ active: true });
    const [result] = await chrome.scripting.executeScript({
      target: { tabId: tab.id! },
      world: 'ISOLATED',
      args: [msgs],
      func: (list: { type: string; data?: unknown }[]) =>
        Promise.all(
          list.map((m, i) => chrome.runtime.sendMessage({ id: i, type: m.type, data: m.data, timestamp: Date.now() })),
        ),
    });
    return result.result as Reply[];
  }, messages);
}

/** The same from an extension page (the side panel page in a tab). */
async function fromExtensionPage(page: Page, messages: Message[]): Promise<Reply[]> {
  return page.evaluate(
    (msgs) =>
      Promise.all(
        msgs.map((m, i) => chrome.runtime.sendMessage({ id: i, type: m.type, data: m.data, timestamp: Date.now() })),
      ),
    messages,
  );
}

const sites = (bg: Worker) =>
  bg.evaluate(async () => {
    const hooks = (
      globalThis as unknown as { huashu: { db: { sites: { toArray(): Promise<{ pattern: string }[]> } } } }
    ).huashu;
    return (await hooks.db.sites.toArray()).map((s) => s.pattern).sort();
  });

test('side-panel-only messages from a content script are refused and change nothing', async ({
  background,
  openConsole,
  openExtensionPage,
}) => {
  await installPack(background, pack);
  // A site the agent enabled, and a count of library rebuilds (what libraryChanged starts).
  await background.evaluate(async () => {
    const g = globalThis as unknown as {
      huashu: {
        db: { sites: { put(row: object): Promise<unknown> } };
        engineCache: { invalidate(): void };
      };
      rebuilds: number;
    };
    await g.huashu.db.sites.put({ pattern: 'https://desk.example.com/*', enabledAt: 1 });
    g.rebuilds = 0;
    const invalidate = g.huashu.engineCache.invalidate.bind(g.huashu.engineCache);
    g.huashu.engineCache.invalidate = () => {
      g.rebuilds++;
      invalidate();
    };
  });
  const rebuilds = () => background.evaluate(() => (globalThis as unknown as { rebuilds: number }).rebuilds);

  // A promise the agent logged in one console tab (its toast holds the owner key).
  const first = await openConsole('/textarea.html');
  await buyerSays(first, '请问什么时候发货呀');
  await first.locator('#reply').fill('明天上午一定给您发出');
  await first.getByTestId('huashu-log-promise').click();
  await expect(first.getByTestId('huashu-toast')).toHaveAttribute('data-kind', 'promise');
  const [logged] = await readPromises(background);
  expect(logged.text).toBe('明天上午一定给您发出');

  const other = await openConsole('/textarea.html');
  const site = 'http://127.0.0.1/*';
  const profile = { ...pack.consoles[0], id: 'forged', matches: [site] };
  const replies = await fromContentScript(background, other, [
    { type: 'enableSite', data: { pattern: 'https://*/*' } },
    { type: 'disableSite', data: { pattern: 'https://desk.example.com/*' } },
    { type: 'libraryChanged' },
    { type: 'saveTaughtProfile', data: { profile: { ...profile, matches: ['<all_urls>'] } } },
    { type: 'saveTaughtProfile', data: { profile: { ...profile, matches: ['https://desk.example.com/*'] } } },
    { type: 'undoPromise', data: { uid: logged.uid } },
    { type: 'undoPromise', data: { uid: logged.uid, ownerKey: 'guessed' } },
    { type: 'updatePromise', data: { uid: logged.uid, patch: { text: '改掉了' } } },
    // Allowed: a taught profile for the site this content script runs on (shows the messages get through).
    { type: 'saveTaughtProfile', data: { profile } },
  ]);
  expect(replies.map((r) => r?.res)).toEqual([
    { ok: false, error: 'refused' },
    undefined,
    undefined,
    { ok: false, error: 'refused' },
    { ok: false, error: 'refused' },
    { ok: false },
    { ok: false },
    expect.objectContaining({ ok: false }),
    { ok: true },
  ]);
  expect(await sites(background)).toEqual([site, 'https://desk.example.com/*']);
  const [after] = await readPromises(background);
  expect([after.text, after.status, after.deletedAt]).toEqual(['明天上午一定给您发出', 'open', undefined]);
  await expect(first.getByTestId('huashu-toast')).toHaveAttribute('data-kind', 'promise');

  // Control: the side panel page's own messages are obeyed.
  const panel = await openExtensionPage('sidepanel.html');
  const control = await fromExtensionPage(panel, [
    { type: 'disableSite', data: { pattern: 'https://desk.example.com/*' } },
    { type: 'libraryChanged' },
  ]);
  expect(control.map((r) => r?.err)).toEqual([undefined, undefined]);
  expect(await sites(background)).toEqual([site]);
  // TODO [2027-01-01]: observe that a refused libraryChanged starts no rebuild (installPack's own delayed
  // rebuild makes a counter unreliable); its refusal is covered by the reply and tests/unit/background.
  expect(await rebuilds()).toBeGreaterThanOrEqual(0);
});
