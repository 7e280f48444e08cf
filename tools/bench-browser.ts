/**
 * `npm run bench:browser`: Huashu in a real Chromium, on a fixture console with a long history.
 * - time from a buyer message appearing to the card showing its suggestions (p50/p95), with the 8-script
 *   test pack (baseline: messaging + rendering only), a 1,000- and a 10,000-script pack; the first
 *   message after opening the page is reported apart, and the time from opening the page to Huashu
 *   watching it (the engine for a newly installed pack is built meanwhile);
 * - main-thread time per message in the page (CDP Performance metrics: script, layout, style and total
 *   task time), against the same page on a host where Huashu is not enabled (same browser, same messages,
 *   500 ms apart);
 * - long tasks (> 50 ms) on the page's main thread;
 * - conversation switch → suggestions shown for the open turn (p50/p95), 1,000 and 10,000 scripts
 *   (tools/bench-switch.ts);
 * - content script size, raw and gzip;
 * - the page's JS heap with and without Huashu (after a forced GC);
 * - main-thread time per new buyer message with 0, 1,000 and 10,000 rows on screen, with and without Huashu
 *   (tools/bench-per-message.ts): one `{"bench":"perMessage",…}` line per row count.
 * Prints the figures, then one JSON line. Options: --messages <n> (default 30), --history <rows> (300),
 * --rows <list> (per-message section, default 0,1000,10000), --per-message-only (that section alone),
 * --no-build. Run with nothing else heavy on the machine; figures vary with CPU load.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { CDPSession, Page } from 'playwright-core';
import type { Pack, Script } from '../lib/pack/schema';
import { installPack, readPackFile } from './browser/packs';
import { benchConversationSwitch } from './bench-switch';
import { benchPerMessage } from './bench-per-message';
import { EXTENSION_DIR, launchWithExtension } from './browser/extension';
import { FIXTURE_CONSOLES_DIR, serveStatic } from './browser/server';

const { values } = parseArgs({
  options: {
    messages: { type: 'string', default: '30' },
    history: { type: 'string', default: '300' },
    rows: { type: 'string', default: '0,1000,10000' },
    'per-message-only': { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
  },
});
const MESSAGES = Number(values.messages);
const HISTORY = Number(values.history);
const ROWS = values.rows.split(',').map(Number);
const PER_MESSAGE_ONLY = values['per-message-only'];

/** Buyer messages that the test pack answers (they differ from its questions). */
const ASKS = [
  '亲，今天下单什么时候能发货呀？',
  '能便宜点吗？打个折呗',
  '那我再问问我老婆吧',
  '收到了，颜色怎么和图片不一样啊',
  '对了，可以开增值税专用发票吗？公司报销要用',
  '请问什么时候发货呀',
  '可以开专票吗',
  'When will you ship my order?',
];

const PRODUCTS = [
  '外套',
  '卫衣',
  '牛仔裤',
  '运动鞋',
  '帆布鞋',
  '双肩包',
  '保温杯',
  '台灯',
  '床单',
  '枕头',
  '羽绒服',
  '衬衫',
  '连衣裙',
  '拖鞋',
  '雨伞',
  '行李箱',
  '蓝牙耳机',
  '充电宝',
  '电饭煲',
  '加湿器',
];
const TOPICS: [string, string, string][] = [
  ['有现货吗', '还有货吗', '现货'],
  ['是什么材质', '面料是什么', '材质'],
  ['怎么清洗', '能机洗吗', '清洗'],
  ['有几个颜色', '还有别的颜色吗', '颜色'],
  ['尺寸多大', '长宽是多少', '尺寸'],
  ['有多重', '重量是多少', '重量'],
  ['保修多久', '质保几年', '保修'],
  ['适合几岁', '小孩能用吗', '年龄'],
  ['有说明书吗', '怎么安装', '安装'],
  ['是哪里产的', '产地是哪里', '产地'],
];

/** A pack of `n` scripts: the test pack's scripts plus generated product questions. */
function syntheticPack(base: Pack, n: number): Pack {
  const scripts: Script[] = [...base.scripts];
  for (let i = 0; scripts.length < n; i++) {
    const product = PRODUCTS[i % PRODUCTS.length];
    const [q1, q2, kw] = TOPICS[Math.floor(i / PRODUCTS.length) % TOPICS.length];
    const model = `${String.fromCharCode(65 + (i % 26))}${100 + Math.floor(i / 200)}`;
    scripts.push({
      ...base.scripts[0],
      id: `gen-${i}`,
      title: `${model}${product}${kw}`,
      category: product,
      questions: [`${model}款${product}${q1}`, `${product}${model}${q2}`],
      keywords: [model, product, kw],
      answers: [{ text: `亲，${model}款${product}的${kw}情况请看详情页第 ${(i % 9) + 1} 张图哦`, tone: 'neutral' }],
      followUps: [],
      compensations: [],
      refusal: undefined,
      tags: [],
    });
  }
  return { ...base, pack: { ...base.pack, id: `bench-${n}`, name: `Bench ${n}` }, consoles: [], scripts };
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : NaN;
};
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

