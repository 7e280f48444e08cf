/**
 * Insert into a contenteditable editor at the agent's caret (or at the end when they never placed one),
 * keeping their draft. The editor picks the way, by what it does, never by a list of editor names:
 * 1. a synthetic `paste` carrying the text: editors with their own model (Quill, Lexical, ProseMirror, TipTap,
 *    Slate, Draft.js, CKEditor 5) take it into the model, with one undo step, and cancel the event;
 * 2. a synthetic `beforeinput` (insertText): editors that take text only from beforeinput cancel it;
 * 3. `execCommand('insertText')`: plain contenteditables (native editing, native undo);
 * 4. a Range insertion plus an `input` event.
 * 3 and 4 count only when the text is still there after the editor reacted (a frame later): a model-driven
 * editor may put its own content back. When nothing takes the text, the box is left as it was (null).
 * execCommand comes after paste because Draft.js throws in the page when its DOM is edited behind its back.
 * In Firefox a synthetic paste reaches the page empty, so the Firefox build goes 2 → 3 → 4 (see below).
 */
export type EditableMethod = 'paste' | 'beforeinput' | 'execCommand' | 'dom';

/** Text without whitespace, zero-width characters and no-break spaces (editors render them differently). */
const squash = (s: string) => s.replace(/[\s\u00a0\u200b\ufeff]+/g, '');

/** Resolve once the page has reacted: its event handlers, one animation frame, and the task after it. */
export function settle(win: Window): Promise<void> {
  return new Promise((ok) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      ok();
    };
    win.requestAnimationFrame(() => win.setTimeout(finish, 0));
    // Background tabs get no animation frames.
    win.setTimeout(finish, 100);
  });
}

/** Resolve after the editor saw a selection we set (its `selectionchange` listeners ran), or a frame later. */
function selectionSeen(doc: Document): Promise<void> {
  const win = doc.defaultView!;
  return new Promise((ok) => {
    const done = () => {
      doc.removeEventListener('selectionchange', done);
      // Editors such as Slate read the selection in a task they schedule from their own listener.
      win.setTimeout(ok, 0);
    };
    doc.addEventListener('selectionchange', done);
    void settle(win).then(done);
  });
}

/** The selection that holds `host`: a shadow root's own (Chromium) when the editor lives in one. */
export function selectionOf(host: HTMLElement): Selection | null {
  const root = host.getRootNode() as Document & { getSelection?: () => Selection | null };
  return (typeof root.getSelection === 'function' ? root.getSelection() : null) ?? host.ownerDocument.getSelection();
}

/** Inside a widget the editor does not let the agent type in (placeholders, mentions, embeds)? */
function inWidget(node: Node, host: HTMLElement): boolean {
  const off = node.parentElement?.closest('[contenteditable="false"]');
  return !!off && host.contains(off);
}

/** A collapsed range after the last text of the editor: where the agent's draft ends. */
export function endOf(host: HTMLElement): Range {
  const doc = host.ownerDocument;
  const range = doc.createRange();
  const walker = doc.createTreeWalker(host, 4 /* NodeFilter.SHOW_TEXT */);
  let lastText: Text | null = null;
  let lastAny: Text | null = null;
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    if (inWidget(n, host)) continue;
    lastAny = n;
    if (squash(n.data)) lastText = n;
  }
  const text = lastText ?? lastAny;
  if (text) {
    range.setStart(text, text.length);
  } else {
    // An empty editor: the innermost last block (<p><br></p>), before its <br>.
    let el: Element = host;
    while (el.lastElementChild && el.lastElementChild.tagName !== 'BR') el = el.lastElementChild;
    range.selectNodeContents(el);
    range.collapse(el.lastElementChild?.tagName === 'BR');
  }
  range.collapse(true);
  return range;
}

/** Focus the editor and put the caret where the text goes; true when the selection had to move. */
function placeCaret(host: HTMLElement, saved: Range | null): boolean {
  const active = (host.getRootNode() as Document | ShadowRoot).activeElement;
  const hadFocus = active === host || host.contains(active);
  const sel = selectionOf(host);
  const current = sel?.rangeCount ? sel.getRangeAt(0) : null;
  const inside = (r: Range | null) => !!r && host.contains(r.commonAncestorContainer);
  if (!hadFocus) host.focus({ preventScroll: true });
  if (!sel) return !hadFocus;
  const wanted = inside(saved) ? saved! : hadFocus && inside(current) ? current! : endOf(host);
  if (
    current &&
    current.startContainer === wanted.startContainer &&
    current.startOffset === wanted.startOffset &&
    current.endContainer === wanted.endContainer &&
    current.endOffset === wanted.endOffset &&
    hadFocus
  )
    return false;
  sel.removeAllRanges();
  sel.addRange(wanted);
  return true;
}

