/**
 * Teach mode's reading of the agent's clicks (the panel is components/teach/run-teach.tsx): which element
 * a click on the page stands for at each step, and what a derived profile reads on the page now.
 */
import type { ConsoleProfile } from '@/lib/pack/schema';
import { isEditable } from './dom';
import { createProfileAdapter } from './profile';

export type TeachStep = 'list' | 'buyer' | 'reply' | 'name';

/** Step 1 is clicked on a message more often than on the list itself: widen to the scrolling list. */
export function listAround(el: Element): Element {
  const body = el.ownerDocument.body;
  const view = el.ownerDocument.defaultView ?? window;
  for (let c: Element | null = el; c && c !== body; c = c.parentElement) {
    const style = view.getComputedStyle(c);
    if (/(auto|scroll)/.test(style.overflowY) && c.scrollHeight >= c.clientHeight && c.children.length >= 1) return c;
    if (c.getAttribute('role') === 'log' || c.hasAttribute('aria-live')) return c;
  }
  for (let c: Element | null = el; c && c !== body; c = c.parentElement) if (c.children.length >= 3) return c;
  return el;
}

/** The element a click on `el` picks at `step`: the list around it, the editable field, or itself. */
export function pickFor(step: TeachStep, el: Element): Element {
  if (step === 'list') return listAround(el);
  if (step === 'reply') return el.closest('textarea, input, [contenteditable]:not([contenteditable="false"])') ?? el;
  return el;
}

export interface TeachSummary {
  messages: number;
  buyer: number;
  lastBuyer?: string;
  reply: boolean;
  name?: string;
}

/** What the profile reads on the page now (shown for the agent to check before saving). */
export function summarize(profile: ConsoleProfile, doc: Document = document): TeachSummary {
  const a = createProfileAdapter(profile, doc);
  const rows = a.messages();
  const buyerRows = rows.filter((r) => a.isBuyer(r));
  const last = buyerRows.at(-1);
  return {
    messages: rows.length,
    buyer: buyerRows.length,
    lastBuyer: last ? a.text(last) : undefined,
    reply: isEditable(a.replyBox()),
    name: a.conversationName(),
  };
}
