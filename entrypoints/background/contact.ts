/**
 * "Contact the buyer" (evening review): the side panel names a promise; the background opens or focuses
 * its conversation, builds the follow-up message (lib/promises/follow-up.ts) and asks the tab's content
 * script to put it into the reply box through the usual insertion path (lib/insert). Nothing is sent.
 * A tab that is still loading has no content script yet: the request is repeated with backoff until the
 * page answers (the content script listens once it watches the console), about 15 s at most.
 */
import { openConversation } from '@/components/promises/openConversation';
import { chatFramesOf } from '@/lib/consoles/chat-frames';
import { db } from '@/lib/db/db';
import { t } from '@/lib/i18n';
import { onMessage, sendMessage, type ContactResult } from '@/lib/messaging';
import { loadActivePacks } from '@/lib/library/packs';
import { followUpText } from '@/lib/promises/follow-up';
import { getPromise } from '@/lib/promises/store';
import { getSettings } from '@/lib/settings';
import { fromExtensionPage } from './senders';

const DELAYS = [100, 200, 300, 500, 800, 1000, 1500, 2000, 3000, 3000, 3000];

export function setupContact() {
  onMessage('contactBuyer', async ({ data, sender }) => {
    if (!fromExtensionPage(sender, 'contactBuyer')) return { ok: false, error: 'refused' };
    try {
      return await contactBuyer(data.uid);
    } catch (e) {
      console.warn('[huashu] contact the buyer', e);
      return { ok: false, error: 'noPage' };
    }
  });
}

async function contactBuyer(uid: string): Promise<ContactResult> {
  const promise = await getPromise(db, uid);
  if (!promise || promise.status !== 'open') return { ok: false, error: 'notFound' };
  if (!promise.url) return { ok: false, error: 'noUrl' };
  const settings = await getSettings();
  const text = followUpText(promise, await loadActivePacks(db), t('contactTemplate'), settings.defaultTone);
  const { tabId } = await openConversation(promise.url);
  if (tabId === undefined) return { ok: false, error: 'noPage' };
  let last: ContactResult = { ok: false, error: 'noPage' };
  for (let attempt = 0; attempt <= DELAYS.length; attempt++) {
    last = await tryFrames(tabId, text);
    // Taken, or the box refused it and it went to the clipboard: either way, once.
    if (last.ok || last.copied) return { ...last, text };
    if (attempt < DELAYS.length) await new Promise((r) => setTimeout(r, DELAYS[attempt]));
  }
  return last;
}

/** The frames that watch a chat first, then the top frame; the first that takes the text wins. */
async function tryFrames(tabId: number, text: string): Promise<ContactResult> {
  let last: ContactResult = { ok: false, error: 'noPage' };
  for (const frameId of [...(await chatFramesOf(tabId)), 0]) {
    const r = await sendMessage('insertReply', { text }, { tabId, frameId }).catch(() => null);
    if (r?.ok || r?.copied) return r;
    if (r) last = r;
  }
  return last;
}
