/**
 * Every message between Huashu's contexts, in one typed map (@webext-core/messaging).
 * content script → background: answering, logging; background → content script (tab): capturing page state.
 * Add a message here, never an ad-hoc string type elsewhere.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ConsoleProfile, Opener, Script } from './pack/schema';
import type { BuyerType } from './match/buyer-type';
import type { Emotion } from './match/emotion';
import type { ConversationContext, EngineAnswer, Suggestion } from './match/types';
import type { ReviewReading } from './match/review';
import type { PageCapture } from './capture';
import type { CaptureKind, CaptureResult } from './promises/capture';
import type { LogPromiseResult } from './promises/log';
import type { LogFeedbackResult } from './feedback/log';
import type { UsageEvent } from './library/usage';
import type { PageConfig } from './sites';
import type { AddError } from './library/subscription/manager';

export type { PageConfig };

// Declared in lib/capture.ts (its one owner); re-exported for the page side that talks through here.
export type { PageCapture } from './capture';

export type { CaptureResult, LogFeedbackResult, LogPromiseResult };

/** A suggestion with the script it points to, so the card renders without a second round trip. */
export interface SuggestionView extends Suggestion {
  packName: string;
  script: Script;
}

export interface SuggestReply extends Omit<EngineAnswer, 'suggestions'> {
  suggestions: SuggestionView[];
  /** The buyer's emotion in this message (lib/match/emotion.ts). */
  emotion?: Emotion;
  /** The kind of buyer, from all their rows so far (lib/match/buyer-type.ts). */
  buyerType?: BuyerType | 'none';
  /** Calming openers for `emotion` from the first pack that has them (lib/match/openers.ts). */
  openers?: Opener[];
  /** Set on the review-reply card: how the review was read (lib/match/review.ts). */
  review?: ReviewReading;
}

/** A site as the side panel's header shows it. */
export interface SiteStatus {
  /** "https://desk.example.com/*", or null for pages Huashu cannot run on (chrome://, files…). */
  pattern: string | null;
  /** The demo origins (localhost, 127.0.0.1) always get Huashu. */
  builtIn: boolean;
  /** The agent enabled this site (optional host permission granted, content script registered). */
  enabled: boolean;
  config: PageConfig;
}

/** What "contact the buyer" did: `error` 'noUrl' | 'notFound' | 'noBox' | 'refused' | 'noPage'. */
export interface ContactResult {
  ok: boolean;
  error?: string;
  /** How the reply box took the text ('value', 'paste'…); absent when it went to the clipboard instead. */
  method?: string;
  copied?: boolean;
  /** The text put in the box. */
  text?: string;
}

export interface ProtocolMap {
  /** Match one new buyer message against the active packs. */
  /**
   * `buyerRows`: the buyer's rows of the conversation so far, oldest first, the message included (buyer type).
   * `context`: the newest rows before the message, both sides (the engine's SuggestOptions.context).
   */
  suggest(data: {
    text: string;
    url: string;
    conversation?: string;
    buyerRows?: string[];
    context?: ConversationContext;
  }): SuggestReply;
  /**
   * A review in focus on a review-management page: the scripts of category `review` that fit it
   * (lib/match/review-rank.ts). `reviewerReviews`: the same reviewer's other reviews on the page (how many
   * of them are negative says whether they may be a professional).
   */
  suggestReview(data: {
    text: string;
    rating?: number;
    reviewerReviews?: { text: string; rating?: number }[];
    url: string;
  }): SuggestReply;
  /** The card's search box. */
  search(data: { query: string; limit?: number }): SuggestionView[];
  /** Console profile for a page. */
  getPageConfig(data: { url: string }): PageConfig;
  /** The agent inserted a suggestion / searched manually (usage stats and learning). */
  recordUsage(data: UsageEvent): void;
  /** An extension page changed the packs or overrides: rebuild the engine before the next answer. (Extension pages only.) */
  libraryChanged(): void;
  /** Side panel header: is Huashu on for this page, and with which console profile? */
  siteStatus(data: { url: string }): SiteStatus;
  /**
   * Register the content script for a site whose host permission the side panel just obtained. Extension
   * pages only: a content script gets `{ ok: false, error: 'refused' }` (so does disableSite, silently).
   */
  enableSite(data: { pattern: string; tabId?: number }): { ok: boolean; error?: string };
  /** Unregister a site and give its host permission back. */
  disableSite(data: { pattern: string }): void;
  /**
   * Store a profile taught on the page, for the site of its first match pattern. From a content script only
   * for the site it runs on (`<all_urls>` and other sites are refused).
   */
  saveTaughtProfile(data: { profile: ConsoleProfile }): { ok: boolean; error?: string };
  /** side panel → content script (tab): start teach mode on the page. */
  startTeach(): void;
  /**
   * side panel → content script (tab, top frame): the page's address (tabs without host access hide it) and
   * its chat-sized iframes from other sites (each must be enabled too for Huashu to run in it).
   */
  pageInfo(): { url: string; frames?: { pattern: string; url: string }[] };
  /** content script (a sub-frame) → background: this frame now watches a conversation (chat in an iframe). */
  chatFrame(): void;
  /** background → the tab's top frame: a sub-frame watches the chat (the top marks data-huashu="in-frame"). */
  chatInFrame(): void;
  /**
   * content script (top frame, once it listens) → background: does a sub-frame of this tab already watch a chat?
   * (A chat frame that started before the top frame listened told nobody.)
   */
  anyChatFrame(): boolean;
  /** background → a remembered chat frame: do you still watch a conversation? (Stale frame ids answer nothing.) */
  isWatching(): boolean;

