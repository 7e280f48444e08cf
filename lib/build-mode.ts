/**
 * Which build this is. `wxt build --mode test` (npm run test:e2e, test:firefox, demo, bench:*) makes the test
 * build: the demo consoles' origins built in, open shadow roots, test hooks in the service worker. Every other
 * build (npm run build, npm run zip) is the production build users install: none of these. Vitest runs in
 * mode "test" too. `import.meta.env` is absent when the command-line tools import lib/ under Node.
 */
export const TEST_BUILD: boolean = import.meta.env?.MODE === 'test';
