/**
 * Remembers where the agent's caret was in the reply box. Clicking the card or typing in its search box
 * moves focus and the document selection away; insertion puts the text back at that caret.
 */
export interface CaretKeeper {
  /** The last selection inside `host` (a contenteditable), if the agent ever placed one there. */
  range(host: Element): Range | null;
  /** Has the agent focused `el` since the page loaded? (Never-focused fields get text appended.) */
  touched(el: Element): boolean;
  stop(): void;
}

export function keepCaret(doc: Document = document): CaretKeeper {
  let saved: Range | null = null;
  const touched = new WeakSet<Element>();
  const onSelection = () => {
    const sel = doc.getSelection();
    if (!sel || !sel.rangeCount) return;
    const r = sel.getRangeAt(0);
    const node = r.commonAncestorContainer;
    const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
    if (el?.closest('[contenteditable]:not([contenteditable="false"])')) saved = r.cloneRange();
  };
  const onFocus = (e: FocusEvent) => {
    // composedPath: inside a shadow root the document sees only the host as target.
    const target = e.composedPath()[0] ?? e.target;
    if (target instanceof doc.defaultView!.Element) touched.add(target);
  };
  doc.addEventListener('selectionchange', onSelection);
  doc.addEventListener('focusin', onFocus, true);
  return {
    range: (host) => (saved && host.contains(saved.commonAncestorContainer) ? saved : null),
    touched: (el) => touched.has(el),
    stop() {
      doc.removeEventListener('selectionchange', onSelection);
      doc.removeEventListener('focusin', onFocus, true);
    },
  };
}
