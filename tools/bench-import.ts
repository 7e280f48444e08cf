/// <reference types="chrome" />
/**
 * `npm run bench:import`: import figures for a generated 10,000-script pack (about 10 MB).
 *
 * Node part (fake-indexeddb, the same lib/ code the worker runs): parse + validate, preview, Apply
 * transaction, re-import of the same file, an update with 1 % changed, a 10,000-row CSV, peak memory,
 * and the time until the engine answers from the newly imported pack.
 * Browser part (skipped with --no-browser, or when the extension is not built): the same file through
 * the side panel's file input in Chromium — time to preview, the longest main-thread task meanwhile (the
 * panel must not freeze), Apply, and Apply → first `suggest` answered from the new pack.
 *
 * Prints the figures, then one JSON line with all of them.
 */
import 'fake-indexeddb/auto';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { HuashuDB } from '../lib/db/db';
import { createEngineCache } from '../lib/library/engine-cache';
import { applyPackImport, previewPackImport } from '../lib/library/import';
import { createImportSession } from '../lib/library/import-session';
import { exportCsv, exportPack } from '../lib/pack/export';
import type { Pack, Script } from '../lib/pack/schema';

const SCRIPTS = Number(process.env.BENCH_SCRIPTS ?? 10_000);
const browserWanted = !process.argv.includes('--no-browser');

/** Deterministic pseudo-random text (mulberry32), so every run imports the same bytes. */
function rng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const CHARS =
  '的一是不了在人有我他这中大来上个国到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走电四第门相次东政海口使教西再平真听世气信北少关并内加化由却代军产入先山五太水万市眼体别处总才场师书比住员九笑性通目华报立马命张活难神数件安表原车白应路期叫死常提感金何更反合放做系计或司利受光王果亲界及今京务制解各任至清物台象记边共风战干接它许八特觉望直服毛林题建南度统色字请交爱让认算论百吃义科怎元社术结六功指思非流每青管夫连远资队跟带花快条院变联言权往展该领传近留红治决周保达办运武半候七必城父强步完革深区即求品士转量空甚众技轻程告江语英基派满式李息写呢识极令黄德收脸钱党倒未持取设始版双历越史商千片容研像找友孩站广改议形委早房音火际则首单据导影失拿网香似斯专石若兵弟谁校读志飞观争究包组造落视济喜离虽坏兴';
function text(r: () => number, n: number) {
  let s = '';
  for (let i = 0; i < n; i++) s += CHARS[Math.floor(r() * CHARS.length)];
  return s;
}

function generate(n: number, seed = 1): Pack {
  const r = rng(seed);
  const scripts: Script[] = [];
  for (let i = 0; i < n; i++) {
    scripts.push({
      id: `s${i}`,
      category: `分类${i % 40}`,
      questions: [text(r, 10), text(r, 12), text(r, 8)],
      keywords: [text(r, 2), text(r, 3)],
      answers: [
        { text: `亲，${text(r, 120)}～`, tone: 'friendly' },
        { text: `您好，${text(r, 120)}。`, tone: 'formal' },
      ],
      followUps: i % 5 === 0 ? [{ text: text(r, 10), options: [text(r, 4), text(r, 4)] }] : [],
      compensations: i % 7 === 0 ? [{ kind: 'gift', text: text(r, 12), cost: 3 }] : [],
      tags: [],
    });
  }
  return {
    format: 'huashu.pack',
    version: 1,
    pack: { id: 'bench', name: 'Bench pack', locale: 'zh-CN' },
    synonyms: [],
    featured: [],
    consoles: [],
    scripts,
  };
}

const mb = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;
const ms = (t: number) => Math.round(t);
async function timed<T>(fn: () => Promise<T> | T): Promise<[T, number]> {
  const t0 = performance.now();
  const v = await fn();
  return [v, performance.now() - t0];
}

/**
 * The import itself, in a fresh Node process that only reads the file from disk: its peak memory is the
 * import's (plus Node and the modules, reported as the baseline), not the generator's.
 */
