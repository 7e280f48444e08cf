/**
 * The agent's own input in component tests. Card and toast act only on events the browser made from real
 * input (`isTrusted`, lib/trusted.ts); happy-dom's events carry no `isTrusted`, so testing-library's
 * `fireEvent.click` stands for a page script's click. `agentClick` dispatches the click a real mouse makes.
 */
import { fireEvent } from '@testing-library/react';

export function agentClick(el: Element): void {
  const e = new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 });
  Object.defineProperty(e, 'isTrusted', { value: true });
  fireEvent(el, e);
}
