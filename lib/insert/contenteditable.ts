/**
 * Insert into a contenteditable editor at the agent's caret. In order, stopping at the first that the
 * editor accepts:
 * 1. execCommand('insertText') — native editing: fires `input` (inputType insertText), keeps undo;
 * 2. a synthetic `beforeinput` (insertText) — model-driven editors (Lexical, Slate…) apply it themselves;
 * 3. a synthetic `paste` with the text — editors that only take text through paste handlers;
 * 4. a DOM insertion at the caret plus an `input` event.
 * An editor "accepts" when the text shows up in it or it cancels the event (it handled it).
 */
export type EditableMethod = 'execCommand' | 'beforeinput' | 'paste' | 'dom';

function placeCaret(host: HTMLElement, saved: Range | null): Range {
  const doc = host.ownerDocument;
  const sel = doc.getSelection()!;
  let range = saved;
  if (!range) {
    const current = sel.rangeCount ? sel.getRangeAt(0) : null;
    if (current && host.contains(current.commonAncestorContainer)) range = current;
  }
  if (!range) {
    range = doc.createRange();
    range.selectNodeContents(host);
    range.collapse(false);
  }
  sel.removeAllRanges();
  sel.addRange(range);
  return range;
}

export function insertIntoEditable(host: HTMLElement, text: string, saved: Range | null = null): EditableMethod {
  const doc = host.ownerDocument;
  const win = doc.defaultView!;
  host.focus({ preventScroll: true });
  const range = placeCaret(host, saved);
  const before = host.textContent ?? '';
  const took = () => (host.textContent ?? '') !== before;

  try {
    if (doc.execCommand('insertText', false, text) && took()) return 'execCommand';
  } catch {
    // execCommand is deprecated and may be missing; fall through.
  }

  const beforeInput = new win.InputEvent('beforeinput', {
    bubbles: true,
    cancelable: true,
    inputType: 'insertText',
    data: text,
  });
  if (!host.dispatchEvent(beforeInput) || took()) return 'beforeinput';

  try {
    const data = new win.DataTransfer();
    data.setData('text/plain', text);
    const paste = new win.ClipboardEvent('paste', { bubbles: true, cancelable: true, clipboardData: data });
    if (!host.dispatchEvent(paste) || took()) return 'paste';
  } catch {
    // No DataTransfer constructor (old engines).
  }

  const live = placeCaret(host, range);
  live.deleteContents();
  const node = doc.createTextNode(text);
  live.insertNode(node);
  live.setStartAfter(node);
  live.collapse(true);
  const sel = doc.getSelection()!;
  sel.removeAllRanges();
  sel.addRange(live);
  host.dispatchEvent(new win.InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
  return 'dom';
}
