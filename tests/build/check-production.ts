/**
 * `node --import tsx tests/build/check-production.ts [chrome|firefox] [dir]`: fails (exit 1, the problems
 * listed) unless the production build is free of test-build parts. Run by test:e2e / test:firefox right after
 * `wxt build`; given the test build's directory it fails, as it must.
 */
import { resolve } from 'node:path';
import { productionBuildProblems } from './production-build';

const browser = process.argv[2] ?? 'chrome';
const dir = resolve(process.argv[3] ?? `.output/${browser === 'firefox' ? 'firefox-mv2' : 'chrome-mv3'}`);
const problems = productionBuildProblems(dir);
if (problems.length) {
  console.error(`Not a clean production build (${dir}):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`Production build ${dir}: no demo origins, no test hooks, closed shadow roots.`);
