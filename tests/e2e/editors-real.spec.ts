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

for (const [how, url] of [
  ['blank', /^about:blank$/],
  ['blob', /^blob:/],
] as const) {
  test(`a chat the page writes into a frame of its own (${how === 'blank' ? 'about:blank, document.write' : 'blob: URL'})`, async () => {
    const { page, errors } = await open(`/written-frame.html?how=${how}`);
    await expect.poll(() => page.frames().some((f) => f !== page.mainFrame() && url.test(f.url()))).toBe(true);
    const frame = page.frames().find((f) => f !== page.mainFrame() && url.test(f.url()))!;
    await expect.poll(() => frame.evaluate(() => typeof (window as { fixture?: unknown }).fixture)).toBe('object');
    await exercise(page, frame, { box: page.frameLocator('#chat').locator('textarea'), undo: false });
    await expect(page.getByTestId('huashu-card')).toHaveCount(0);
    expect(errors).toEqual([]);
    await page.close();
  });
}

test('a box that refuses every insertion is left as it was; the card says the reply is on the clipboard', async () => {
  const { page, errors } = await open('/refusing.html');
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  await expect(page.locator('html')).toHaveAttribute('data-huashu', 'ready');
  const box = page.locator('.editor');
  const markup = () => box.evaluate((el) => new XMLSerializer().serializeToString(el));
  const before = await markup();
  await buyerSays(page, 'When will you ship my order?');
  const suggestion = page.getByTestId('huashu-suggestion').first();
  await expect(suggestion).toHaveAttribute('data-script-id', 'shipping-time-en');
  await suggestion.click();
  await expect.poll(async () => Number(await page.locator('html').getAttribute('data-huashu-inserts'))).toBe(1);
  expect(await markup()).toBe(before);
  expect(await model(page)).toBe('Draft kept');
  const notice = page.getByTestId('huashu-notice');
  await expect(notice).toHaveCount(1);
  await expect(notice).toHaveAttribute('data-notice', 'insertCopied');
  await expect(notice).toHaveText(/could not insert here: copied to the clipboard, paste with Ctrl\+V|剪贴板|剪貼簿/);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(REPLY);
  expect(await sent(page)).toEqual([]);
  expect(errors).toEqual([]);
  await page.close();
});

/** Main-world log of the box's composition, input and key events, in order (keys: `key:prevented`). */
async function logEvents(doc: Doc, selector: string) {
  await doc.evaluate((sel) => {
    const box = document.querySelector(sel)!;
    const log: string[] = ((window as unknown as { imeLog: string[] }).imeLog = []);
    for (const type of ['compositionstart', 'compositionend']) box.addEventListener(type, () => log.push(type));
    box.addEventListener('input', (e) => {
      const i = e as InputEvent;
      log.push(`input:${i.inputType}:${i.isComposing ? 'composing' : 'committed'}:${(i.data ?? '').slice(0, 8)}`);
    });
    // Bubbling at the box: Huashu's own key handler (window, capture) ran before and let the key through.
    box.addEventListener('keydown', (e) => log.push(`key:${(e as KeyboardEvent).key}:${e.defaultPrevented}`));
  }, selector);
  return () => doc.evaluate(() => (window as unknown as { imeLog: string[] }).imeLog);
}

/** The page signals of insertions (lib/consoles/page-signals.ts): waits for the IME, insertions ended. */
const insertSignals = (page: Page) =>
  page.evaluate(() => ({
    waits: Number(document.documentElement.dataset.huashuInsertWaits ?? 0),
    inserts: Number(document.documentElement.dataset.huashuInserts ?? 0),
  }));

const IME_BOXES = [
  ['a textarea', '/textarea.html', '#reply'],
  ['a Lexical editor', '/editors/lexical.html', '[contenteditable="true"]'],
  ['a plain contenteditable', '/contenteditable.html', '.editor'],
] as const;

