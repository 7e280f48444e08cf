/**
 * One entry point for writing into a console's reply box; one module per editor kind. Never sends.
 */
import { insertIntoEditable, type EditableMethod } from './contenteditable';
import type { CaretKeeper } from './caret';
import { insertIntoTextField, isTextField } from './text-field';

export { fillPlaceholders, type PlaceholderValues } from './placeholders';
export { keepCaret, type CaretKeeper } from './caret';

export type InsertMethod = 'value' | EditableMethod;

export function insertText(target: HTMLElement, text: string, caret?: CaretKeeper): InsertMethod {
  if (isTextField(target)) {
    // A field the agent never clicked has its caret at 0: append instead of prefixing their draft.
    insertIntoTextField(target, text, { atEnd: caret ? !caret.touched(target) : false });
    return 'value';
  }
  return insertIntoEditable(target, text, caret?.range(target) ?? null);
}

/** The reply box's current text (for the "sounds like an excuse" hint). */
export function readText(target: HTMLElement): string {
  return isTextField(target) ? target.value : (target.innerText ?? target.textContent ?? '');
}
