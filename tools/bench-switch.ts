/**
 * The conversation-switch section of `npm run bench:browser` (issue 9): on the three-column workbench
 * fixture (tests/fixtures/consoles/workbench.html, generic adapter, 1366×768), a buyer writes in a
 * conversation that is not open; the agent opens it; measured is the time from the switch to the card
 * showing suggestions for that open question (loading → ready, in the page's own clock). Includes the
 * watcher's wait for the opened history to settle (300 ms). After each switch the agent replies, closing the
 * turn, so every switch has one new open question. Run per pack size (1,000 and 10,000 scripts).
 */
import type { BrowserContext, Page, Worker } from 'playwright-core';
import type { Pack } from '../lib/pack/schema';
import { installPack } from './browser/packs';

export interface SwitchFigures {
  scripts: number;
  switches: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** Switches whose first suggestion came from the test pack (not a generated script). */
  answered: string;
}

/** Conversations of the workbench fixture the agent switches between (阿杰 is open at first). */
const BUYERS = ['小美', '老周', '阿杰'];

interface Switched {
  ms: number;
  first?: string;
}

type Fixture = {
  fixture: { open(n: string): void; buyerSays(t: string, n?: string): void; agentSays(t: string): void };
};

/** Switch to `buyer` and wait until the card shows the answer to its open question (loading → ready). */
function switchTo(page: Page, buyer: string): Promise<Switched> {
  return page.evaluate(
    (buyer) =>
      new Promise<Switched>((resolve, reject) => {
        const root = document.querySelector('huashu-card')?.shadowRoot;
        if (!root) return reject(new Error('no card'));
        const status = () => root.querySelector<HTMLElement>('[data-testid="huashu-card"]')?.dataset.status;
        let sawLoading = false;
        const timer = setTimeout(() => reject(new Error(`no suggestions after opening ${buyer}`)), 20_000);
        const mo = new MutationObserver(() => {
          const s = status();
          if (s === 'loading') sawLoading = true;
          if (!sawLoading || (s !== 'ready' && s !== 'error')) return;
          mo.disconnect();
          clearTimeout(timer);
          resolve({
            ms: performance.now() - t0,
            first: root.querySelector<HTMLElement>('[data-testid="huashu-suggestion"]')?.dataset.scriptId,
          });
        });
        mo.observe(root, { subtree: true, childList: true, attributes: true });
        const t0 = performance.now();
        (window as unknown as Fixture).fixture.open(buyer);
      }),
    buyer,
  );
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : NaN;
};
const round = (x: number) => Math.round(x * 10) / 10;

/** One figure set per pack: `switches` conversation switches, each to a buyer who just asked one of `asks`. */
export async function benchConversationSwitch(opts: {
  context: BrowserContext;
  worker: Worker;
  origin: string;
  packs: Pack[];
  asks: string[];
  switches: number;
}): Promise<Record<number, SwitchFigures>> {
  const out: Record<number, SwitchFigures> = {};
  for (const pack of opts.packs) {
    await installPack(opts.worker, pack);
    const page = await opts.context.newPage();
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`${opts.origin}/workbench.html?editor=textarea&history=40`);
    await page.locator('html[data-huashu="ready"]').waitFor({ timeout: 60_000 });
    // The open conversation's own open turn first (it also builds the engine for the new pack).
    await page.waitForFunction(() => Number(document.documentElement.dataset.huashuTurns ?? 0) > 0, undefined, {
      timeout: 60_000,
    });
    await page.evaluate(() => (window as unknown as Fixture).fixture.agentSays('好的亲'));
    const runs: Switched[] = [];
    for (let i = 0; i < opts.switches; i++) {
      const buyer = BUYERS[i % BUYERS.length];
      const ask = opts.asks[i % opts.asks.length];
      await page.evaluate(([t, b]) => (window as unknown as Fixture).fixture.buyerSays(t, b), [ask, buyer] as const);
      runs.push(
        await switchTo(page, buyer).catch(async (e) => {
          const state = await page.evaluate(() => ({
            html: { ...document.documentElement.dataset },
            rows: [...document.querySelectorAll('.msg')].slice(-4).map((r) => r.textContent),
          }));
          throw new Error(`switch ${i} to ${buyer} after “${ask}”: ${e}\n${JSON.stringify(state)}`);
        }),
      );
      // The agent answers (in their own words each time): the turn closes, the next visit has one new open
      // question. Huashu remembers a reported row by its text and the agent message before its turn, so the
      // same question after the same reply would count as seen (lib/consoles/watcher.ts).
      await page.evaluate((n) => (window as unknown as Fixture).fixture.agentSays(`好的亲，第 ${n} 单马上为您处理`), i);
    }
    await page.close();
    const ms = runs.map((r) => r.ms);
    const n = pack.scripts.length;
    out[n] = {
      scripts: n,
      switches: runs.length,
      p50Ms: round(pct(ms, 50)),
      p95Ms: round(pct(ms, 95)),
      maxMs: round(Math.max(...ms)),
      answered: `${runs.filter((r) => r.first && !r.first.startsWith('gen-')).length}/${runs.length}`,
    };
    console.log(
      `${String(n).padStart(6)} scripts: conversation switch → open question's suggestions shown p50 ${out[n].p50Ms} ms, p95 ${out[n].p95Ms} ms, max ${out[n].maxMs} ms (${runs.length} switches; test-pack script on top ${out[n].answered})`,
    );
  }
  return out;
}
