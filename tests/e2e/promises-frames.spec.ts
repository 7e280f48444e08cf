/**
 * The log-promise shortcut with the chat in an iframe (frames.html), pressed for real (xdotool under
 * Xvfb): the chat frame's reply box is logged with the buyer and order of that frame, the toast shows in
 * the frame; the page shell (no conversation) does not win with an empty answer. Also with the chat two
 * levels down (?nested) and from another origin (?cross).
 */
import { expect, test } from './fixtures';
import { SHANGHAI_SETTINGS, hasXdotool, pressShortcut, readPromises, setSettings } from './promises-helpers';

test.describe.configure({ timeout: 60_000 });

test.beforeEach(async ({ background }) => {
  test.skip(!hasXdotool() && !process.env.CI, 'needs an X display and xdotool (run under tools/with-display.sh)');
  await setSettings(background, SHANGHAI_SETTINGS);
});

for (const query of ['', '?nested', '?cross'])
  test(`Alt+Shift+Y logs the chat frame’s reply box (frames.html${query}); a selection there wins`, async ({
    context,
    server,
    background,
  }) => {
    const page = await context.newPage();
    await page.goto(server.url(`/frames.html${query}`));
    const chat = query === '?nested' ? page.frameLocator('#chat').frameLocator('#inner') : page.frameLocator('#chat');
    await expect(chat.locator('html')).toHaveAttribute('data-huashu', 'ready');
    await expect(page.locator('html')).toHaveAttribute('data-huashu', 'in-frame');

    const text = '好的亲，明天上午给您补发一个新的杯子';
    await chat.locator('#reply').fill(text);
    await pressShortcut(page, 'alt+shift+y');
    const toast = chat.getByTestId('huashu-toast');
    await expect(toast).toHaveAttribute('data-kind', 'promise');
    await expect(toast.getByTestId('toast-text')).toHaveText(text);
    await expect(page.getByTestId('huashu-toast')).toHaveCount(0); // not in the page shell

    const [stored] = await readPromises(background);
    expect(stored).toMatchObject({ text, buyer: '阿杰', orderId: '2024112577001', source: 'replyBox' });
    expect(stored.url).toContain('/textarea.html?frame');

    await chat.getByText('之前那件外套什么时候发货').selectText();
    await pressShortcut(page, 'alt+shift+y');
    await expect(toast.getByTestId('toast-text')).toHaveText('在吗？之前那件外套什么时候发货');
    await expect
      .poll(async () => (await readPromises(background)).map((p) => p.source).sort())
      .toEqual(['replyBox', 'selection']);
  });
