/**
 * Buyers' chats stay on the agent's machine. The CSP (wxt.config.ts, tested in tests/e2e/smoke.spec.ts) stops
 * extension pages and the service worker; content scripts run under the page's policy, so the source itself
 * must not call the network: the only fetch allowed reads a file of the extension package.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const NETWORK =
  /\b(fetch|XMLHttpRequest|WebSocket|EventSource|sendBeacon|RTCPeerConnection)\s*\(|new\s+(XMLHttpRequest|WebSocket|EventSource)\b|\bimport\(\s*['"`]https?:/;

function* sources(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sources(path);
    else if (/\.(ts|tsx|js|mjs)$/.test(name)) yield path;
  }
}

it('extension code calls the network only to read its own packaged files', () => {
  const calls: string[] = [];
  for (const dir of ['entrypoints', 'lib', 'components'])
    for (const file of sources(join(root, dir)))
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (NETWORK.test(line) && !/fetch\(browser\.runtime\.getURL\(/.test(line))
            calls.push(`${relative(root, file)}:${i + 1}: ${line.trim()}`);
        });
  expect(calls).toEqual([]);
});