async function childImport(file: string, targetId: string, targetQuestion: string) {
  const rssBaseline = process.memoryUsage().rss;
  let peakHeap = process.memoryUsage().heapUsed;
  const sample = () => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed));
  const bytes = readFileSync(file);
  const db = new HuashuDB(`bench-child-${process.pid}`);
  const session = createImportSession(db, sample);
  const [loaded, loadMs] = await timed(() =>
    session.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength), 'bench.json'),
  );
  sample();
  if (loaded.kind !== 'preview') throw new Error(`bench pack did not load: ${JSON.stringify(loaded).slice(0, 300)}`);
  const [, applyMs] = await timed(() => session.apply({}));
  sample();
  // The engine picks the new pack up: invalidate (what libraryChanged does), build, answer.
  const cache = createEngineCache(db);
  const [answer, engineMs] = await timed(async () => {
    cache.invalidate();
    const { engine } = await cache.get();
    return engine.search(targetQuestion, 3);
  });
  sample();
  return {
    loadMs: ms(loadMs),
    applyMs: ms(applyMs),
    importTotalMs: ms(loadMs + applyMs),
    engineReadyMs: ms(engineMs),
    engineFound: answer.some((s) => s.scriptId === targetId),
    rssBaselineMB: mb(rssBaseline),
    peakRssMB: mb(process.resourceUsage().maxRSS * 1024),
    peakHeapMB: mb(peakHeap),
  };
}

async function nodeFigures() {
  const pack = generate(SCRIPTS);
  const json = exportPack(pack);
  const bytes = new TextEncoder().encode(json);
  const file = join(mkdtempSync(join(tmpdir(), 'huashu-bench-')), 'bench.huashu-pack.json');
  writeFileSync(file, json);
  const target = pack.scripts[SCRIPTS - 1];
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', file, target.id, target.questions[0]],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  if (child.status !== 0) throw new Error(`child import failed: ${child.stderr}`);
  const imported = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as Awaited<ReturnType<typeof childImport>>;

  // The remaining steps reuse one database in this process.
  const db = new HuashuDB(`bench-${process.pid}`);
  const session = createImportSession(db);
  await session.load(bytes.slice().buffer, 'bench.json');
  await session.apply({});

  // Same file again: preview says identical, Apply writes nothing.
  const [again, reimportMs] = await timed(() => session.load(bytes.slice().buffer, 'bench.json'));
  const identical = again.kind === 'preview' && again.preview.identical;

  // The lead's next version: 1 % of the scripts changed.
  const next = structuredClone(pack);
  for (let i = 0; i < SCRIPTS; i += 100) next.scripts[i].answers[0].text += '（已更新）';
  const [preview, updatePreviewMs] = await timed(() => previewPackImport(db, next));
  const [, updateApplyMs] = await timed(() => applyPackImport(db, next));

  // A quick-phrase CSV of the same size.
  const csvBytes = new TextEncoder().encode(exportCsv(generate(SCRIPTS, 2)));
  const csvSession = createImportSession(new HuashuDB(`bench-csv-${process.pid}`));
  const [table, csvReadMs] = await timed(() => csvSession.load(csvBytes.slice().buffer, 'bench.csv'));
  if (table.kind !== 'csv') throw new Error('CSV did not load');
  const [csvPreview, csvBuildMs] = await timed(() =>
    csvSession.buildCsv(table.mapping, table.hasHeader, { id: 'bench-csv', name: 'Bench CSV' }),
  );
  if (csvPreview.kind !== 'preview') throw new Error('CSV did not build');
  await db.delete();
  return {
    scripts: SCRIPTS,
    fileMB: mb(bytes.length),
    ...imported,
    reimportIdenticalMs: ms(reimportMs),
    reimportIdentical: identical,
    updateChanged: preview.changed.length,
    updatePreviewMs: ms(updatePreviewMs),
    updateApplyMs: ms(updateApplyMs),
    csvMB: mb(csvBytes.length),
    csvRows: table.rowCount,
    csvParseMs: ms(csvReadMs),
    csvBuildMs: ms(csvBuildMs),
    json,
  };
}