/**
 * Firefox hides the data of a DataTransfer made in a content script from the page's own paste handler (its
 * getData returns "", Mozilla bug 1654724): there a synthetic paste would be taken and insert nothing, so the
 * Firefox build starts with beforeinput.
 */
const PAGE_READS_SYNTHETIC_PASTE = !import.meta.env.FIREFOX;

function dispatchPaste(host: HTMLElement, text: string): boolean {
  const win = host.ownerDocument.defaultView!;
  let data: DataTransfer;
  try {
    data = new win.DataTransfer();
    data.setData('text/plain', text);
  } catch {
    return false; // No DataTransfer constructor (old engines, test DOMs).
  }
  const paste = new win.ClipboardEvent('paste', { bubbles: true, cancelable: true, clipboardData: data });
  return !host.dispatchEvent(paste);
}

/** How long Firefox waits for an editor to take a beforeinput it did not cancel. */
const LATE_BEFOREINPUT_MS = 150;

/** Resolves true as soon as `shows()` holds after a change inside `host`, false after `ms` without it. */
function shownWithin(host: HTMLElement, shows: () => boolean, ms: number): Promise<boolean> {
  const win = host.ownerDocument.defaultView!;
  return new Promise((ok) => {
    const done = (v: boolean) => {
      observer.disconnect();
      win.clearTimeout(timer);
      ok(v);
    };
    const observer = new win.MutationObserver(() => {
      if (shows()) done(true);
    });
    observer.observe(host, { childList: true, subtree: true, characterData: true });
    const timer = win.setTimeout(() => done(shows()), ms);
  });
}

function dispatchBeforeInput(host: HTMLElement, text: string): boolean {
  const win = host.ownerDocument.defaultView!;
  const e = new win.InputEvent('beforeinput', { bubbles: true, cancelable: true, inputType: 'insertText', data: text });
  return !host.dispatchEvent(e);
}

/** Insert a text node at the selection; returns it so that a rejected insertion can be taken back. */
function insertNode(host: HTMLElement, text: string): Text | null {
  const doc = host.ownerDocument;
  const sel = selectionOf(host);
  const range = sel?.rangeCount ? sel.getRangeAt(0) : endOf(host);
  if (!host.contains(range.commonAncestorContainer)) return null;
  range.deleteContents();
  const node = doc.createTextNode(text);
  range.insertNode(node);
  range.setStartAfter(node);
  range.collapse(true);
  sel?.removeAllRanges();
  sel?.addRange(range);
  host.dispatchEvent(new doc.defaultView!.InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
  return node;
}

/**
 * Insert `text` into the editing host `host`; `saved` is the agent's last caret in it (caret.ts).
 * Resolves to the way the editor took it, or null when it took nothing (the box is as it was).
 */
export async function insertIntoEditable(
  host: HTMLElement,
  text: string,
  saved: Range | null = null,
): Promise<EditableMethod | null> {
  const doc = host.ownerDocument;
  const win = doc.defaultView!;
  // Editors map the DOM selection into their model on selectionchange: let them see it before pasting.
  if (placeCaret(host, saved)) await selectionSeen(doc);
  const before = squash(host.textContent ?? '');
  const want = squash(text);
  const shows = () => {
    const now = squash(host.textContent ?? '');
    return now !== before && now.includes(want);
  };
  const stays = async () => shows() && (await settle(win), shows());

  const execInsert = async () => {
    try {
      doc.execCommand('insertText', false, text);
    } catch {
      // execCommand is deprecated and may be missing; fall through.
    }
    return stays();
  };

  if (PAGE_READS_SYNTHETIC_PASTE) {
    if (dispatchPaste(host, text)) return 'paste';
    if (shows()) return 'paste'; // handled without cancelling
    if (dispatchBeforeInput(host, text) || shows()) return 'beforeinput';
    if (await execInsert()) return 'execCommand';
  } else {
    // Firefox: a beforeinput the editor cancels is taken (Slate, Lexical); one it lets pass may still be taken
    // a few frames later (CKEditor 5: 20–50 ms), so wait for the text to show before editing natively (Draft.js,
    // plain boxes) — going on at once would insert it twice.
    if (dispatchBeforeInput(host, text) || (await shownWithin(host, shows, LATE_BEFOREINPUT_MS))) return 'beforeinput';
    if (await execInsert()) return 'execCommand';
  }

  const node = insertNode(host, text);
  if (node && (await stays())) return 'dom';
  // Rejected: take our node back if the editor left it in the DOM.
  if (node?.isConnected) {
    node.remove();
    host.dispatchEvent(new win.InputEvent('input', { bubbles: true, inputType: 'deleteContentBackward' }));
  }
  return null;
}
