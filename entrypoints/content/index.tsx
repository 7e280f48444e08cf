/**
 * Thin: starts Huashu's features on a chat console page, each independently (one failing never stops the
 * others), each returning its stop function, all stopped when this copy of the script is invalidated.
 * Declared for the demo origins in the test build (lib/build-mode.ts); other consoles get this same file registered at runtime when the agent
 * enables them (entrypoints/background/sites.ts).
 */
import type { ConsoleAdapter } from '@/lib/consoles/types';
import { DEMO_MATCHES } from '@/lib/sites';
import { report } from '@/lib/guard';
import { logFeedbackFromCard, logPromiseFromCard, offerPromise, setupPromises } from '@/components/promises/page-log';
import { setupSuggestions } from '@/components/console/console-feature';
import { setupReviews } from '@/components/reviews/review-feature';
import { becomeTheOnlyCopy } from './one-copy';

export default defineContentScript({
  // The test build declares the demo origins; the production build declares none (registered at runtime only).
  matches: DEMO_MATCHES,
  registration: DEMO_MATCHES.length ? 'manifest' : 'runtime',
  // Chat panes often live in an iframe: every frame gets the script, only the one holding a conversation
  // watches (the others stay inert, see components/console/console-feature.ts).
  allFrames: true,
  // Chat frames the page writes itself (about:blank, srcdoc; blob: in Chromium) run the script too.
  matchAboutBlank: true,
  matchOriginAsFallback: { chrome: true, firefox: false },
  runAt: 'document_idle',
  cssInjectionMode: 'manual',
  // The page reads window messages: WXT's started-message there is not needed (and ignored, see one-copy.ts).
  noScriptStartedPostMessage: true,
  async main(ctx) {
    becomeTheOnlyCopy(ctx);
    // The promise log reads the page through the console feature's adapter (replaced by teach mode).
    let stopPromises = () => {};
    const onAdapterChange = (adapter: ConsoleAdapter) => {
      stopPromises();
      stopPromises = setupPromises(ctx, adapter);
    };
    const features: [string, () => Promise<() => void>][] = [
      [
        'console',
        () =>
          setupSuggestions(ctx, {
            onLogPromise: () => void logPromiseFromCard().catch((e) => report('log promise', e)),
            onLogFeedback: () => void logFeedbackFromCard().catch((e) => report('log feedback', e)),
            onAgentMessage: offerPromise,
            onAdapterChange,
          }),
      ],
      // Review-management pages: the card for the review in focus (the chat feature stays off them).
      ['reviews', () => setupReviews(ctx)],
    ];
    const results = await Promise.allSettled(features.map(([, setup]) => setup()));
    const stops: (() => void)[] = [() => stopPromises()];
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
