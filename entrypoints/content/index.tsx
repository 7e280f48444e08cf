/**
 * Thin: starts Huashu's features on a chat console page, each independently (one failing never stops the
 * others), each returning its stop function, all stopped when this copy of the script is invalidated.
 * Declared for the demo origins; other consoles get this same file registered at runtime when the agent
 * enables them (entrypoints/background/sites.ts).
 */
import type { ChatMessage } from '@/lib/consoles/types';
import type { PageCapture } from '@/lib/messaging';
import { DEMO_MATCHES } from '@/lib/sites';
import { report } from './errors';
import { setupSuggestions } from './suggestions';

// Integration points for the promise log (another feature): replace these three.
function logPromise(capture: PageCapture) {
  console.info('[huashu] log promise: not wired yet', capture);
}
function logFeedback(capture: PageCapture) {
  console.info('[huashu] log feedback: not wired yet', capture);
}
function agentMessage(_message: ChatMessage) {
  // Not wired yet: the promise log offers "log this promise" for the agent's own messages.
}

export default defineContentScript({
  matches: DEMO_MATCHES,
  runAt: 'document_idle',
  cssInjectionMode: 'manual',
  async main(ctx) {
    const features: [string, () => Promise<() => void>][] = [
      [
        'console',
        () =>
          setupSuggestions(ctx, { onLogPromise: logPromise, onLogFeedback: logFeedback, onAgentMessage: agentMessage }),
      ],
    ];
    const results = await Promise.allSettled(features.map(([, setup]) => setup()));
    const stops: (() => void)[] = [];
    results.forEach((r, i) => {
      if (r.status === 'fulfilled') stops.push(r.value);
      else report(`${features[i][0]} failed to start`, r.reason);
    });
    ctx.onInvalidated(() => {
      for (const stop of stops)
        try {
          stop();
        } catch (e) {
          report('stop', e);
        }
    });
  },
});
