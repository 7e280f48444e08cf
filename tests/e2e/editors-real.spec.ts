/**
 * Insertion into real editors from npm (fixture pages built by global-setup.ts from tests/fixtures/editors/),
 * checked through each editor's own model (`window.__editorText()`), never the DOM: a click on a suggestion
 * puts the reply in the model, real key presses afterwards keep it, Ctrl+Z takes the insertion out, the page
 * logs no error and nothing is sent. One browser (one profile, the pack installed once) for all editors.
 */
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { editorKinds } from '../../tools/browser/editor-fixtures';
import { launchWithExtension, type LaunchedExtension } from '../../tools/browser/extension';
import { installPack } from '../../tools/browser/packs';
import { FIXTURE_MOUNTS, serveStatic, type StaticServer } from '../../tools/browser/server';
import { buyerSays, readPack, sent } from './console-helpers';

const REPLY = /Hi Lily! Orders paid before 4pm ship the same day, usually arriving in 2–3 days\./;
const once = (text: string) => text.split('2–3 days').length - 1;

let launched: LaunchedExtension;
let server: StaticServer;
let context: BrowserContext;

test.beforeAll(async () => {
  server = await serveStatic(FIXTURE_MOUNTS);
  launched = await launchWithExtension();
  context = launched.context;
  await installPack(launched.worker, readPack('console-test.json'));
});

test.afterAll(async () => {
  await launched?.close();
  await server?.close();
});

/** Open a fixture console and collect what the page logs as errors. */
async function open(path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console.error: ${m.text()}`);
  });
  await page.goto(server.url(path));
  await expect(page.locator('html')).toHaveAttribute('data-huashu', 'ready');
  return { page, errors };
}

const model = (page: Page) => page.evaluate(() => (window as unknown as { __editorText(): string }).__editorText());

for (const kind of editorKinds()) {
  test(`${kind}: the reply reaches the editor's model, typing keeps it, Ctrl+Z takes it out`, async () => {
    const { page, errors } = await open(`/editors/${kind}.html`);
    await expect(page.locator('html')).toHaveAttribute('data-editor', 'ready');
    const suggestion = page.getByTestId('huashu-suggestion').first();

    // 1. The agent never clicked the box: the reply goes in (at the end), one undo step takes it out.
    await buyerSays(page, 'When will you ship my order?');
    await expect(suggestion).toHaveAttribute('data-script-id', 'shipping-time-en');
    await suggestion.click();
    await expect.poll(() => model(page)).toMatch(REPLY);
    expect(once(await model(page))).toBe(1);
    await page.keyboard.press('Control+z');
    await expect.poll(() => model(page)).not.toMatch(/2–3 days/);

    // 2. A draft typed first stays; the reply lands at the caret; real key presses after it go on from there.
    await page.locator('[contenteditable="true"]').first().click();
    await page.keyboard.type('Hello. ');
    await expect.poll(() => model(page)).toMatch(/Hello\./);
    await suggestion.click();
    await expect.poll(() => model(page)).toMatch(/Hello\.\s*Hi Lily!.*2–3 days\./);
    await page.keyboard.type('abc');
    await expect.poll(() => model(page)).toMatch(/Hello\.\s*Hi Lily!.*2–3 days\.\s*abc/);
    expect(once(await model(page))).toBe(1);

    expect(await sent(page)).toEqual([]);
    await expect(page.getByTestId('huashu-notice')).toHaveCount(0);
    expect(errors).toEqual([]);
    await page.close();
  });
}
