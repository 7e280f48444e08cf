/**
 * Who sent a runtime message. The background refuses the messages that only the side panel and the options
 * page send (enabling and disabling sites, library changes) when a content script sends them, and binds what
 * a content script may save to the site it runs on. Pure: the extension's own origin is passed in.
 *
 * An extension page opened in a tab (the side panel page in tests, options in a tab) has `sender.tab` set
 * too, so a page is told apart by its URL: extension pages live at chrome-extension://<our id>/, content
 * scripts report the web page's (or frame's) address.
 */
import { isValidPattern, sitePattern } from './consoles/match-pattern';

/** The parts of runtime.MessageSender that are looked at. */
export interface SenderInfo {
  id?: string;
  url?: string;
  /** The frame's origin (Chromium): an about:srcdoc frame reports its parent page's. */
  origin?: string;
  tab?: { id?: number; url?: string };
}

/** True when the message comes from one of Huashu's own pages (side panel, options, popup). */
export function isExtensionPage(sender: SenderInfo, extensionOrigin: string): boolean {
  // By prefix, not URL.origin: outside the browser (Node) the origin of a chrome-extension: URL is "null"
  // for every extension.
  const prefix = `${extensionOrigin.replace(/\/+$/, '')}/`;
  return prefix.length > 1 && !!sender.url?.startsWith(prefix);
}

/**
 * The site ("https://host/*") of the page or frame a content script runs in: its address, else its origin
 * (frames the page writes itself: about:srcdoc, about:blank), else the tab's; null when unknown.
 */
export function senderSite(sender: SenderInfo): string | null {
  return (
    sitePattern(sender.url ?? '') ??
    (sender.origin && sender.origin !== 'null' ? sitePattern(`${sender.origin}/`) : null) ??
    sitePattern(sender.tab?.url ?? '')
  );
}

/**
 * May this sender store a taught profile with these match patterns? Extension pages may save any valid
 * pattern except `<all_urls>`; a content script only the pattern of the site it runs on (teach mode saves
 * `[sitePattern(location.href)]`).
 */
export function taughtMatchesAllowed(matches: readonly string[], sender: SenderInfo, extensionOrigin: string): boolean {
  if (!matches.length || matches.some((m) => m === '<all_urls>' || !isValidPattern(m))) return false;
  if (isExtensionPage(sender, extensionOrigin)) return true;
  const site = senderSite(sender);
  return !!site && matches.every((m) => m === site);
}
