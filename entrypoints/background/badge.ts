/**
 * The toolbar badge is shared: the promise log shows its open count (promise-review.ts) and pack subscriptions
 * add "↓" while an update waits for the agent (subscriptions.ts). Each sets its own part; the badge shows both.
 */
import { browser } from 'wxt/browser';

export interface BadgePart {
  text: string;
  color?: string;
  /** A line of the action's tooltip. */
  title?: string;
}

type PartName = 'promises' | 'subscriptions';
const parts: Record<PartName, BadgePart | null> = { promises: null, subscriptions: null };
let defaultTitle = '';

export async function showBadgePart(name: PartName, part: BadgePart | null, fallbackTitle?: string): Promise<void> {
  parts[name] = part;
  if (fallbackTitle) defaultTitle = fallbackTitle;
  const { promises, subscriptions } = parts;
  const text = `${promises?.text ?? ''}${subscriptions?.text ?? ''}`;
  const color = (promises?.text ? promises.color : subscriptions?.color) ?? promises?.color;
  const title = [promises?.text ? promises.title : '', subscriptions?.title ?? ''].filter(Boolean).join('\n');
  await browser.action.setBadgeText({ text });
  if (color) await browser.action.setBadgeBackgroundColor({ color });
  await browser.action.setTitle({ title: title || defaultTitle });
}
