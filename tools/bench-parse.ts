/**
 * npm run bench:parse [-- --scripts 20000 --questions 200]
 * The pack parser on hostile files, each case in its own Node process so that its peak memory (max RSS)
 * is its own: a pack of N scripts whose Q questions are all numbers (every one a type error), a valid pack
 * of the same size, and JSON nested 2,000 and 100,000 levels deep. The plain baseline is JSON.parse alone
 * on the same text, in its own process too; `ratio` is parse time / JSON.parse time.
 * Prints one JSON line.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parsePack } from '../lib/pack/parse';
import { args, round } from './cases';

type CaseName = 'wrongTypes' | 'valid' | 'deep2000' | 'deep100000';
const CASES: CaseName[] = ['wrongTypes', 'valid', 'deep2000', 'deep100000'];

function packText(name: CaseName, scripts: number, questions: number): string {
  if (name === 'deep2000' || name === 'deep100000') {
    const depth = name === 'deep2000' ? 2000 : 100_000;
    return `{"format":"huashu.pack","version":1,"pack":{"id":"a","name":"a"},"scripts":[],"x":${'['.repeat(depth)}${']'.repeat(depth)}}`;
  }
  const list = Array.from({ length: scripts }, (_, i) => ({
    id: `s${i}`,
    questions:
      name === 'wrongTypes'
        ? Array.from({ length: questions }, (_, q) => q)
        : Array.from({ length: Math.min(questions, 5) }, (_, q) => `问题 ${i} ${q}`),
    answers: [{ text: `回复 ${i}` }],
  }));
  return JSON.stringify({ format: 'huashu.pack', version: 1, pack: { id: 'bench', name: 'bench' }, scripts: list });
}

/** Child: build the text, then time one step and report it with the process's peak memory. */
function child(name: CaseName, step: 'parsePack' | 'JSON.parse', scripts: number, questions: number) {
  const text = packText(name, scripts, questions);
  const rssBefore = process.resourceUsage().maxRSS;
  const t0 = performance.now();
  let detail: Record<string, unknown> = {};
  if (step === 'JSON.parse') JSON.parse(text);
  else {
    const r = parsePack(text);
    detail = r.ok
      ? { ok: true, scripts: r.pack.scripts.length }
      : { ok: false, problems: r.errors.length, first: r.errors[0], last: r.errors.at(-1) };
  }
  const ms = performance.now() - t0;
  const maxRssMB = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(
    JSON.stringify({ ms, maxRssMB, textMB: text.length / 1048576, rssBeforeMB: rssBefore / 1024, ...detail }),
  );
}

function run(name: CaseName, step: string, scripts: number, questions: number) {
  const self = fileURLToPath(import.meta.url);
  const r = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      self,
      '--child',
      name,
      '--step',
      step,
      '--scripts',
      String(scripts),
      '--questions',
      String(questions),
    ],
    { encoding: 'utf8', maxBuffer: 1 << 24 },
  );
  if (r.status !== 0) return { failed: true, status: r.status, stderr: r.stderr.slice(-500) };
  return JSON.parse(r.stdout) as { ms: number; maxRssMB: number; [k: string]: unknown };
}

function main() {
  const a = args(process.argv.slice(2));
  const one = (key: string) => a[key]?.[0];
  const scripts = Number(one('scripts') ?? 20_000);
  const questions = Number(one('questions') ?? 200);
  const childCase = one('child');
  if (childCase) return child(childCase as CaseName, one('step') as 'parsePack' | 'JSON.parse', scripts, questions);
  const out: Record<string, unknown> = { scripts, questions };
  for (const name of CASES) {
    const base = run(name, 'JSON.parse', scripts, questions);
    const parsed = run(name, 'parsePack', scripts, questions);
    const ratio = 'ms' in base && 'ms' in parsed ? round(parsed.ms / Math.max(base.ms, 0.01), 1) : null;
    out[name] = {
      parseMs: 'ms' in parsed ? round(parsed.ms, 1) : null,
      parseMaxRssMB: 'maxRssMB' in parsed ? round(parsed.maxRssMB, 0) : null,
      jsonParseMs: 'ms' in base ? round(base.ms, 1) : null,
      jsonParseMaxRssMB: 'maxRssMB' in base ? round(base.maxRssMB, 0) : null,
      ratio,
      result: parsed,
    };
  }
  console.log(JSON.stringify(out));
}

main();
