/**
 * Ultimatums (issue 9 item 5) in the browser, with the built-in default pack: a request phrased as a threat
 * gets the refusal script, with its compensations offered at once.
 */
import { buyerSays } from './console-helpers';
import { expect, test } from './fixtures';

for (const [message, scriptId] of [
  ['今天必须发出去，不然我不买了', 'urgent-shipping'],
  ['不便宜我就不要了', 'discount-request'],
] as const) {
  test(`“${message}” gets the refusal script ${scriptId} with its compensations`, async ({ openConsole }) => {
    const page = await openConsole('/workbench.html');
    // No free column on this layout: the strip shows the open questions without a click.
    await expect(page.getByTestId('huashu-card')).toHaveAttribute('data-layout', 'strip');
    await expect(page.getByTestId('huashu-question')).toHaveCount(2); // the open turn has been answered
    await buyerSays(page, message);
    await expect(page.getByTestId('huashu-question-text').first()).toHaveText(message);
    await expect(page.getByTestId('huashu-suggestion').first()).toHaveAttribute('data-script-id', scriptId);
    // The strip lists the top suggestions; its compensations are on the full card (the handle opens it).
    await page.getByTestId('huashu-expand').click();
    await expect(page.getByTestId('huashu-compensation').first()).toBeVisible();
  });
}
