/**
 * One entry point for writing into a console's reply box; one module per editor kind. Never sends, never
 * throws into the page: an insertion that fails leaves the box as it was and puts the text on the clipboard.
 */
import type { CaretKeeper } from './caret';
import { copyText } from './clipboard';
import type { CompositionTracker } from './composition';
import { insertIntoEditable, type EditableMethod } from './contenteditable';
import { insertIntoTextField, isTextField } from './text-field';

export { fillPlaceholders, type PlaceholderValues } from './placeholders';
export { keepCaret, type CaretKeeper } from './caret';
export { trackComposition, type CompositionTracker } from './composition';

export type InsertMethod = 'value' | EditableMethod;

export interface InsertResult {
  /** How the box took the text; null when it took nothing. */
  method: InsertMethod | null;
  /** When it took nothing: the text is on the clipboard instead. */
  copied: boolean;
  /** A later insertion replaced this one while the agent's input method was composing. */
  skipped?: boolean;
}

export interface InsertOptions {
  caret?: CaretKeeper;
  /** Wait for the agent's input method to finish composing before touching the box. */
  composition?: CompositionTracker;
  /** Called when the insertion has to wait for that composition (the page signal tests wait for). */
  onWait?: () => void;
  /** Append after what the field holds (a card "extra" line after the answer), whatever the caret. */
  atEnd?: boolean;
}

export async function insertText(target: HTMLElement, text: string, opts: InsertOptions = {}): Promise<InsertResult> {
  const { caret, composition } = opts;
  let method: InsertMethod | null;
  try {
    if (composition?.active()) opts.onWait?.();
    if (composition && !(await composition.idle())) return { method: null, copied: false, skipped: true };
    if (isTextField(target)) {
      // A field the agent never clicked has its caret at 0: append instead of prefixing their draft.
      insertIntoTextField(target, text, { atEnd: opts.atEnd || (caret ? !caret.touched(target) : false) });
      method = 'value';
    } else {
      method = await insertIntoEditable(target, text, caret?.range(target) ?? null);
    }
  } catch (e) {
    console.warn('[huashu] insert failed', e);
    method = null;
  }
  if (method) return { method, copied: false };
  return { method, copied: await copyText(text, target.ownerDocument) };
}

/** The reply box's current text (for the "sounds like an excuse" hint). */
export function readText(target: HTMLElement): string {
  return isTextField(target) ? target.value : (target.innerText ?? target.textContent ?? '');
}
