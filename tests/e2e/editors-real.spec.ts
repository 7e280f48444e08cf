/**
 * Insertion into real editors from npm (fixture pages built by global-setup.ts from tests/fixtures/editors/),
 * checked through each editor's own model (`window.__editorText()`), never the DOM: a click on a suggestion
 * puts the reply in the model, real key presses afterwards keep it, Ctrl+Z takes the insertion out, the page
 * logs no error and nothing is sent. One browser (one profile, the pack installed once) for all editors.
 */
import { expect, test, type BrowserContext, type Frame, type Locator, type Page } from '@playwright/test';
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

/** Open a fixture console and collect what the page (and its frames) log as errors. */
async function open(path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console.error: ${m.text()}`);
  });
  await page.goto(server.url(path));
  return { page, errors };
}

/** The fixture's model: the editor's own API (`window.__editorText()`) in the page or the chat frame. */
const model = (doc: Doc) => doc.evaluate(() => (window as unknown as { __editorText(): string }).__editorText());

type Doc = Page | Frame;

/**
 * The agent's round: a suggestion clicked into a box never clicked, Ctrl+Z (where the box has undo), then a
 * typed draft, the suggestion at its caret, and more typing. `doc` holds the chat (the page or a frame).
 */
async function exercise(page: Page, doc: Doc, opts: { box: Locator; undo: boolean }) {
  const html = doc === page ? page.locator('html') : page.frameLocator('#chat').locator('html');
  await expect(html).toHaveAttribute('data-huashu', 'ready');
  const root = doc === page ? page : page.frameLocator('#chat');
  const suggestion = root.getByTestId('huashu-suggestion').first();

  // 1. The agent never clicked the box: the reply goes in (at the end), one undo step takes it out.
  await buyerSays(doc, 'When will you ship my order?');
  await expect(suggestion).toHaveAttribute('data-script-id', 'shipping-time-en');
  await suggestion.click();
  await expect.poll(() => model(doc)).toMatch(REPLY);
  expect(once(await model(doc))).toBe(1);
  if (opts.undo) {
    await page.keyboard.press('Control+z');
    await expect.poll(() => model(doc)).not.toMatch(/2–3 days/);
  } else {
    await opts.box.fill('');
  }

  // 2. A draft typed first stays; the reply lands at the caret; real key presses after it go on from there.
  await opts.box.click();
  await page.keyboard.type('Hello. ');
  await expect.poll(() => model(doc)).toMatch(/Hello\./);
  await suggestion.click();
  await expect.poll(() => model(doc)).toMatch(/Hello\.\s*Hi Lily!.*2–3 days\./);
  await page.keyboard.type('abc');
  await expect.poll(() => model(doc)).toMatch(/Hello\.\s*Hi Lily!.*2–3 days\.\s*abc/);
  expect(once(await model(doc))).toBe(1);

  expect(await sent(doc)).toEqual([]);
  await expect(root.getByTestId('huashu-notice')).toHaveCount(0);
}

for (const kind of editorKinds()) {
  test(`${kind}: the reply reaches the editor's model, typing keeps it, Ctrl+Z takes it out`, async () => {
    const { page, errors } = await open(`/editors/${kind}.html`);
    await expect(page.locator('html')).toHaveAttribute('data-editor', 'ready');
    await exercise(page, page, { box: page.locator('[contenteditable="true"]').first(), undo: true });
    expect(errors).toEqual([]);
    await page.close();
  });
}

test('a textarea inside an open shadow root (web-component console)', async () => {
  const { page, errors } = await open('/shadow.html');
  await exercise(page, page, { box: page.locator('chat-console textarea'), undo: false });
  expect(errors).toEqual([]);
  await page.close();
});

test('a contenteditable inside an open shadow root, with native undo', async () => {
  const { page, errors } = await open('/shadow.html?box=editable');
  await exercise(page, page, { box: page.locator('chat-console .reply'), undo: true });
  expect(errors).toEqual([]);
  await page.close();
});

test('a chat the page writes into a srcdoc iframe', async () => {
  const { page, errors } = await open('/srcdoc.html');
  await expect.poll(() => page.frames().some((f) => f.url() === 'about:srcdoc')).toBe(true);
  const frame = page.frames().find((f) => f.url() === 'about:srcdoc')!;
  await exercise(page, frame, { box: page.frameLocator('#chat').locator('textarea'), undo: false });
  // Only the chat frame shows a card.
  await expect(page.getByTestId('huashu-card')).toHaveCount(0);
  expect(errors).toEqual([]);
  await page.close();
});

/** Main-world log of the box's composition and input events, in order. */
async function logEvents(doc: Doc, selector: string) {
  await doc.evaluate((sel) => {
    const box = document.querySelector(sel)!;
    const log: string[] = ((window as unknown as { imeLog: string[] }).imeLog = []);
    for (const type of ['compositionstart', 'compositionend']) box.addEventListener(type, () => log.push(type));
    box.addEventListener('input', (e) => {
      const i = e as InputEvent;
      log.push(`input:${i.inputType}:${i.isComposing ? 'composing' : 'committed'}:${(i.data ?? '').slice(0, 8)}`);
    });
  }, selector);
  return () => doc.evaluate(() => (window as unknown as { imeLog: string[] }).imeLog);
}

for (const [name, path, selector] of [
  ['a textarea', '/textarea.html', '#reply'],
  ['a Lexical editor', '/editors/lexical.html', '[contenteditable="true"]'],
  ['a plain contenteditable', '/contenteditable.html', '.editor'],
] as const) {
  test(`IME in ${name}: no insertion and no Alt+1 while composing; a click inserts after compositionend`, async () => {
    const { page, errors } = await open(path);
    await expect(page.locator('html')).toHaveAttribute('data-huashu', 'ready');
    const suggestion = page.getByTestId('huashu-suggestion').first();
    const text = () =>
      path.includes('lexical')
        ? model(page)
        : page.locator(selector).evaluate((el) => (el as HTMLTextAreaElement).value ?? (el as HTMLElement).innerText);
    await buyerSays(page, 'When will you ship my order?');
    await expect(suggestion).toHaveAttribute('data-script-id', 'shipping-time-en');
    const events = await logEvents(page, selector);

    await page.locator(selector).click();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Input.imeSetComposition', { text: 'ni', selectionStart: 2, selectionEnd: 2 });
    await expect.poll(events).toContain('compositionstart');
    await suggestion.click();
    await page.keyboard.press('Alt+1');
    await cdp.send('Input.imeSetComposition', { text: 'nih', selectionStart: 3, selectionEnd: 3 });
    // Commit: compositionend, then the click made during the composition inserts (once: Alt+1 was the IME's).
    await cdp.send('Input.insertText', { text: '你好' });
    await expect.poll(text).toMatch(/^你好\s*Hi .*2–3 days\.$/);
    expect(once(await text())).toBe(1);
    const log = await events();
    const end = log.indexOf('compositionend');
    const reply = log.findIndex((e) => /:Hi /.test(e));
    expect(end).toBeGreaterThan(-1);
    // Nothing of the reply reached the box before the composition ended (inserted through paste in Lexical:
    // no input event carries it there, so the order is checked only where one does).
    if (reply > -1) expect(reply).toBeGreaterThan(end);
    expect(await sent(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
}