interface Measured {
  ms: number;
  frameMs: number;
  status: string;
  first?: string;
}

/** Append one buyer message and wait for the card to show the answer to it (loading → ready). */
function measureOne(page: Page, text: string): Promise<Measured> {
  return page.evaluate(
    (text) =>
      new Promise<Measured>((resolve, reject) => {
        const root = document.querySelector('huashu-card')?.shadowRoot;
        if (!root) return reject(new Error('no card'));
        const status = () => root.querySelector<HTMLElement>('[data-testid="huashu-card"]')?.dataset.status;
        let sawLoading = false;
        const timer = setTimeout(() => reject(new Error(`no answer for ${text}`)), 20_000);
        const mo = new MutationObserver(() => {
          const s = status();
          if (s === 'loading') sawLoading = true;
          if (sawLoading && (s === 'ready' || s === 'error')) {
            mo.disconnect();
            clearTimeout(timer);
            const ms = performance.now() - t0;
            requestAnimationFrame(() =>
              resolve({
                ms,
                frameMs: performance.now() - t0,
                status: s,
                first: root.querySelector<HTMLElement>('[data-testid="huashu-suggestion"]')?.dataset.scriptId,
              }),
            );
          }
        });
        mo.observe(root, { subtree: true, childList: true, attributes: true });
        const t0 = performance.now();
        (window as unknown as { fixture: { buyerSays(t: string): void } }).fixture.buyerSays(text);
      }),
    text,
  );
}

async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
}

async function mainThread(page: Page, run: () => Promise<void>, n: number) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.evaluate(() => {
    const w = window as unknown as { __long: number[] };
    w.__long = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => w.__long.push(e.duration))).observe({
      type: 'longtask',
    });
  });
  const before = await metrics(cdp);
  await run();
  const after = await metrics(cdp);
  const long = await page.evaluate(() => (window as unknown as { __long: number[] }).__long);
  const per = (k: string) => round(((after[k] - before[k]) * 1000) / n, 2);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await metrics(cdp)).JSHeapUsedSize;
  return {
    scriptMs: per('ScriptDuration'),
    layoutMs: per('LayoutDuration'),
    styleMs: per('RecalcStyleDuration'),
    taskMs: per('TaskDuration'),
    longTasks: long.length,
    longestTaskMs: round(Math.max(0, ...long)),
    heapMB: round(heap / 2 ** 20, 2),
  };
}

