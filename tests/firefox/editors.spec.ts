/**
 * The real npm editors (the fixture consoles of tests/e2e/editors-real.spec.ts) in Firefox, where Huashu
 * inserts without a synthetic paste (see lib/insert/contenteditable.ts): a click on the first suggestion puts
 * its text once into the editor's own model (`window.__editorText()`), typing afterwards keeps it, the page
 * logs no error and nothing is sent. One Firefox for all editors.
 */
import type { Page } from 'puppeteer-core';
import { editorKinds } from '../../tools/browser/editor-fixtures';
import { launchFirefox, type LaunchedFirefox } from '../../tools/browser/firefox';
import { FIXTURE_MOUNTS, serveStatic, type StaticServer } from '../../tools/browser/server';
import { buyerSays, expect, inCard, test } from './fixtures';

let firefox: LaunchedFirefox;
let server: StaticServer;

test.beforeAll(async () => {
  server = await serveStatic(FIXTURE_MOUNTS);
  firefox = await launchFirefox();
});

test.afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

const model = (page: Page) => page.evaluate(() => (window as unknown as { __editorText(): string }).__editorText());
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

for (const kind of editorKinds()) {
  test(`${kind}: a click puts the reply once into the editor's model; typing keeps it`, async () => {
    // Known gap, kept visible: Draft.js in Firefox takes the synthetic beforeinput late, with the native edit
    // that follows it, and shows the reply twice; this test turns red when that is fixed (README, Firefox).
    test.fail(kind === 'draft', 'Draft.js in Firefox gets the reply twice');
    const page = await firefox.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(`pageerror: ${String(e)}`));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console.error: ${m.text()}`);
    });
    await page.goto(server.url(`/editors/${kind}.html`));
    await page.waitForFunction(
      () => document.documentElement.dataset.huashu === 'ready' && document.documentElement.dataset.editor === 'ready',
    );
    await buyerSays(page, '请问什么时候发货');
    const first = await inCard(page, 'huashu-suggestion');
    const text = squash(await first.evaluate((e) => e.querySelector('.hs-text')?.textContent ?? ''));
    expect(text.length).toBeGreaterThan(4);
    await first.click();
    await expect.poll(async () => squash(await model(page))).toContain(text);
    expect(squash(await model(page)).split(text).length - 1).toBe(1);
    await page.keyboard.type('abc');
    await expect.poll(async () => squash(await model(page))).toMatch(/abc$/);
    expect(squash(await model(page))).toContain(text);
    expect(await page.evaluate(() => (window as unknown as { fixture: { sent: string[] } }).fixture.sent)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
}
