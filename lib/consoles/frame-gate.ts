/**
 * Keeps a frame inert until it holds a conversation (lib/consoles/frames.ts). Work while inert: a `resize`
 * and a `focusin` listener; in a frame big enough for a chat, one MutationObserver (child lists only) that
 * schedules a check at most every 0.5–4 s. A check asks the adapter for a reply box, then a message list.
 * Ends (observer and listener removed) when the conversation is found or the returned stop is called.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { checkDelay, frameEligible, frameView, type FrameView } from '@/lib/consoles/frames';
import { guard } from '@/lib/guard';

export interface GateOptions {
  /** Does the frame hold a conversation now? */
  holds(): boolean;
  /** Called once, the first time `holds` is true. */
  onFound(): void;
  win?: Window;
  /** The frame's place and size (default: read from `win`; tests pass their own). */
  view?: () => FrameView;
}

export interface Gate {
  /** Check soon (the adapter changed: config loaded, console taught). */
  poke(): void;
  stop(): void;
}

export function gateOnConversation(ctx: ContentScriptContext, opts: GateOptions): Gate {
  const win = opts.win ?? window;
  const doc = win.document;
  const view = opts.view ?? (() => frameView(win));
  let observer: MutationObserver | null = null;
  let timer: number | undefined;
  let last = 0;
  let misses = 0;
  let done = false;

  const check = guard('frame check', () => {
    timer = undefined;
    if (done || !ctx.isValid) return;
    last = Date.now();
    if (!opts.holds()) {
      misses++;
      return;
    }
    stop();
    opts.onFound();
  });

  // Only frames big enough for a chat are checked (they have the observer).
  const schedule = () => {
    if (done || !observer || timer !== undefined) return;
    timer = ctx.setTimeout(check, Math.max(0, last + checkDelay(misses) - Date.now()));
  };

  // A frame that grows (a chat widget opened, a display: none frame shown) is looked at again.
  const onResize = guard('frame resize', () => {
    const eligible = frameEligible(view());
    if (eligible && !observer) {
      const mo = new MutationObserver(() => schedule());
      mo.observe(doc.body ?? doc.documentElement, { childList: true, subtree: true });
      observer = mo;
      misses = 0;
      schedule();
    } else if (!eligible && observer) {
      observer.disconnect();
      observer = null;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    }
  });

  function stop() {
    done = true;
    observer?.disconnect();
    observer = null;
    if (timer !== undefined) clearTimeout(timer);
    win.removeEventListener('resize', onResize);
    doc.removeEventListener('focusin', schedule, true);
  }

  win.addEventListener('resize', onResize);
  // The agent clicking into a reply box that appeared without a DOM change (shown by a style change).
  doc.addEventListener('focusin', schedule, true);
  onResize();
  return {
    poke() {
      if (done) return;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      last = 0;
      schedule();
    },
    stop,
  };
}
