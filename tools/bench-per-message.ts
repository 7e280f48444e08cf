/**
 * The per-message section of `npm run bench:browser` (issue 12 item 6): main-thread time one new buyer message
 * costs the console page, with 0, 1,000 and 10,000 history rows on screen (tests/fixtures/consoles/bench.html,
 * generic adapter). Per message: CDP `Performance.getMetrics` TaskDuration before, the fixture appends one
 * buyer row, the page waits for the card to show the answer to it (loading → ready) and two animation frames
 * (its render painted), TaskDuration after. The same is done on the same page on a host where Huashu is not
 * enabled (bench.test, waiting for the two frames only): the difference of the medians is Huashu's share;
 * the page's own cost of a longer list (its layout on append) is the same on both.
 */
import type { BrowserContext, CDPSession, Page } from 'playwright-core';

export interface PerMessageFigures {
  rows: number;
  messages: number;
  /** Main-thread task time per message with Huashu, ms. */
  mainThreadMsP50: number;
  p95: number;
  /** The same page without Huashu. */
  withoutMsP50: number;
  withoutP95: number;
  /** mainThreadMsP50 − withoutMsP50: what Huashu adds per message. */
  addedMsP50: number;
  /** Script time per message with Huashu (p50), and without. */
  scriptMsP50: number;
  withoutScriptMsP50: number;
  /** Layout plus style recalculation per message (p50), with Huashu and without. */
  layoutStyleMsP50: number;
  withoutLayoutStyleMsP50: number;
}

type Fixture = { fixture: { buyerSays(t: string): void } };

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : NaN;
};
const round = (x: number) => Math.round(x * 100) / 100;

async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
}

/** Append one buyer row; with Huashu wait for the card to answer it; then two frames. */
function say(page: Page, text: string, withHuashu: boolean): Promise<void> {
  return page.evaluate(
    ([text, withHuashu]) =>
      new Promise<void>((resolve, reject) => {
        const frames = () => requestAnimationFrame(() => requestAnimationFrame(() => resolve()));
        const append = () => (window as unknown as Fixture).fixture.buyerSays(text);
        if (!withHuashu) {
          append();
          return frames();
        }
        const root = document.querySelector('huashu-card')?.shadowRoot;
        if (!root) return reject(new Error('no card'));
        const status = () => root.querySelector<HTMLElement>('[data-testid="huashu-card"]')?.dataset.status;
        let sawLoading = false;
        const timer = setTimeout(() => reject(new Error(`no answer for ${text}`)), 20_000);
        const mo = new MutationObserver(() => {
          const s = status();
          if (s === 'loading') sawLoading = true;
          if (!sawLoading || (s !== 'ready' && s !== 'error')) return;
          mo.disconnect();
          clearTimeout(timer);
          frames();
        });
        mo.observe(root, { subtree: true, childList: true, attributes: true });
        append();
      }),
    [text, withHuashu] as const,
  );
}

async function runPage(
  context: BrowserContext,
  url: string,
  withHuashu: boolean,
  asks: string[],
  messages: number,
): Promise<{ task: number[]; script: number[]; layout: number[] }> {
  const page = await context.newPage();
  try {
    await page.goto(url);
    if (withHuashu) {
      await page.locator('html[data-huashu="ready"]').waitFor({ timeout: 60_000 });
      // The history settled and its open turn read (nothing to answer: the last history row is the agent's).
      await page.waitForFunction(() => Number(document.documentElement.dataset.huashuTurns ?? 0) > 0, undefined, {
        timeout: 60_000,
      });
    }
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    // Two unmeasured messages first (the engine and the card's first render warm up).
    for (let i = 0; i < 2; i++) await say(page, asks[i % asks.length], withHuashu);
    const task: number[] = [];
    const script: number[] = [];
    const layout: number[] = [];
    for (let i = 0; i < messages; i++) {
      const before = await metrics(cdp);
      await say(page, asks[(i + 2) % asks.length], withHuashu);
      const after = await metrics(cdp);
      task.push((after.TaskDuration - before.TaskDuration) * 1000);
      script.push((after.ScriptDuration - before.ScriptDuration) * 1000);
      const ls = (m: Record<string, number>) => m.LayoutDuration + m.RecalcStyleDuration;
      layout.push((ls(after) - ls(before)) * 1000);
    }
    await cdp.detach();
    return { task, script, layout };
  } finally {
    await page.close();
  }
}

/** One figure set per history size; `origin` has Huashu, `plainOrigin` serves the same pages without it. */
export async function benchPerMessage(opts: {
  context: BrowserContext;
  origin: string;
  plainOrigin: string;
  rows: number[];
  asks: string[];
  messages: number;
}): Promise<Record<number, PerMessageFigures>> {
  const out: Record<number, PerMessageFigures> = {};
  for (const rows of opts.rows) {
    // An even count: the last history row is the agent's, so the conversation opens with nothing to answer.
    const path = `/bench.html?history=${rows}`;
    const without = await runPage(opts.context, opts.plainOrigin + path, false, opts.asks, opts.messages);
    const withH = await runPage(opts.context, opts.origin + path, true, opts.asks, opts.messages);
    const fig: PerMessageFigures = {
      rows,
      messages: opts.messages,
      mainThreadMsP50: round(pct(withH.task, 50)),
      p95: round(pct(withH.task, 95)),
      withoutMsP50: round(pct(without.task, 50)),
      withoutP95: round(pct(without.task, 95)),
      addedMsP50: round(pct(withH.task, 50) - pct(without.task, 50)),
      scriptMsP50: round(pct(withH.script, 50)),
      withoutScriptMsP50: round(pct(without.script, 50)),
      layoutStyleMsP50: round(pct(withH.layout, 50)),
      withoutLayoutStyleMsP50: round(pct(without.layout, 50)),
    };
    out[rows] = fig;
    console.log(
      `${String(rows).padStart(6)} rows on screen: main thread per message with Huashu p50 ${fig.mainThreadMsP50} ms, p95 ${fig.p95} ms (script ${fig.scriptMsP50}, layout+style ${fig.layoutStyleMsP50}); without p50 ${fig.withoutMsP50} ms (script ${fig.withoutScriptMsP50}, layout+style ${fig.withoutLayoutStyleMsP50}) → Huashu adds ≈ ${fig.addedMsP50} ms`,
    );
  }
  return out;
}