/** Open a console, have the buyer ask, start a composition of `ni` in the box (CDP, as a pinyin IME does). */
async function composing(path: string, selector: string) {
  const { page, errors } = await open(path);
  await expect(page.locator('html')).toHaveAttribute('data-huashu', 'ready');
  const suggestion = page.getByTestId('huashu-suggestion').first();
  const text = async () =>
    (path.includes('lexical')
      ? await model(page)
      : await page
          .locator(selector)
          .evaluate((el) => (el as HTMLTextAreaElement).value ?? (el as HTMLElement).innerText)
    ).replace(/[\u200b\ufeff]/g, '');
  await buyerSays(page, 'When will you ship my order?');
  await expect(suggestion).toHaveAttribute('data-script-id', 'shipping-time-en');
  const events = await logEvents(page, selector);
  await page.locator(selector).click();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Input.imeSetComposition', { text: 'ni', selectionStart: 2, selectionEnd: 2 });
  await expect.poll(events).toContain('compositionstart');
  /** The IME commits `你好` (compositionend). */
  const commit = async () => {
    await cdp.send('Input.imeSetComposition', { text: 'nih', selectionStart: 3, selectionEnd: 3 });
    await cdp.send('Input.insertText', { text: '你好' });
    await expect.poll(events).toContain('compositionend');
  };
  return { page, errors, suggestion, text, events, cdp, commit };
}

for (const [name, path, selector] of IME_BOXES) {
  test(`IME in ${name}: a click during a composition waits for compositionend, then inserts once`, async () => {
    const { page, errors, suggestion, text, events, commit } = await composing(path, selector);
    await suggestion.click();
    // Huashu says it handled the click: the insertion waits for the IME (or, were it not waiting, ended).
    await expect.poll(async () => Object.values(await insertSignals(page)).some(Boolean)).toBe(true);
    expect(await insertSignals(page)).toEqual({ waits: 1, inserts: 0 });
    expect(await text()).not.toMatch(/2–3 days/);
    await commit();
    await expect.poll(text).toMatch(/^你好\s*Hi .*2–3 days\.$/);
    expect(once(await text())).toBe(1);
    expect(await insertSignals(page)).toEqual({ waits: 1, inserts: 1 });
    const log = await events();
    // Where an input event carries the reply (not Lexical: it takes the paste), it comes after compositionend.
    const reply = log.findIndex((e) => /:Hi /.test(e));
    if (reply > -1) expect(reply).toBeGreaterThan(log.indexOf('compositionend'));
    expect(await sent(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  test(`IME in ${name}: Alt+1 and Esc during a composition are the IME's, Huashu's after it`, async () => {
    const { page, errors, text, events, commit } = await composing(path, selector);
    const card = page.getByTestId('huashu-card');
    await page.keyboard.press('Alt+1');
    await page.keyboard.press('Escape');
    // The page got both keys, not cancelled: Huashu's handler (before the page's) let them through.
    await expect.poll(events).toEqual(expect.arrayContaining(['key:1:false', 'key:Escape:false']));
    expect(await text()).not.toMatch(/2–3 days/);
    expect(await insertSignals(page)).toEqual({ waits: 0, inserts: 0 });
    await expect(card.getByTestId('huashu-suggestion').first()).toBeVisible();
    // After compositionend the same keys are Huashu's: Alt+1 inserts, Esc hides the card for this message.
    await commit();
    await page.keyboard.press('Alt+1');
    await expect.poll(text).toMatch(/^你好\s*Hi .*2–3 days\.$/);
    await page.keyboard.press('Escape');
    await expect(card).toBeHidden();
    expect((await events()).filter((e) => /^key:(1|Escape):/.test(e))).toEqual(['key:1:false', 'key:Escape:false']);
    expect(errors).toEqual([]);
    await page.close();
  });
}

test('IME: the "sounds like an excuse" hint reads the text once the composition is committed', async () => {
  const { page, errors, cdp, events } = await composing('/textarea.html', '#reply');
  // The IME shows 但是 as uncommitted text in the box.
  await cdp.send('Input.imeSetComposition', { text: '但是', selectionStart: 2, selectionEnd: 2 });
  await expect.poll(events).toContain('input:insertCompositionText:composing:但是');
  // A render after that input (a new question on the card) still shows no hint.
  await buyerSays(page, '可以退货吗');
  await expect(page.locator('[data-testid="huashu-suggestion"][data-script-id="return-policy"]').first()).toBeVisible();
  await expect(page.getByTestId('huashu-hint')).toHaveCount(0);
  await cdp.send('Input.insertText', { text: '但是' });
  await expect.poll(events).toContain('compositionend');
  await expect(page.getByTestId('huashu-hint')).toBeVisible();
  expect(errors).toEqual([]);
  await page.close();
});
