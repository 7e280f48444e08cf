/**
 * `npm run bench:frames`: what Huashu costs in frames that hold no chat. frames.html?nochat with N ad frames
 * (300×250, a rotating banner: new DOM every 100 ms, no editable field) or N tracking frames (1×1), all
 * same-origin (one renderer, so the page's CDP Performance metrics include them), on 127.0.0.1 (Huashu runs
 * in every frame) and on bench.test (same server, Huashu not enabled). Two windows: start-up (commit to
 * +3 s: content script start, one profile request per eligible frame, first checks) and steady state (the
 * next 10 s of banner rotation). Added script time = with − without (median of the runs); per frame =
 * (config − page without sub-frames) / N. Prints the figures, then one JSON line. Options: --frames <n>
 * (default 8), --runs <n> (default 3), --no-build. Figures vary with
 * CPU load: run with nothing else heavy on the machine.
 */
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import type { BrowserContext, CDPSession } from 'playwright-core';
import { launchWithExtension } from './browser/extension';
import { FIXTURE_CONSOLES_DIR, serveStatic } from './browser/server';

const { values } = parseArgs({
  options: {
    frames: { type: 'string', default: '8' },
    runs: { type: 'string', default: '3' },
    'no-build': { type: 'boolean', default: false },
  },
});
const N = Number(values.frames);
const RUNS = Number(values.runs);
const STARTUP_MS = 3000;
const STEADY_MS = 10_000;
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

if (!values['no-build']) {
  const build = spawnSync('npx', ['wxt', 'build', '--mode', 'test'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
}

interface Window {
  scriptMs: number;
  taskMs: number;
}

async function measure(context: BrowserContext, url: string): Promise<{ startup: Window; steady: Window }> {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'commit' });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const m0 = await metrics(cdp);
  await page.waitForTimeout(STARTUP_MS);
  const m1 = await metrics(cdp);
  await page.waitForTimeout(STEADY_MS);
  const m2 = await metrics(cdp);
  const diff = (a: Record<string, number>, b: Record<string, number>): Window => ({
    scriptMs: round((b.ScriptDuration - a.ScriptDuration) * 1000),
    taskMs: round((b.TaskDuration - a.TaskDuration) * 1000),
  });
  const huashu = await page.evaluate(() => document.documentElement.dataset.huashu ?? null);
  await page.close();
  if (url.includes('127.0.0.1') && huashu !== 'waiting') throw new Error(`Huashu not running (${huashu})`);
  return { startup: diff(m0, m1), steady: diff(m1, m2) };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
type Added = { startup: Window; steady: Window };
const sub = (a: Window, b: Window): Window => ({
  scriptMs: round(a.scriptMs - b.scriptMs),
  taskMs: round(a.taskMs - b.taskMs),
});

const server = await serveStatic(FIXTURE_CONSOLES_DIR);
const port = new URL(server.origin).port;
const launched = await launchWithExtension({ args: ['--host-resolver-rules=MAP bench.test 127.0.0.1'] });
try {
  const configs = { empty: 'ads=0&pixels=0', ads: `ads=${N}&pixels=0`, pixels: `ads=0&pixels=${N}` };
  const runs: Record<string, Added[]> = { empty: [], ads: [], pixels: [] };
  for (let r = 0; r < RUNS; r++)
    for (const [name, query] of Object.entries(configs)) {
      const without = await measure(launched.context, `http://bench.test:${port}/frames.html?nochat&${query}`);
      const withH = await measure(launched.context, `${server.origin}/frames.html?nochat&${query}`);
      runs[name].push({ startup: sub(withH.startup, without.startup), steady: sub(withH.steady, without.steady) });
      console.log(
        `run ${r + 1} ${name.padEnd(6)} with Huashu: start-up script ${withH.startup.scriptMs} ms, steady ${withH.steady.scriptMs} ms / ${STEADY_MS / 1000} s; ` +
          `without: ${without.startup.scriptMs} ms, ${without.steady.scriptMs} ms`,
      );
    }
  // Median over the runs of what Huashu adds, per configuration.
  const added = Object.fromEntries(
    Object.entries(runs).map(([name, rs]) => {
      const m = (pick: (a: Added) => number) => round(median(rs.map(pick)));
      return [
        name,
        {
          startup: { scriptMs: m((a) => a.startup.scriptMs), taskMs: m((a) => a.startup.taskMs) },
          steady: { scriptMs: m((a) => a.steady.scriptMs), taskMs: m((a) => a.steady.taskMs) },
        },
      ];
    }),
  ) as Record<keyof typeof configs, Added>;
  const perFrame = (name: 'ads' | 'pixels') => ({
    startupScriptMs: round((added[name].startup.scriptMs - added.empty.startup.scriptMs) / N),
    startupTaskMs: round((added[name].startup.taskMs - added.empty.startup.taskMs) / N),
    steadyScriptMsPerSecond: round(
      (added[name].steady.scriptMs - added.empty.steady.scriptMs) / N / (STEADY_MS / 1000),
      3,
    ),
    steadyTaskMsPerSecond: round((added[name].steady.taskMs - added.empty.steady.taskMs) / N / (STEADY_MS / 1000), 3),
  });
  const result = { frames: N, runs: RUNS, added, perAdFrame: perFrame('ads'), perTrackingFrame: perFrame('pixels') };
  console.log(
    `top frame alone (no sub-frames): start-up ≈ ${added.empty.startup.scriptMs} ms script (median of ${RUNS})`,
  );
  console.log(
    `per inert ad frame (300×250, DOM changing every 100 ms): start-up ≈ ${result.perAdFrame.startupScriptMs} ms script, ` +
      `steady ≈ ${result.perAdFrame.steadyScriptMsPerSecond} ms script per second`,
  );
  console.log(
    `per tracking frame (1×1): start-up ≈ ${result.perTrackingFrame.startupScriptMs} ms script, ` +
      `steady ≈ ${result.perTrackingFrame.steadyScriptMsPerSecond} ms script per second`,
  );
  console.log(JSON.stringify(result));
} finally {
  await launched.close();
  await server.close();
}
