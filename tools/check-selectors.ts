/**
 * node --import tsx tools/check-selectors.ts: lib/pack/selector.ts against Chromium's querySelector on 3,000
 * random selector-like strings (fixed seed). Prints the agreement and the strings judged differently.
 */
import { chromium } from 'playwright-core';
import fc from 'fast-check';
import { selectorProblem } from '../lib/pack/selector';
const random = fc.sample(fc.stringMatching(/^[a-z.#>+~ :()[\]="*,-]{1,10}$/), { numRuns: 3000, seed: 7 });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const page = await browser.newPage();
const verdicts = await page.evaluate(
  (list) =>
    list.map((s) => {
      try {
        document.createDocumentFragment().querySelector(s);
        return true;
      } catch {
        return false;
      }
    }),
  random,
);
let agree = 0;
const dis: string[] = [];
let looser = 0;
random.forEach((s, i) => {
  const ours = selectorProblem(s) === undefined;
  if (ours === verdicts[i]) agree++;
  else {
    dis.push(`${JSON.stringify(s)} chromium=${verdicts[i]} ours=${ours}`);
    if (ours) looser++;
  }
});
console.log({ total: random.length, agree, disagree: dis.length, acceptedButChromiumRefuses: looser });
console.log([...new Set(dis)].slice(0, 15).join('\n'));
await browser.close();