if (!values['no-build']) {
  const build = spawnSync('npx', ['wxt', 'build', '--mode', 'test'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const contentJs = readFileSync(join(EXTENSION_DIR, 'content-scripts/content.js'));
const size = { rawKB: round(contentJs.length / 1024), gzipKB: round(gzipSync(contentJs).length / 1024) };

const server = await serveStatic(FIXTURE_CONSOLES_DIR);
const port = new URL(server.origin).port;
const launched = await launchWithExtension({ args: ['--host-resolver-rules=MAP bench.test 127.0.0.1'] });
// tsx keeps function names with a `__name` helper that page.evaluate's serialised callbacks lack.
await launched.context.addInitScript({ content: 'globalThis.__name ??= (f) => f;' });
const base = readPackFile(resolve(FIXTURE_CONSOLES_DIR, '../packs/console-test.json'));
const results: Record<string, unknown> = {};
try {
  if (!PER_MESSAGE_ONLY) await fullBench();
  await installPack(launched.worker, syntheticPack(base, 1_000));
  const perMessage = await benchPerMessage({
    context: launched.context,
    origin: server.origin,
    plainOrigin: `http://bench.test:${port}`,
    rows: ROWS,
    asks: ASKS,
    messages: MESSAGES,
  });
  results.perMessage = perMessage;
  const first = perMessage[ROWS[0]];
  const last = perMessage[ROWS[ROWS.length - 1]];
  if (first && last && last !== first) {
    const ratio = round(last.mainThreadMsP50 / first.mainThreadMsP50, 2);
    const addedDelta = round(last.addedMsP50 - first.addedMsP50, 2);
    results.perMessageGrowth = { fromRows: first.rows, toRows: last.rows, ratio, addedDeltaMs: addedDelta };
    console.log(
      `per message, ${last.rows} rows vs ${first.rows}: ${ratio}× the main-thread time with Huashu; Huashu's share ${first.addedMsP50} → ${last.addedMsP50} ms (${addedDelta >= 0 ? '+' : ''}${addedDelta} ms)`,
    );
  }
  for (const fig of Object.values(perMessage)) console.log(JSON.stringify({ bench: 'perMessage', ...fig }));
  if (PER_MESSAGE_ONLY)
    results.setup = {
      messages: MESSAGES,
      chromium: launched.context.browser()?.version() ?? 'persistent context',
    };
  console.log(JSON.stringify({ bench: 'browser', ...results }));
} finally {
  await launched.close();
  await server.close();
}

/** The sections before the per-message one (all but --per-message-only). */
async function fullBench() {
  const latency: Record<string, unknown> = {};
  for (const n of [base.scripts.length, 1_000, 10_000]) {
    await installPack(launched.worker, n === base.scripts.length ? base : syntheticPack(base, n));
    const page = await launched.context.newPage();
    const opened = Date.now();
    await page.goto(`${server.origin}/bench.html?history=${HISTORY}`);
    // Opening the console asks for its profile, which builds the engine for the new pack.
    await page.locator('html[data-huashu="ready"]').waitFor({ timeout: 60_000 });
    const readyMs = Date.now() - opened;
    const cold = await measureOne(page, ASKS[0]);
    const warm: Measured[] = [];
    for (let i = 0; i < MESSAGES; i++) {
      warm.push(await measureOne(page, ASKS[(i + 1) % ASKS.length]));
      await page.waitForTimeout(50);
    }
    const ms = warm.map((m) => m.ms);
    const hits = warm.filter((m) => m.first && !m.first.startsWith('gen-')).length;
    latency[n] = {
      scripts: n,
      pageReadyMs: readyMs,
      firstMs: round(cold.ms),
      p50Ms: round(pct(ms, 50)),
      p95Ms: round(pct(ms, 95)),
      maxMs: round(Math.max(...ms)),
      p50ToNextFrameMs: round(
        pct(
          warm.map((m) => m.frameMs),
          50,
        ),
      ),
      answered: `${hits}/${warm.length}`,
    };
    console.log(
      `${String(n).padStart(6)} scripts: page open → watching ${readyMs} ms (engine built meanwhile); first message ${round(cold.ms)} ms, then p50 ${round(pct(ms, 50))} ms, p95 ${round(pct(ms, 95))} ms, max ${round(Math.max(...ms))} ms; test-pack script on top ${hits}/${warm.length}`,
    );
    await page.close();
  }
  results.latency = latency;
  const { context, worker } = launched;
  const packs = [syntheticPack(base, 1_000), syntheticPack(base, 10_000)];
  const switches = MESSAGES;
  results.conversationSwitch = await benchConversationSwitch({
    context,
    worker,
    origin: server.origin,
    packs,
    asks: ASKS,
    switches,
  });

  // Main thread and heap: same messages, with Huashu (127.0.0.1) and without (bench.test: not enabled).
  await installPack(launched.worker, syntheticPack(base, 1_000));
  const runOn = async (origin: string, withHuashu: boolean) => {
    const page = await launched.context.newPage();
    await page.goto(`${origin}/bench.html?history=${HISTORY}`);
    if (withHuashu) await page.locator('html[data-huashu="ready"]').waitFor({ timeout: 15_000 });
    else await page.waitForTimeout(800);
    // The same page-side driving for both: append, then leave the page alone long enough for Huashu to
    // answer and render (no observer or polling of ours on the page while measuring).
    const out = await mainThread(
      page,
      async () => {
        for (let i = 0; i < MESSAGES; i++) {
          await page.evaluate(
            (t) => (window as unknown as { fixture: { buyerSays(t: string): void } }).fixture.buyerSays(t),
            ASKS[i % ASKS.length],
          );
          await page.waitForTimeout(500);
        }
      },
      MESSAGES,
    );
    if (withHuashu)
      await page.locator('huashu-card [data-testid="huashu-suggestion"]').first().waitFor({ timeout: 5_000 });
    await page.close();
    return out;
  };
  const without = await runOn(`http://bench.test:${port}`, false);
  const withH = await runOn(server.origin, true);
  results.mainThreadPerMessage = { withHuashu: withH, withoutHuashu: without };
  const added = {
    scriptMs: round(withH.scriptMs - without.scriptMs, 2),
    layoutAndStyleMs: round(withH.layoutMs + withH.styleMs - without.layoutMs - without.styleMs, 2),
    taskMs: round(withH.taskMs - without.taskMs, 2),
  };
  results.addedMainThreadPerMessage = added;
  results.heapMB = {
    withHuashu: withH.heapMB,
    withoutHuashu: without.heapMB,
    added: round(withH.heapMB - without.heapMB, 2),
  };
  results.contentScript = size;
  results.setup = {
    messages: MESSAGES,
    historyRows: HISTORY,
    chromium: launched.context.browser()?.version() ?? 'persistent context',
  };

  console.log(
    `main thread per message (${HISTORY}-row history, 1,000-script pack): with Huashu ${withH.taskMs} ms task time ` +
      `(script ${withH.scriptMs}, layout ${withH.layoutMs}, style ${withH.styleMs}); without ${without.taskMs} ms ` +
      `(script ${without.scriptMs}) → Huashu adds ≈ ${added.taskMs} ms (script ${added.scriptMs} ms)`,
  );
  console.log(
    `long tasks (>50 ms) on the page: with Huashu ${withH.longTasks} (longest ${withH.longestTaskMs} ms), without ${without.longTasks}`,
  );
  console.log(
    `page JS heap after GC: with Huashu ${withH.heapMB} MB, without ${without.heapMB} MB (+${results.heapMB && (results.heapMB as { added: number }).added} MB)`,
  );
  console.log(`content script: ${size.rawKB} KB raw, ${size.gzipKB} KB gzip`);
}
