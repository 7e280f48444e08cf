/**
 * The element that hosts one of Huashu's shadow roots on a console page (card, toast, teach panel).
 * - Closed shadow roots in the production build: page script cannot reach into the card. The test build
 *   (lib/build-mode.ts) keeps them open for browser tests and users' own automation of a test install.
 * - A page that defined our element name first (its class would run on our host: attach its own shadow root,
 *   remove itself) gets a plain `div` host instead; `data-huashu-ui` names the host either way.
 */
import { TEST_BUILD } from '@/lib/build-mode';

export interface PageUiHost {
  name: string;
  mode: ShadowRootMode;
}

/** True when the page's custom element registry already defines `name` (read through the DOM: content scripts have no `customElements`). */
export function pageDefines(name: string, doc: Document = document): boolean {
  try {
    return doc.createElement(name).matches(':defined');
  } catch {
    // The page's constructor threw: the name is taken.
    return true;
  }
}

export function pageUiHost(name: string, doc: Document = document): PageUiHost {
  return { name: pageDefines(name, doc) ? 'div' : name, mode: TEST_BUILD ? 'open' : 'closed' };
}
