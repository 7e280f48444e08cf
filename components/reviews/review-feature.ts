/**
 * Review replies in a page (issue 14): on a review-management page (lib/consoles/review-page.ts) the card
 * answers the review in focus — the row whose reply field the agent focused or whose 回复/Reply button they
 * clicked — with the scripts of category `review` (the background's `suggestReview`). The same card, store
 * and actions as the chat card; insertion goes into that row's reply field (or the page's shared one).
 * Inert until the page shows review rows; the chat feature stays off such a page (console-feature.ts).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createCardActions } from '@/components/card/actions';
import { budgetUseItem, remainingBudget, spendBudget } from '@/components/card/budget';
import { setupKeyboard } from '@/components/card/keyboard';
import { mountCard, type MountedCard } from '@/components/card/mount';
import {
  createContentStore,
  emptyCard,
  settleQuestion,
  shortcutTargets,
  withQuestion,
  cardOf,
} from '@/components/card/store';
import type { ConsoleAdapter } from '@/lib/consoles/types';
import { gateOnConversation } from '@/lib/consoles/frame-gate';
import { createReviewReader, looksLikeReviewPage, type ReviewReader } from '@/lib/consoles/review-page';
import { guard, report } from '@/lib/guard';
import { setLocale } from '@/lib/i18n';
import { keepCaret, trackComposition } from '@/lib/insert';
import { sendMessage } from '@/lib/messaging';
import type { ConsoleProfile } from '@/lib/pack/schema';
import { getSettings } from '@/lib/settings';

async function loadProfile(): Promise<ConsoleProfile | null> {
  try {
    return (await sendMessage('getPageConfig', { url: location.href })).profile;
  } catch (e) {
    report('page config (reviews: generic reading)', e);
    return null;
  }
}

/** A review's key on the card (the store keeps one card per review, like one per conversation). */
const keyOf = (reviewer: string | undefined, text: string) => `review:${reviewer ?? ''}:${text.slice(0, 80)}`;

export async function setupReviews(ctx: ContentScriptContext): Promise<() => void> {
  const profile = await loadProfile();
  let stopWatching: (() => void) | null = null;
  let stopped = false;
  const gate = gateOnConversation(ctx, {
    holds: () => looksLikeReviewPage(profile),
    onFound: () => {
      watchReviews(ctx, createReviewReader(profile)).then(
        (stop) => (stopped ? stop() : (stopWatching = stop)),
        (e) => report('reviews failed to start', e),
      );
    },
  });
  return () => {
    stopped = true;
    gate.stop();
    stopWatching?.();
  };
}

async function watchReviews(ctx: ContentScriptContext, reader: ReviewReader): Promise<() => void> {
  const html = document.documentElement;
  const settings = await getSettings();
  setLocale(settings.uiLanguage);
  const store = createContentStore({
    defaultTone: settings.defaultTone,
    budgetLeft: await remainingBudget(settings.giftBudgetPerDay, settings.timeZone),
    console: { name: '', source: 'generic' },
    chatTools: false,
  });
  const caret = keepCaret();
  const composition = trackComposition();
  let focused: Element | null = null;
  let card: MountedCard | null = null;

  const reviewer = () => (focused ? reader.read(focused).reviewer : undefined);
  /** The chat adapter's shape over the review in focus: what the card's actions insert into and fill in. */
  const adapter: ConsoleAdapter = {
    id: 'reviews',
    name: 'reviews',
    messageList: () => reader.list(),
    messages: () => reader.rows(),
    isBuyer: () => true,
    text: (row) => reader.read(row).text,
    replyBox: () => reader.replyBox(focused),
    conversationName: reviewer,
    orderId: () => undefined,
  };

  async function answer(row: Element) {
    const review = reader.read(row);
    if (!review.text && review.rating === undefined) return;
    const key = keyOf(review.reviewer, review.text);
    const had = cardOf(store.getState(), key);
    store.setState({ conversation: key, placeholders: { buyer: review.reviewer } });
    card?.reposition();
    if (had && had.status !== 'error') return; // answered before: the card shows it again
    const seq = 1;
    store.setState((s) => ({ cards: { ...s.cards, [key]: withQuestion(emptyCard(), seq, review.text) } }));
    // The same reviewer's other reviews on the page: many negative ones may mean a professional.
    const others = review.reviewer
      ? reader
          .rows()
          .filter((r) => r !== row)
          .map((r) => reader.read(r))
          .filter((r) => r.reviewer === review.reviewer)
      : [];
    try {
      const reply = await sendMessage('suggestReview', {
        text: review.text,
        rating: review.rating,
        reviewerReviews: others.map((o) => ({ text: o.text, rating: o.rating })),
        url: location.href,
      });
      settleQuestion(store, key, seq, { status: 'ready', reply });
      html.dataset.huashuReviewFocus = key;
    } catch (e) {
      report('suggest review', e);
      settleQuestion(store, key, seq, { status: 'error', reply: undefined });
    }
  }

  const focus = guard('review focus', (e: Event) => {
    const target = e.composedPath()[0];
    if (!(target instanceof Element) || target.closest('[data-huashu-ui]')) return;
    const row = reader.rowOf(target);
    if (!row || row === focused) return;
    focused = row;
    void answer(row);
  });
  // The agent focuses a row's reply field, or clicks its reply button (which may reveal the field).
  ctx.addEventListener(document, 'focusin', focus as (e: Event) => void, { capture: true });
  ctx.addEventListener(document, 'click', focus as (e: Event) => void, { capture: true });

  const actions = createCardActions({
    store,
    adapter: () => adapter,
    caret,
    composition,
    search: (query) => sendMessage('search', { query, limit: 5 }),
    recordUsage: (event) => sendMessage('recordUsage', event),
    budget: {
      left: () => remainingBudget(settings.giftBudgetPerDay, settings.timeZone),
      spend: (cost) => spendBudget(cost, settings.timeZone),
    },
    later: (fn, ms) => ctx.setTimeout(fn, ms),
    // Promises, feedback and teach belong to chats: the review card has no footer (chatTools false).
    onLogPromise: () => {},
    onLogFeedback: () => {},
    teach: () => {},
    reposition: () => card?.reposition(),
    rememberCollapsed: async () => {},
  });
  card = await mountCard(ctx, store, actions, {
    list: () => reader.list(),
    reply: () => reader.replyBox(focused) ?? focused,
    newestRows: () => (focused ? [focused] : []),
  });
  const stopKeys = setupKeyboard(ctx, {
    imeOwns: (e) => composition.ownsKey(e),
    showing: () => shortcutTargets(store.getState()).length,
    dismissible: () => store.getState().conversation !== '',
    insert: (n) => {
      const target = shortcutTargets(store.getState())[n];
      if (target?.kind === 'suggestion') actions.insertAnswer(target.s, target.rank);
    },
    hide: actions.hide,
    toggleOpen: () => false,
  });
  const unwatchBudget = budgetUseItem.watch(
    guard('budget', async () =>
      store.setState({ budgetLeft: await remainingBudget(settings.giftBudgetPerDay, settings.timeZone) }),
    ),
  );
  html.dataset.huashuReviews = 'ready';
  return () => {
    card?.remove();
    caret.stop();
    composition.stop();
    stopKeys();
    unwatchBudget();
    delete html.dataset.huashuReviews;
    delete html.dataset.huashuReviewFocus;
  };
}
