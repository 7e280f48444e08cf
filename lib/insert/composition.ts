/**
 * Tracks the agent's input method (pinyin, zhuyin…): between `compositionstart` and `compositionend` the
 * reply box holds text the IME has not committed yet. Huashu must not insert then (the IME would swallow or
 * duplicate the text) nor take the IME's keys (Alt+1…3, Esc pick candidates in some IMEs).
 */
import { settle } from './contenteditable';

export interface CompositionTracker {
  /** Is a composition under way in this document (its shadow roots included)? */
  active(): boolean;
  /**
   * Is this key press the input method's? While it composes, Alt+1…3 and Esc pick or cancel candidates;
   * keys it processes come as `isComposing` or keyCode 229 ("Process"). The one place Huashu's keys ask.
   */
  ownsKey(e: KeyboardEvent): boolean;
  /**
   * Resolves true at once when nothing is being composed, else after `compositionend` once the editor has
   * committed the text (a frame later). Only the latest waiter goes ahead: earlier ones resolve false.
   */
  idle(): Promise<boolean>;
  /** Called after each composition ended and the editor committed it. */
  onEnd(fn: () => void): () => void;
  stop(): void;
}

export function trackComposition(doc: Document = document): CompositionTracker {
  const win = doc.defaultView!;
  let composing = false;
  let waiter: ((go: boolean) => void) | null = null;
  const listeners = new Set<() => void>();

  const ended = () => {
    if (!composing) return;
    composing = false;
    void settle(win).then(() => {
      if (composing) return; // a new composition started meanwhile: keep waiting
      const w = waiter;
      waiter = null;
      w?.(true);
      for (const fn of listeners)
        try {
          fn();
        } catch (e) {
          console.warn('[huashu] composition listener', e);
        }
    });
  };
  const onStart = () => {
    composing = true;
  };
  // A key press outside composition means the IME is done, even if its compositionend got lost.
  const onKey = (e: KeyboardEvent) => {
    if (composing && !e.isComposing && e.key !== 'Process' && e.keyCode !== 229) ended();
  };
  doc.addEventListener('compositionstart', onStart, true);
  doc.addEventListener('compositionend', ended, true);
  doc.addEventListener('keydown', onKey, true);

  return {
    active: () => composing,
    ownsKey: (e) => composing || e.isComposing || e.keyCode === 229,
    idle() {
      if (!composing && !waiter) return Promise.resolve(true);
      waiter?.(false);
      return new Promise<boolean>((ok) => (waiter = ok));
    },
    onEnd(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    stop() {
      doc.removeEventListener('compositionstart', onStart, true);
      doc.removeEventListener('compositionend', ended, true);
      doc.removeEventListener('keydown', onKey, true);
      waiter?.(false);
      waiter = null;
      listeners.clear();
    },
  };
}