  // ---- Promise log (日清) and feedback: content script → background ----
  /**
   * Store a promise; the background reads the due time in the agent's zone. Idempotent by `uid` (the page
   * chooses it and retries when the service worker stopped under the message).
   */
  logPromise(data: PageCapture): LogPromiseResult;
  /** The toast's Undo (a soft delete): only with the ownerKey the promise was logged with. */
  undoPromise(data: { uid: string; ownerKey?: string }): { ok: boolean };
  /** The toast's Edit, under the same rule. */
  updatePromise(data: { uid: string; ownerKey?: string; patch: { text?: string; due?: number } }): LogPromiseResult;
  /** File buyer feedback; the department is suggested from the text unless given. */
  logFeedback(data: PageCapture & { department?: string }): LogFeedbackResult;
  /** Feedback's Undo and department change, under the same ownerKey rule as promises. */
  undoFeedback(data: { uid: string; ownerKey?: string }): { ok: boolean };
  updateFeedback(data: {
    uid: string;
    ownerKey?: string;
    patch: { department?: string; topic?: string; text?: string };
  }): LogFeedbackResult;

  // ---- Pack subscriptions: side panel → background (extension pages only; the background fetches) ----
  /** Subscribe to a pack file's address (the panel obtained the host permission first); checks it at once. */
  subscriptionAdd(data: { url: string; autoApply: boolean }): {
    ok: boolean;
    id?: string;
    error?: AddError | 'refused';
  };
  /** Check now (one subscription, or all): reads the file even when the server says it is unchanged. */
  subscriptionCheck(data: { id?: string }): void;
  subscriptionRemove(data: { id: string }): void;
  subscriptionSetAuto(data: { id: string; autoApply: boolean }): void;
  /** The agent applied the waiting update with this hash through the import preview. */
  subscriptionApplied(data: { id: string; hash: string }): void;
  // ---- "Contact the buyer" (evening review) ----
  /**
   * side panel → background (extension pages only): open or focus the promise's conversation and put a
   * follow-up message into its reply box (never sent).
   */
  contactBuyer(data: { uid: string }): ContactResult;
  /** background → content script (a frame of that tab): put `text` into the reply box (not sent). */
  insertReply(data: { text: string }): ContactResult;

  // ---- background → tab (the keyboard shortcuts) ----
  /** Take the selection / reply box / last message of the open conversation. */
  capturePage(data: { kind: CaptureKind }): CaptureResult;
  /** Show what the shortcut logged (or why nothing was) in the page's toast. */
  showLogResult(
    data: { kind: 'promise'; result: LogPromiseResult } | { kind: 'feedback'; result: LogFeedbackResult },
  ): void;
}

export const { sendMessage, onMessage, removeAllListeners } = defineExtensionMessaging<ProtocolMap>();
