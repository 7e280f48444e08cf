/**
 * Thin: starts Huashu on a chat console page. Declared for the demo origins; other consoles get the
 * same file registered at runtime when the agent enables them.
 */
import { DEMO_MATCHES } from '@/lib/sites';

export default defineContentScript({
  matches: DEMO_MATCHES,
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  async main() {
    document.documentElement.dataset.huashu = 'ready';
  },
});