async function browserFigures(json: string, target: Script) {
  const { EXTENSION_DIR, CHROMIUM, launchWithExtension } = await import('./browser/extension');
  if (!existsSync(`${EXTENSION_DIR}/manifest.json`) || !existsSync(CHROMIUM))
    return { skipped: 'not built or no Chromium' };
  const ext = await launchWithExtension();
  try {
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.extensionId}/sidepanel.html#scripts`);
    await page.getByTestId('pack-import-input').waitFor({ state: 'attached' });
    // Long tasks on the panel's main thread while the file is parsed (the worker's time does not count).
    await page.evaluate(() => {
      const w = window as unknown as { longest: number };
      w.longest = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.longest = Math.max(w.longest, e.duration);
      }).observe({ type: 'longtask', buffered: false });
    });
    // From a file on disk, as an agent would pick it (a buffer would be decoded by page script).
    const file = join(mkdtempSync(join(tmpdir(), 'huashu-bench-')), 'bench.huashu-pack.json');
    writeFileSync(file, json);
    const t0 = Date.now();
    await page.getByTestId('pack-import-input').setInputFiles(file);
    await page.getByTestId('pack-import-preview').waitFor({ timeout: 120_000 });
    const previewMs = Date.now() - t0;
    const mode = await page.getByTestId('pack-import').getAttribute('data-import-mode');
    const longest = () => page.evaluate(() => (window as unknown as { longest: number }).longest);
    const longestTaskMs = await longest();
    await page.evaluate(() => ((window as unknown as { longest: number }).longest = 0));
    const t1 = Date.now();
    await page.getByTestId('pack-import-confirm').click();
    await page.getByTestId('pack-import-done').waitFor({ timeout: 120_000 });
    const applyMs = Date.now() - t1;
    const longestApplyTaskMs = await longest();
    const t2 = Date.now();
    const reply = await page.evaluate(
      (text) =>
        chrome.runtime.sendMessage({
          id: 1,
          type: 'suggest',
          data: { text, url: 'http://127.0.0.1/' },
          timestamp: Date.now(),
        }),
      target.questions[0],
    );
    const suggestMs = Date.now() - t2;
    const found = (reply?.res?.suggestions ?? []).some((s: { scriptId: string }) => s.scriptId === target.id);
    return {
      parser: mode,
      previewMs,
      longestMainThreadTaskMs: Math.round(longestTaskMs),
      longestTaskDuringApplyMs: Math.round(longestApplyTaskMs),
      applyMs,
      applyToAnswerMs: applyMs + suggestMs,
      firstSuggestAfterApplyMs: suggestMs,
      found,
    };
  } finally {
    await ext.close();
  }
}

if (process.argv[2] === '--child') {
  const [, , , file, targetId, targetQuestion] = process.argv;
  console.log(JSON.stringify(await childImport(file, targetId, targetQuestion)));
  process.exit(0);
}

const node = await nodeFigures();
const { json, ...nodeOut } = node;
console.log(`Import of a ${node.scripts}-script pack (${node.fileMB} MB), Node + fake-indexeddb:`);
console.log(`  load (decode, parse, validate, preview)  ${node.loadMs} ms`);
console.log(`  Apply (one transaction)                  ${node.applyMs} ms`);
console.log(`  engine answers from the new pack         ${node.engineReadyMs} ms (found: ${node.engineFound})`);
console.log(`  same file again → identical              ${node.reimportIdenticalMs} ms (${node.reimportIdentical})`);
console.log(
  `  update with ${node.updateChanged} changed: preview ${node.updatePreviewMs} ms, Apply ${node.updateApplyMs} ms`,
);
console.log(
  `  CSV ${node.csvRows} rows (${node.csvMB} MB): parse ${node.csvParseMs} ms, build + preview ${node.csvBuildMs} ms`,
);
console.log(
  `  memory (fresh process: read file, import, Apply, engine build): RSS ${node.rssBaselineMB} MB at start, peak RSS ${node.peakRssMB} MB, peak JS heap (sampled at each step) ${node.peakHeapMB} MB`,
);

let browser: Record<string, unknown> = { skipped: '--no-browser' };
if (browserWanted) {
  const target = generate(SCRIPTS).scripts[SCRIPTS - 1];
  browser = await browserFigures(json, target);
  if (!('skipped' in browser)) {
    console.log('Same file through the side panel in Chromium:');
    console.log(`  parsed in: ${browser.parser}; file chosen → preview ${browser.previewMs} ms`);
    console.log(`  longest main-thread task meanwhile       ${browser.longestMainThreadTaskMs} ms`);
    console.log(`  longest main-thread task during Apply    ${browser.longestTaskDuringApplyMs} ms`);
    console.log(
      `  Apply ${browser.applyMs} ms; first suggest after Apply ${browser.firstSuggestAfterApplyMs} ms (found: ${browser.found})`,
    );
  } else console.log(`Browser part skipped: ${browser.skipped}`);
}
console.log(JSON.stringify({ bench: 'import', node: nodeOut, browser }));
