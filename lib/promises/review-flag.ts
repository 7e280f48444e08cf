/**
 * "Open the Promises tab in review mode": set by the background at the shift's end (or when the agent
 * clicks the review notification), read and cleared by the side panel. A storage flag rather than a URL,
 * so it works whether the side panel is already open, opened later, or opened as a tab.
 */
import { storage } from 'wxt/utils/storage';

/** Epoch ms of the last request; 0 = none pending. */
export const reviewRequest = storage.defineItem<number>('local:promises.reviewRequestedAt', { fallback: 0 });

/** The side panel URL that opens straight into the review. */
export const REVIEW_PATH = '/sidepanel.html#promises?review=1' as const;
