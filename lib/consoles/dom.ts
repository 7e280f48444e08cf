/** Small DOM helpers shared by the adapters. Selectors come from packs and pages: never trust them to parse. */

const badSelectors = new Set<string>();

function reportBadSelector(selector: string, e: unknown) {
  if (badSelectors.has(selector)) return;
  badSelectors.add(selector);
  console.warn(`[huashu] invalid selector ${JSON.stringify(selector)}`, e);
}

export function queryOne(root: ParentNode, selector: string): Element | null {
  try {
    return root.querySelector(selector);
  } catch (e) {
    reportBadSelector(selector, e);
    return null;
  }
}

export function queryAll(root: ParentNode, selector: string): Element[] {
  try {
    return Array.from(root.querySelectorAll(selector));
  } catch (e) {
    reportBadSelector(selector, e);
    return [];
  }
}

export function matches(el: Element, selector: string): boolean {
  try {
    return el.matches(selector);
  } catch (e) {
    reportBadSelector(selector, e);
    return false;
  }
}

/** Collapse whitespace (chat rows are full of layout whitespace and line breaks). */
export function cleanText(s: string | null | undefined): string {
  return (s ?? '').replace(/\s+/g, ' ').trim();
}

/** Drop elements nested inside another element of the list (a selector may match a row and its bubble). */
export function outermost(els: Element[]): Element[] {
  const set = new Set(els);
  return els.filter((el) => {
    for (let p = el.parentElement; p; p = p.parentElement) if (set.has(p)) return false;
    return true;
  });
}

export function isEditable(el: Element | null): el is HTMLElement {
  if (!el) return false;
  const tag = el.tagName;
  if (tag === 'TEXTAREA') return true;
  if (tag === 'INPUT') {
    const type = ((el as HTMLInputElement).type || 'text').toLowerCase();
    return ['text', 'search', ''].includes(type);
  }
  const ce = el.getAttribute('contenteditable');
  return ce !== null && ce !== 'false';
}

/** The editable element itself, or the first editable inside a wrapper (profiles often name the wrapper). */
export function editableIn(el: Element | null): HTMLElement | null {
  if (!el) return null;
  if (isEditable(el)) return el;
  return (
    (el.querySelector(
      'textarea, [contenteditable]:not([contenteditable="false"]), input[type="text"], input:not([type])',
    ) as HTMLElement | null) ?? null
  );
}

/** An order number inside a label such as "订单号：2024061512345": the longest run of 6+ id characters. */
export function extractOrderId(text: string): string | undefined {
  const runs = text.match(/[A-Za-z0-9-]{6,}/g);
  if (!runs) return cleanText(text) || undefined;
  return runs.sort((a, b) => b.length - a.length)[0];
}

/**
 * Every open shadow root in `doc`, nested ones too: web-component consoles keep their chat inside them.
 * `skip`: an element whose subtree is not walked (the message list: thousands of rows, read elsewhere).
 */
export function shadowRoots(doc: Document, skip?: Element | null): ShadowRoot[] {
  const out: ShadowRoot[] = [];
  const visit = (root: Document | ShadowRoot) => {
    const walker = doc.createTreeWalker(root, 1 /* NodeFilter.SHOW_ELEMENT */);
    let el = walker.nextNode() as Element | null;
    while (el) {
      if (el === skip) {
        // Past its subtree: its next sibling, else the next sibling of the nearest ancestor that has one.
        let next = walker.nextSibling();
        while (!next && walker.parentNode()) next = walker.nextSibling();
        el = next as Element | null;
        continue;
      }
      if (el.shadowRoot) {
        out.push(el.shadowRoot);
        visit(el.shadowRoot);
      }
      el = walker.nextNode() as Element | null;
    }
  };
  visit(doc);
  return out;
}

/**
 * querySelectorAll over the document and its open shadow roots, in document order of the roots (without the
 * shadow roots inside `skip`).
 */
export function deepQueryAll<T extends Element = Element>(doc: Document, selector: string, skip?: Element | null): T[] {
  const roots: (Document | ShadowRoot)[] = [doc, ...shadowRoots(doc, skip)];
  return roots.flatMap((r) => queryAll(r, selector) as T[]);
}

/**
 * deepQueryAll without the subtree of `skip` (the message list: its rows are read elsewhere, and querying
 * thousands of them on every message is the cost). Same document order; `skip`'s ancestors are included.
 */
export function deepQueryAllOutside(doc: Document, selector: string, skip: Element | null): Element[] {
  if (!skip?.isConnected) return deepQueryAll(doc, selector);
  const home = skip.getRootNode() as Document | ShadowRoot;
  const roots: (Document | ShadowRoot)[] = [doc, ...shadowRoots(doc, skip)];
  return roots.flatMap((r) => (r === home ? queryAround(home, skip, selector) : queryAll(r, selector)));
}

/** Matches in `root` before and after `skip` (its ancestors included, its subtree left out), in order. */
function queryAround(root: Document | ShadowRoot, skip: Element, selector: string): Element[] {
  const path: Element[] = [];
  for (let n: Node | null = skip; n && n !== root; n = n.parentNode) path.unshift(n as Element);
  const subtree = (el: Element) => (matches(el, selector) ? [el] : []).concat(queryAll(el, selector));
  let before: Element[] = [];
  let after: Element[] = [];
  let parent: ParentNode = root;
  for (const n of path) {
    for (let c = parent.firstElementChild; c && c !== n; c = c.nextElementSibling) before = before.concat(subtree(c));
    if (n !== skip && matches(n, selector)) before.push(n);
    let tail: Element[] = [];
    for (let c = n.nextElementSibling; c; c = c.nextElementSibling) tail = tail.concat(subtree(c));
    // Siblings after an inner level come before those after an outer one.
    after = tail.concat(after);
    parent = n;
  }
  return before.concat(after);
}

/** The first match in the document, else in its open shadow roots. */
export function deepQueryOne(doc: Document, selector: string, skip?: Element | null): Element | null {
  return queryOne(doc, selector) ?? deepQueryAll(doc, selector, skip)[0] ?? null;
}

/** The focused element, looking into open shadow roots (the document only sees their host). */
export function deepActiveElement(doc: Document): Element | null {
  let el = doc.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}
