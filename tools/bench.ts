/**
 * npm run bench [-- --json] [--sizes 1000,10000,50000] [--messages 200] [--fuse-messages N]
 * For generated packs (tools/gen-pack.ts) of each size: Huashu's index build time and per-message
 * p50/p95, and plain Fuse.js (lib/match/baseline.ts: questions+keywords, default options) on the same
 * messages in the same run. At 10,000 and 50,000 scripts Fuse.js is timed on fewer messages (it is
 * slow); the output says how many. The first size also pays one-time start-up (converters, lexicon).
 */
import { buildBaseline } from '../lib/match/baseline';
import { buildEngine } from '../lib/match/engine';
import { parsePack } from '../lib/pack/parse';
import { args, percentile, round } from './cases';
import { generatePack } from './gen-pack';

interface SizeResult {
  scripts: number;
  buildMs: number;
  /** CPU time of the build (user): steadier than wall time on a shared machine. */
  buildCpuMs: number;
  huashuP50Ms: number;
  huashuP95Ms: number;
  huashuMaxMs: number;
  fuseBuildMs: number;
  fuseP50Ms: number;
  fuseP95Ms: number;
  /** fuseP95Ms / huashuP95Ms */
  speedup: number;
  messages: number;
  fuseMessages: number;
  /** Share of messages that got at least one suggestion (sanity check that the engine answers). */
  answered: number;
}

function time<T>(fn: () => T): [T, number] {
  const t0 = performance.now();
  const r = fn();
  return [r, performance.now() - t0];
}

function main() {
  const a = args(process.argv.slice(2));
  const json = Boolean(a.json);
  const sizes = (a.sizes?.[0] ?? '1000,10000,50000').split(',').map(Number);
  const messageCount = Number(a.messages?.[0] ?? 200);
  const results: SizeResult[] = [];
  // One-time start-up (T→S converters, pinyin tables, default lexicon), paid once per extension start.
  const tiny = parsePack(generatePack(10, 0, 1).pack);
  if (!tiny.ok) throw new Error('tiny pack invalid');
  const startupMs = round(time(() => buildEngine([tiny.pack]))[1], 1);
  const log = (s: string) => {
    if (!json) console.log(s);
  };
  for (const n of sizes) {
    const gen = generatePack(n, messageCount, 7);
    const parsed = parsePack(gen.pack);
    if (!parsed.ok) throw new Error(`generated pack is invalid: ${parsed.errors.slice(0, 3).join('; ')}`);
    const packs = [parsed.pack];
    // Collect the generator's garbage first (run with --expose-gc) so that the build does not pay for it.
    (globalThis as { gc?: () => void }).gc?.();
    const cpu0 = process.cpuUsage();
    const [engine, buildMs] = time(() => buildEngine(packs));
    const buildCpuMs = process.cpuUsage(cpu0).user / 1000;
    // Warm-up on the pack's own questions (JIT), then time each buyer message.
    for (const s of parsed.pack.scripts.slice(0, 30)) engine.suggest(s.questions[0]);
    const huashu: number[] = [];
    let answered = 0;
    for (const m of gen.messages) {
      const [ans, ms] = time(() => engine.suggest(m));
      huashu.push(ms);
      if (ans.suggestions.length) answered++;
    }
    const [fuse, fuseBuildMs] = time(() => buildBaseline(packs));
    const fuseCap = a['fuse-messages']
      ? Number(a['fuse-messages'][0])
      : n >= 50_000
        ? 40
        : n >= 10_000
          ? 100
          : Infinity;
    const fuseMessages = Math.min(fuseCap, gen.messages.length);
    for (const m of gen.messages.slice(0, 3)) fuse.search(m, 3);
    const fuseTimes: number[] = [];
    for (const m of gen.messages.slice(0, fuseMessages)) fuseTimes.push(time(() => fuse.search(m, 3))[1]);
    const r: SizeResult = {
      scripts: n,
      buildMs: round(buildMs, 1),
      buildCpuMs: round(buildCpuMs, 1),
      huashuP50Ms: round(percentile(huashu, 50), 3),
      huashuP95Ms: round(percentile(huashu, 95), 3),
      huashuMaxMs: round(Math.max(...huashu), 2),
      fuseBuildMs: round(fuseBuildMs, 1),
      fuseP50Ms: round(percentile(fuseTimes, 50), 2),
      fuseP95Ms: round(percentile(fuseTimes, 95), 2),
      speedup: round(percentile(fuseTimes, 95) / Math.max(percentile(huashu, 95), 1e-6), 1),
      messages: gen.messages.length,
      fuseMessages,
      answered: round(answered / gen.messages.length, 2),
    };
    results.push(r);
    log(
      `${String(n).padStart(6)} scripts: build ${r.buildMs} ms (CPU ${r.buildCpuMs} ms) · Huashu p50 ${r.huashuP50Ms} / p95 ${r.huashuP95Ms} ms (${r.messages} messages, ${Math.round(r.answered * 100)}% answered) · plain Fuse p50 ${r.fuseP50Ms} / p95 ${r.fuseP95Ms} ms (${fuseMessages} messages) · ${r.speedup}× faster`,
    );
  }
  log(`\nOne-time start-up before the first build (converters, pinyin, lexicon): ${startupMs} ms (not in buildMs).`);
  log('Targets: 10,000 scripts p95 ≤ 2 ms, ≥ 20× plain Fuse, build ≤ 300 ms; 50,000 scripts < 10 ms.');
  const cut = results.filter((r) => r.fuseMessages < r.messages);
  if (cut.length)
    log(
      `Plain Fuse.js was timed on fewer messages at ${cut.map((r) => r.scripts).join(', ')} scripts (slow); see fuseMessages.`,
    );
  if (json) console.log(JSON.stringify({ sizes: results, startupMs }));
}

main();
