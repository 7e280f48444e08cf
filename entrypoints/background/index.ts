/**
 * Thin: wires each feature's listeners. Listeners must be registered synchronously on start
 * (MV3 service worker); one feature failing to set up never stops the others.
 */
import { setupContact } from './contact';
import { setupFeedback } from './feedback';
import { setupFrames } from './frames';
import { setupLibrary } from './library';
import { setupPromises } from './promise-log';
import { setupSites } from './sites';
import { setupSubscriptions } from './subscriptions';
import { setupTestHooks } from './test-hooks';

const features: [string, () => void][] = [
  ['library', setupLibrary],
  ['sites', setupSites],
  ['subscriptions', setupSubscriptions],
  ['frames', setupFrames],
  ['promises', setupPromises],
  ['feedback', setupFeedback],
  ['contact', setupContact],
];
// Inline (not lib/build-mode.ts) so the production bundle drops the hooks module: a string Vite replaces.
if (import.meta.env.MODE === 'test') features.push(['test hooks', setupTestHooks]);

export default defineBackground(() => {
  for (const [name, setup] of features) {
    try {
      setup();
    } catch (e) {
      console.error(`[huashu] ${name} failed to start`, e);
    }
  }
});
