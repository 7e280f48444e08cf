/**
 * Insert into a <textarea> or text <input>, including React/Vue-controlled ones: set the value with the
 * prototype's native setter (bypassing a framework's instance override) and fire a bubbling `input`
 * event, so the page's own state sees the text. Nothing is submitted.
 */
export type TextField = HTMLTextAreaElement | HTMLInputElement;

export function isTextField(el: Element): el is TextField {
  return el.tagName === 'TEXTAREA' || el.tagName === 'INPUT';
}

export function insertIntoTextField(el: TextField, text: string, opts: { atEnd?: boolean } = {}): void {
  const win = el.ownerDocument.defaultView!;
  const value = el.value;
  let start = el.selectionStart ?? value.length;
  let end = el.selectionEnd ?? start;
  if (opts.atEnd) start = end = value.length;
  const next = value.slice(0, start) + text + value.slice(end);
  const proto = el.tagName === 'TEXTAREA' ? win.HTMLTextAreaElement.prototype : win.HTMLInputElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  el.focus({ preventScroll: true });
  if (setter) setter.call(el, next);
  else el.value = next;
  const caret = start + text.length;
  try {
    el.setSelectionRange(caret, caret);
  } catch {
    // Some input types have no selection API.
  }
  el.dispatchEvent(new win.InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
}
