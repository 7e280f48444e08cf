/// <reference types="chrome" />
/**
 * Pack subscriptions in the real extension, against a local HTTP server (tools/browser/pack-server.ts):
 * subscribe in the Scripts tab, the first file is offered in the import preview (banner + ↓ badge), Apply;
 * the lead changes the file, "check now" offers the update, Apply, roll back; broken answers (bad JSON, 404,
 * an HTML page, a redirect to another origin, a file over 10 MB) change nothing and say why. The server's log
 * shows what was asked for: only the pack file, without cookies, referrer or body, once per check.
 *
 * The server is on 127.0.0.1 (http is accepted only on loopback); the manifest already holds the host
 * permission of the demo origins 127.0.0.1/localhost, so Chrome grants the request without a prompt here
 * (console-sites.spec.ts drives the prompt itself for a site that needs one).
 */
import type { Page } from '@playwright/test';
import type { Worker } from 'playwright-core';
import { servePacks, type PackServer } from '../../tools/browser/pack-server';
import { buyerSays, readPack } from './console-helpers';
import { expect, test } from './fixtures';
import { dumpLibrary } from './library-helpers';

const tea = readPack('tea-shop.json');
/** The lead's next version: one script changed, one added. */
function teaV2() {
  const pack = structuredClone(tea);
  pack.scripts[0].answers[0].text = '亲，绿茶用 80℃ 左右的水就好，水太烫会苦哦～';
  pack.scripts.push({
    id: 'gift-box',
    questions: ['有礼盒装吗', '可以送礼吗'],
    answers: [{ text: '亲，有礼盒装的，下单备注“礼盒”即可～', tone: 'friendly' }],
  } as (typeof pack.scripts)[number]);
  return pack;
}
const json = (v: unknown) => ({ type: 'application/json; charset=utf-8', body: JSON.stringify(v) });

let server: PackServer;
test.beforeEach(async () => {
  server = await servePacks();
});
test.afterEach(async () => {
  await server.close();
});

const badge = (worker: Worker) => worker.evaluate(() => chrome.action.getBadgeText({}));
const fileRequests = () => server.log.filter((r) => r.path.startsWith('/team'));

async function subscribe(panel: Page, path: string) {
  await panel.getByTestId('subscription-url').fill(server.url(path));
  await panel.getByTestId('subscription-add').click();
  await expect(panel.getByTestId('subscription-row')).toHaveCount(1);
}
const row = (panel: Page) => panel.getByTestId('subscription-row');

test('subscribe, preview and apply; the file changes, check now offers the update; roll back', async ({
  background,
  context,
  openExtensionPage,
}) => {
  // A cookie for the server's host: a subscription request must not carry it.
  await context.addCookies([{ name: 'session', value: 'secret', url: server.origin }]);
  server.set('/team.json', json(tea));
  const panel = await openExtensionPage('sidepanel.html#scripts');
  await subscribe(panel, '/team.json');

  // The new pack waits for the agent: banner, ↓ on the badge, nothing installed yet.
  await expect(row(panel)).toHaveAttribute('data-result', 'waiting');
  await expect(panel.getByTestId('subscription-update-item')).toHaveAttribute('data-pack-id', 'tea-shop');
  expect(await badge(background)).toContain('↓');
  expect((await dumpLibrary(panel)).packs.map((p) => (p as { id: string }).id)).not.toContain('tea-shop');

  await panel.getByTestId('subscription-review').click();
  await expect(panel.getByTestId('preview-counts')).toHaveAttribute('data-added', '3');
  await panel.getByTestId('pack-import-confirm').click();
  await expect(panel.getByTestId('pack-import-done')).toHaveAttribute('data-pack-id', 'tea-shop');
  await expect(panel.getByTestId('pack-tea-shop')).toHaveAttribute('data-scripts', '3');
  await expect(row(panel)).toHaveAttribute('data-result', 'applied');
  await expect(panel.getByTestId('subscription-update')).toHaveCount(0);
  await expect.poll(() => badge(background)).not.toContain('↓');

  // The lead publishes a new version; the agent's check finds it.
  server.set('/team.json', json(teaV2()));
  await panel.getByTestId('subscription-check').click();
  await expect(row(panel)).toHaveAttribute('data-result', 'waiting');
  await expect(panel.getByTestId('subscription-update-item')).toBeVisible();
  expect(await badge(background)).toContain('↓');
  await panel.getByTestId('subscription-review').click();
  const counts = panel.getByTestId('preview-counts');
  await expect(counts).toHaveAttribute('data-added', '1');
  await expect(counts).toHaveAttribute('data-changed', '1');
  await panel.getByTestId('pack-import-confirm').click();
  await expect(panel.getByTestId('pack-tea-shop')).toHaveAttribute('data-scripts', '4');
  await expect(row(panel)).toHaveAttribute('data-result', 'applied');

  // Rollback works as for a file import: the previous copy comes back.
  await panel.getByTestId('pack-rollback-tea-shop').click();
  await expect(panel.getByTestId('pack-tea-shop')).toHaveAttribute('data-scripts', '3');

  // Two checks (subscribe, check now) = two requests for the file, nothing else asked of the server; each a
  // bare GET: no cookie, no referrer, no body, no query.
  const requests = fileRequests();
  expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /team.json', 'GET /team.json']);
  for (const r of requests) {
    expect(r.headers.cookie).toBeUndefined();
    expect(r.headers.referer).toBeUndefined();
    expect(r.headers.authorization).toBeUndefined();
    expect(r.bodyBytes).toBe(0);
  }
  expect(server.log).toHaveLength(2);
});

