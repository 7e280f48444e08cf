/**
 * Which frame of a tab holds the chat. The content script runs in every frame of an enabled site (chat
 * panes often live in an iframe); only a frame that holds a conversation watches it and shows the card.
 * The others (the page shell, ad and tracking frames) stay inert: tiny frames are not even looked at
 * until they grow, the rest are checked on DOM changes, at most every `checkDelay` ms.
 */
import { shadowRoots } from './dom';
import { sitePattern } from './match-pattern';
import type { ConsoleAdapter } from './types';

export interface FrameView {
  /** window === window.top */
  top: boolean;
  width: number;
  height: number;
}

/** Smaller than this, a sub-frame cannot show a chat (pixels, tracking frames, buttons, small banners). */
export const MIN_CHAT_FRAME = { width: 200, height: 150 } as const;

/** Is this frame worth looking at for a conversation? The top frame always is. */
export function frameEligible(view: FrameView): boolean {
  if (view.top) return true;
  return view.width >= MIN_CHAT_FRAME.width && view.height >= MIN_CHAT_FRAME.height;
}

export function frameView(win: Window): FrameView {
  let top: boolean;
  try {
    top = win === win.top;
  } catch {
    top = false;
  }
  return { top, width: win.innerWidth, height: win.innerHeight };
}

/**
 * Any field an agent could type a reply into? Without one no adapter can find a reply box, so an inert
 * frame (ads, trackers) is not searched further and does not even ask for its console profile.
 */
const EDITABLE_FIELD =
  'textarea, [contenteditable]:not([contenteditable="false"]), input:not([type]), input[type="text"], input[type="search"]';

/** Any field to type in, in `root` or (for a document) in its open shadow roots. */
export function hasEditableField(root: ParentNode): boolean {
  if (root.querySelector(EDITABLE_FIELD) !== null) return true;
  return root.nodeType === 9 && shadowRoots(root as Document).some((r) => r.querySelector(EDITABLE_FIELD) !== null);
}

/**
 * Does the adapter see an open conversation: a reply box and a message list? The reply box is asked first:
 * it is the cheaper search, and frames without any editable field are never searched for a list.
 */
export function holdsConversation(adapter: Pick<ConsoleAdapter, 'replyBox' | 'messageList'>): boolean {
  return adapter.replyBox() !== null && adapter.messageList() !== null;
}

/**
 * Delay before the next check of an inert frame: quick at first (a console loading its chat), slower after
 * many misses on a page that keeps changing (rotating banners), never slower than `max`.
 */
export function checkDelay(misses: number, base = 500, max = 4000): number {
  if (misses < 10) return base;
  return Math.min(max, base * 2 ** Math.floor((misses - 10) / 10 + 1));
}

/** Frames of one tab that watch a chat, most recent first, at most `max` (ids of frames long gone drop out). */
export function addChatFrame(frames: readonly number[], frameId: number, max = 8): number[] {
  return [frameId, ...frames.filter((f) => f !== frameId)].slice(0, max);
}

/**
 * The adapter as the promise log sees it: the conversation exists only while this frame watches it, so a
 * frame that holds no chat (the page shell around a chat iframe) never logs a guess from its own page.
 */
export function whileWatching(adapter: ConsoleAdapter, watching: () => boolean): ConsoleAdapter {
  return {
    id: adapter.id,
    name: adapter.name,
    verified: adapter.verified,
    messageList: () => (watching() ? adapter.messageList() : null),
    messages: () => (watching() ? adapter.messages() : []),
    isBuyer: (row) => adapter.isBuyer(row),
    text: (row) => adapter.text(row),
    replyBox: () => (watching() ? adapter.replyBox() : null),
    conversationName: () => (watching() ? adapter.conversationName() : undefined),
    orderId: () => (watching() ? adapter.orderId() : undefined),
  };
}

export interface FrameElementInfo {
  /** The iframe's address (its src). */
  src: string;
  width: number;
  height: number;
}

/**
 * The page's iframes that could hold a chat and come from another site: Huashu runs in a frame only when
 * the frame's own site is enabled, so the side panel offers to enable these too. One per site pattern.
 */
export function foreignChatFrames(
  pageUrl: string,
  frames: readonly FrameElementInfo[],
): { pattern: string; url: string }[] {
  const own = sitePattern(pageUrl);
  const out = new Map<string, string>();
  for (const f of frames) {
    const pattern = sitePattern(f.src);
    if (!pattern || pattern === own || out.has(pattern)) continue;
    if (frameEligible({ top: false, width: f.width, height: f.height })) out.set(pattern, f.src);
  }
  return [...out].map(([pattern, url]) => ({ pattern, url }));
}
