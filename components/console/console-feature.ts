/**
 * The console feature in one frame: read the page with an adapter (profile or generic); stay inert until
 * the frame holds a conversation (lib/consoles/frame-gate.ts), then watch it (watch-conversation.ts); teach mode.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import {
  foreignChatFrames,
  frameView,
  hasEditableField,
  holdsConversation,
  whileWatching,
} from '@/lib/consoles/frames';
import { createGenericAdapter } from '@/lib/consoles/generic';
import { createProfileAdapter } from '@/lib/consoles/profile';
import type { ConsoleAdapter } from '@/lib/consoles/types';
import { onMessage, sendMessage, type PageConfig } from '@/lib/messaging';
import { report } from '@/lib/guard';
import { gateOnConversation } from '@/lib/consoles/frame-gate';
import { looksLikeReviewPage } from '@/lib/consoles/review-page';
import type { ConsoleProfile } from '@/lib/pack/schema';
import { runTeach } from '@/components/teach/run-teach';
import { watchConversation, type ConsoleHooks, type Source, type Watching } from './watch-conversation';

export type { ConsoleHooks };

async function loadConfig(): Promise<PageConfig> {
  try {
    return await sendMessage('getPageConfig', { url: location.href });
  } catch (e) {
    report('page config (using the generic adapter)', e);
    return { profile: null, source: 'generic' };
  }
}

function adapterFor(config: PageConfig): ConsoleAdapter {
  return config.profile ? createProfileAdapter(config.profile) : createGenericAdapter();
}

/** The page's iframes with their size (for the side panel: chat frames from other sites). */
function iframes() {
  return Array.from(document.querySelectorAll('iframe'), (f) => {
    const r = f.getBoundingClientRect();
    return { src: f.src, width: r.width, height: r.height };
  });
}

/**
 * Starts inert in every frame: the frame watches and shows the card only once it holds a conversation
 * (frame-gate.ts). The top frame also answers the promise shortcut and teach mode while inert, and marks
 * `data-huashu="waiting"` (or `"in-frame"` once a sub-frame watches the chat); a sub-frame sets nothing
 * until it watches.
 */
export async function setupSuggestions(ctx: ContentScriptContext, hooks: ConsoleHooks): Promise<() => void> {
  const { top } = frameView(window);
  const html = document.documentElement;
  let adapter: ConsoleAdapter = createGenericAdapter();
  let source: Source = 'generic';
  let profile: ConsoleProfile | null = null;
  let loading: Promise<void> | undefined;
  let loaded = false;
  let watching: Watching | null = null;
  let teaching = false;
  let stopped = false;

  // The promise log reads a conversation only from the frame that watches it.
  const forLog = (a: ConsoleAdapter) => whileWatching(a, () => watching !== null);
  const load = () =>
    (loading ??= loadConfig().then((config) => {
      adapter = adapterFor(config);
      profile = config.profile;
      source = config.source ?? (config.profile ? 'pack' : 'generic');
      loaded = true;
      if (top) hooks.onAdapterChange(forLog(adapter));
    }));

  if (top) {
    html.dataset.huashu = 'waiting';
    await load();
  }
  const gate = gateOnConversation(ctx, {
    holds: () => {
      if (!hasEditableField(document)) return false;
      if (!loaded) {
        // Sub-frames ask for their profile only once they are big enough and have a field to type in.
        void load().then(() => gate.poke());
        return false;
      }
      // A page of review rows gets the review-reply card (components/reviews), not the chat card.
      return holdsConversation(adapter) && !looksLikeReviewPage(profile);
    },
    onFound: () => {
      startWatching().then(
        (w) => {
          if (stopped) return w.stop();
          watching = w;
          if (!top) sendMessage('chatFrame', undefined).catch((e) => report('chat frame', e));
        },
        (e) => report('console failed to start', e),
      );
    },
  });

  async function teach() {
    if (teaching) return;
    teaching = true;
    watching?.suspend(true);
    try {
      const profile = await runTeach(ctx);
      if (!profile) return;
      const saved = await sendMessage('saveTaughtProfile', { profile });
      if (!saved?.ok) {
        report('taught profile refused', saved?.error);
        return;
      }
      adapter = createProfileAdapter(profile);
      source = 'taught';
      loaded = true;
      hooks.onAdapterChange(forLog(adapter));
      if (watching) watching.reattach();
      else gate.poke();
    } finally {
      teaching = false;
      watching?.suspend(false);
    }
  }

  // Teach mode and the page's address: the side panel asks the top frame, or the frame that watches.
  const listeners: (() => void)[] = [];
  const listen = () => {
    listeners.push(
      onMessage('startTeach', () => {
        teach().catch((e) => report('teach', e));
      }),
    );
    if (!top) listeners.push(onMessage('isWatching', () => watching !== null));
    if (top)
      listeners.push(
        onMessage('pageInfo', () => ({ url: location.href, frames: foreignChatFrames(location.href, iframes()) })),
        onMessage('chatInFrame', () => {
          if (!watching) html.dataset.huashu = 'in-frame';
        }),
      );
  };
  if (top) {
    listen();
    // A chat frame that started watching before this frame listened: ask once.
    sendMessage('anyChatFrame', undefined).then(
      (yes) => {
        if (yes && !watching && !stopped) html.dataset.huashu = 'in-frame';
      },
      (e) => report('chat frame query', e),
    );
  }

  async function startWatching(): Promise<Watching> {
    if (!top) {
      hooks.onAdapterChange(forLog(adapter));
      listen();
    }
    return watchConversation(ctx, {
      adapter: () => adapter,
      source: () => source,
      hooks,
      teach,
      teaching: () => teaching,
    });
  }

  return () => {
    stopped = true;
    gate.stop();
    watching?.stop();
    listeners.forEach((stop) => stop());
    if (top || watching) html.removeAttribute('data-huashu');
  };
}