test('an update applied automatically reaches the card; the content script and pages ask the server nothing', async ({
  background,
  context,
  openExtensionPage,
}) => {
  const pageRequests: string[] = [];
  const workerRequests: string[] = [];
  context.on('request', (r) => (r.serviceWorker() ? workerRequests : pageRequests).push(r.url()));
  server.set('/team.json', json(tea));
  const panel = await openExtensionPage('sidepanel.html#scripts');
  await panel.getByTestId('subscription-auto-new').check();
  await subscribe(panel, '/team.json');
  await expect(row(panel)).toHaveAttribute('data-result', 'applied');
  await expect(panel.getByTestId('pack-tea-shop')).toHaveAttribute('data-scripts', '3');
  await expect(panel.getByTestId('subscription-update')).toHaveCount(0);
  expect(await badge(background)).not.toContain('↓');

  // A console page from the same server: the card answers from the subscribed pack.
  const page = await context.newPage();
  await page.goto(server.url('/consoles/textarea.html'));
  await expect(page.locator('html')).toHaveAttribute('data-huashu', 'ready');
  await buyerSays(page, '绿茶用多少度的水泡');
  await expect(page.getByTestId('huashu-suggestion').first()).toHaveAttribute('data-script-id', 'brew-temperature');
  await panel.bringToFront();
  await panel.reload();
  await expect(row(panel)).toHaveAttribute('data-result', 'applied');

  // The server saw the page's own load and the one subscription check, nothing from the content script or panel.
  expect(server.log.map((r) => `${r.method} ${r.path}`).filter((p) => p !== 'GET /favicon.ico')).toEqual([
    'GET /team.json',
    'GET /consoles/textarea.html',
  ]);
  // …and no page (console or extension) requested anything beyond its own files.
  const foreign = pageRequests.filter(
    (u) =>
      !u.startsWith('chrome-extension://') &&
      u !== server.url('/consoles/textarea.html') &&
      !u.endsWith('/favicon.ico'),
  );
  expect(foreign).toEqual([]);
  // The service worker's one request: the subscribed file.
  expect(workerRequests.filter((u) => !u.startsWith('chrome-extension://'))).toEqual([server.url('/team.json')]);
});

const BROKEN: { name: string; answer: () => Parameters<PackServer['set']>[1]; result: string; words: string }[] = [
  {
    name: 'bad JSON',
    answer: () => ({ type: 'application/json', body: '{"format": "huashu.pack", ' }),
    result: 'invalid',
    words: '文件有问题',
  },
  {
    name: 'a pack that fails validation',
    answer: () => json({ ...tea, scripts: [{ id: 'x', questions: [], answers: [] }] }),
    result: 'invalid',
    words: 'scripts[0]',
  },
  {
    name: '404',
    answer: () => ({ status: 404, type: 'text/plain', body: 'not found' }),
    result: 'notFound',
    words: '找不到',
  },
  {
    name: 'an HTML page (a login page)',
    answer: () => ({ type: 'text/html; charset=utf-8', body: '<html><body>请登录</body></html>' }),
    result: 'contentType',
    words: '不是话术包文件',
  },
  {
    name: 'a redirect to another origin',
    answer: () => ({ status: 302, headers: { location: 'http://localhost:9/evil.json' } }),
    result: 'redirect',
    words: '重定向',
  },
  {
    name: 'a file over 10 MB',
    answer: () => ({ type: 'application/json', body: Buffer.alloc(10 * 1024 * 1024 + 1, 0x20) }),
    result: 'tooLarge',
    words: '10 MB',
  },
];

test('broken answers change nothing and say why', async ({ background, openExtensionPage }) => {
  server.set('/team.json', json(tea));
  const panel = await openExtensionPage('sidepanel.html#scripts');
  await panel.getByTestId('subscription-auto-new').check();
  await subscribe(panel, '/team.json');
  await expect(row(panel)).toHaveAttribute('data-result', 'applied');
  const installed = await dumpLibrary(panel);

  for (const broken of BROKEN) {
    await test.step(broken.name, async () => {
      server.set('/team.json', broken.answer());
      const before = server.log.length;
      await panel.getByTestId('subscription-check').click();
      await expect(row(panel)).toHaveAttribute('data-result', broken.result);
      await expect(row(panel)).toHaveAttribute('data-failed', 'true');
      await expect(panel.getByTestId('subscription-status')).toContainText(broken.words);
      await expect(panel.getByTestId('subscription-status')).toContainText('已保留已安装的版本');
      expect(server.log.length).toBe(before + 1);
      expect(await dumpLibrary(panel)).toEqual(installed);
      await expect(panel.getByTestId('subscription-update')).toHaveCount(0);
      expect(await badge(background)).not.toContain('↓');
    });
  }
  // The redirect was not followed: nothing but /team.json was ever asked for.
  expect(new Set(server.log.map((r) => r.path))).toEqual(new Set(['/team.json']));
});

test('plain http is refused for any host but this machine', async ({ openExtensionPage }) => {
  const panel = await openExtensionPage('sidepanel.html#scripts');
  await panel.getByTestId('subscription-url').fill('http://intranet.example.com/team.json');
  await panel.getByTestId('subscription-add').click();
  await expect(panel.getByTestId('subscription-error')).toContainText('只接受 HTTPS 地址');
  await expect(row(panel)).toHaveCount(0);
});
