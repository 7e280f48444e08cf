/**
 * What the production build (`npm run build`, `npm run zip`) must not contain, read from the built files:
 * the demo origins in the manifest (content-script matches, host permissions), the service worker's test
 * hooks (`globalThis.huashu`), open shadow roots on console pages. See lib/build-mode.ts.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const DEMO_HOST = /^(\*|https?):\/\/(localhost|127\.0\.0\.1)(:\d+)?\//;
/** The test hooks' assignment (entrypoints/background/test-hooks.ts); minifiers keep the global's name. */
const TEST_HOOKS = /globalThis\.huashu\b|\bhuashu\s*=\s*\{\s*db\b/;
/** components/shared/page-ui-host.ts folded by the build: a `div` fallback name and a closed mode. */
const CLOSED_HOST = /\{name:[^{}]*`div`[^{}]*,mode:`closed`\}/;

interface Manifest {
  host_permissions?: string[];
  permissions?: string[];
  content_scripts?: { matches?: string[] }[];
}

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

/** Every problem found in the build in `dir` (empty: a clean production build). */
export function productionBuildProblems(dir: string): string[] {
  const problems: string[] = [];
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  // MV2 (Firefox) lists hosts among permissions.
  for (const [where, patterns] of [
    ['host_permissions', manifest.host_permissions ?? []],
    ['permissions', manifest.permissions ?? []],
    ...(manifest.content_scripts ?? []).map((s, i) => [`content_scripts[${i}].matches`, s.matches ?? []] as const),
  ] as const)
    for (const p of patterns) if (DEMO_HOST.test(p)) problems.push(`manifest ${where} has the demo origin ${p}`);
  for (const file of files(dir))
    if (file.endsWith('.js') && TEST_HOOKS.test(readFileSync(file, 'utf8')))
      problems.push(`${relative(dir, file)} sets the test hooks (globalThis.huashu)`);
  const content = join(dir, 'content-scripts/content.js');
  if (!CLOSED_HOST.test(readFileSync(content, 'utf8')))
    problems.push('content-scripts/content.js: the page UI host is not built with closed shadow roots');
  return problems;
}
