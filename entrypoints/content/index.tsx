/**
 * Thin: starts Huashu on a chat console page. Declared for the demo origins; other consoles get the
 * same file registered at runtime when the agent enables them.
 */
import { createFixtureAdapter, watchAgentMessages } from '@/lib/consoles/fixture-adapter';
import { DEMO_MATCHES } from '@/lib/sites';
import { offerPromise, setupPromises } from './promises';

export default defineContentScript({
  matches: DEMO_MATCHES,
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  async main(ctx) {
    // TODO [2026-12-31]: the console branch replaces the fixture adapter and watcher with the real ones.
    const adapter = createFixtureAdapter(document);
    const features: [string, () => () => void][] = [
      ['promises', () => setupPromises(ctx, adapter)],
      ['agent messages', () => watchAgentMessages(document, adapter, offerPromise)],
    ];
    const stops: (() => void)[] = [];
    for (const [name, start] of features) {
      try {
        stops.push(start());
      } catch (e) {
        console.error(`[huashu] ${name} failed to start`, e);
      }
    }
    ctx.onInvalidated(() => stops.forEach((stop) => stop()));
    document.documentElement.dataset.huashu = 'ready';
  },
});
