/**
 * Alt+1…3 insert suggestion 1…3 and Esc hides the card for this message — only while the card shows
 * suggestions; Alt+0 opens the strip to the full card and back, only while the strip shows. Otherwise the
 * keys go to the page untouched. Only real key presses count: a KeyboardEvent
 * a page script dispatches is left alone (lib/trusted.ts).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { guard } from '@/lib/guard';
import { trusted } from '@/lib/trusted';

export interface KeyboardTarget {
  /** The agent's input method takes this key (lib/insert/composition.ts): Huashu leaves it alone. */
  imeOwns(e: KeyboardEvent): boolean;
  /** How many suggestions are showing (0 = leave the keys alone). */
  showing(): number;
  /** Is the card visible with something to dismiss? */
  dismissible(): boolean;
  insert(rank: number): void;
  hide(): void;
  /** Alt+0: open the strip to the full card or back; false when no strip shows (the key is the page's). */
  toggleOpen(): boolean;
}

export function setupKeyboard(ctx: ContentScriptContext, target: KeyboardTarget): () => void {
  const onKey = guard(
    'keyboard',
    trusted((e: KeyboardEvent) => {
      if (target.imeOwns(e)) return;
      if (e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey) {
        // e.code: Alt+digit types symbols on some layouts (macOS), the physical key stays Digit1…
        const n = /^Digit([0-3])$/.exec(e.code)?.[1] ?? /^[0-3]$/.exec(e.key)?.[0];
        if (n === '0') {
          if (!target.toggleOpen()) return;
          e.preventDefault();
          e.stopImmediatePropagation();
          return;
        }
        if (!n || target.showing() < Number(n)) return;
        e.preventDefault();
        e.stopImmediatePropagation();
        target.insert(Number(n) - 1);
      } else if (e.key === 'Escape' && !e.altKey && !e.ctrlKey && !e.metaKey && target.dismissible()) {
        e.preventDefault();
        e.stopImmediatePropagation();
        target.hide();
      }
    }),
  );
  ctx.addEventListener(window, 'keydown', onKey as (e: Event) => void, { capture: true });
  return () => window.removeEventListener('keydown', onKey as (e: Event) => void, { capture: true });
}
