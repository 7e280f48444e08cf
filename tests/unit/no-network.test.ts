/**
 * Buyers' chats stay on the agent's machine. The CSP (wxt.config.ts, tested in tests/e2e/smoke.spec.ts) limits
 * extension pages and the service worker to the extension itself and what pack subscriptions need; content
 * scripts run under the page's policy, so the source itself must not call the network: the only fetches allowed
 * read a file of the extension package, or a subscribed pack file (fetch-file.ts, called by the background's
 * subscriptions.ts only — tests/e2e/library-subscribe.spec.ts checks what that request carries).
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

it('extension code calls the network only to read its own packaged files and a subscribed pack file', () => {
  const calls: string[] = [];
  for (const dir of ['entrypoints', 'lib', 'components'])
    for (const file of sources(join(root, dir)))
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line) => {
          if (NETWORK.test(line) && !/fetch\(browser\.runtime\.getURL\(/.test(line))
            calls.push(`${relative(root, file)}: ${line.trim()}`);
        });
  // The subscription fetch: one call in the fetch module, and the background passing the real fetch to it.
  expect(calls).toEqual([
    'entrypoints/background/subscriptions.ts: fetch: (url, init) => fetch(url, init),',
    'lib/library/subscription/fetch-file.ts: res = await deps.fetch(url, requestInit(known, controller.signal));',
  ]);
});

// The folder's own modules import each other by relative path (fetch-file ← check ← manager); from outside:
it('only the background reaches the subscription fetch from outside its folder', () => {
  const importers: string[] = [];
  for (const dir of ['entrypoints', 'lib', 'components'])
    for (const file of sources(join(root, dir)))
      if (/subscription\/(fetch-file|check|manager)['"]/.test(readFileSync(file, 'utf8')))
        importers.push(relative(root, file));
  expect(importers.sort()).toEqual([
    'components/library/SubscriptionPanel.tsx', // FAILURES and the Subscription type (check.ts) only
    'entrypoints/background/subscriptions.ts',
    'lib/messaging.ts', // the AddError type only
  ]);
});
