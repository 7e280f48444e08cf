/**
 * The side panel's header: is Huashu on for the console in the current tab? Enable it (the agent's click
 * asks Chrome for that one site's permission), turn it off, or teach Huashu this console.
 * The current tab's address comes from the tab (where Huashu has access) or from Huashu running in it;
 * elsewhere the agent pastes it. `?tab=<id>` names the tab when this page is opened in a tab of its own
 * (tests, support).
 */
import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { chatFramesOf } from '@/lib/consoles/chat-frames';
import { sitePattern } from '@/lib/consoles/match-pattern';
import { t, type MessageKey } from '@/lib/i18n';
import { sendMessage, type SiteStatus } from '@/lib/messaging';
import { FrameSites, type FrameSite } from './FrameSites';
import { enableSite } from './site-access';
import './sitebar.css';

interface TabInfo {
  id: number;
  url?: string;
  /** Chat-sized iframes from other sites (reported by Huashu in the page's top frame). */
  frames: FrameSite[];
}

async function currentTab(): Promise<TabInfo | null> {
  const forced = Number(new URLSearchParams(location.search).get('tab'));
  const tab = forced
    ? await browser.tabs.get(forced).catch(() => null)
    : (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0];
  if (tab?.id === undefined) return null;
  // Where Huashu already runs, its content script (top frame) tells the address even without host access,
  // and the page's chat frames from other sites.
  const info = await sendMessage('pageInfo', undefined, { tabId: tab.id, frameId: 0 }).catch(() => undefined);
  return { id: tab.id, url: tab.url ?? info?.url, frames: info?.frames ?? [] };
}

/** Teach mode starts in the frame that watches the chat (an iframe), else in the page itself. */
async function teachIn(tabId: number): Promise<void> {
  for (const frameId of [...(await chatFramesOf(tabId)), 0]) {
    try {
      await sendMessage('startTeach', undefined, { tabId, frameId });
      return;
    } catch {
      // That frame is gone or has no Huashu: try the next.
    }
  }
  throw new Error('no frame of the tab runs Huashu');
}

function toUrl(address: string): string | undefined {
  const a = address.trim();
  if (!a) return undefined;
  try {
    return new URL(/^https?:\/\//.test(a) ? a : `https://${a}`).href;
  } catch {
    return undefined;
  }
}

export function SiteBar() {
  const [tab, setTab] = useState<TabInfo | null>(null);
  const [address, setAddress] = useState('');
  const [fetched, setFetched] = useState<{ url: string; status: SiteStatus | null } | null>(null);
  const [version, setVersion] = useState(0);
  const [note, setNote] = useState<MessageKey | null>(null);
  const url = tab?.url ?? toUrl(address);
  const pattern = url ? sitePattern(url) : null;

  const status = url && fetched?.url === url ? fetched.status : null;
  const refresh = useCallback(() => setVersion((v) => v + 1), []);

  useEffect(() => {
    const load = () => currentTab().then(setTab, () => setTab(null));
    load();
    browser.tabs.onActivated.addListener(load);
    browser.tabs.onUpdated.addListener(load);
    return () => {
      browser.tabs.onActivated.removeListener(load);
      browser.tabs.onUpdated.removeListener(load);
    };
  }, []);

  useEffect(() => {
    if (!url) return;
    let live = true;
    sendMessage('siteStatus', { url }).then(
      (s) => live && setFetched({ url, status: s }),
      () => live && setFetched({ url, status: null }),
    );
    return () => {
      live = false;
    };
  }, [url, version]);

  const enable = () => {
    if (!pattern) return;
    setNote(null);
    void enableSite(pattern, tab?.id).then((ok) => {
      if (!ok) setNote('siteDenied');
      refresh();
    });
  };

  const disable = () => {
    if (pattern) sendMessage('disableSite', { pattern }).finally(refresh);
  };

  const teach = () => {
    setNote(null);
    if (tab) teachIn(tab.id).catch(() => setNote('siteTeachFailed'));
  };

  const on = !!status && (status.builtIn || status.enabled);
  const profile = status?.config.profile;
  return (
    <div className="hs-sitebar" data-testid="huashu-sitebar" data-state={on ? 'on' : url ? 'off' : 'unknown'}>
      {!tab?.url && (
        <input
          type="url"
          data-testid="huashu-site-address"
          placeholder={t('siteAddress')}
          aria-label={t('siteAddress')}
          value={address}
          onChange={(e) => setAddress(e.target.value)}
        />
      )}
      {url && !pattern && <span>{t('siteUnsupported')}</span>}
      {pattern && (
        <>
          <span className="hs-site-state" data-testid="huashu-site-state">
            {status?.builtIn ? t('siteBuiltIn') : on ? t('siteHuashuOn') : t('siteOff')}
          </span>
          {on && (
            <span className="hs-site-profile" data-testid="huashu-site-profile">
              {profile ? t('siteProfile', profile.name) : t('siteProfileGeneric')}
              {profile && status?.config.source === 'pack' && !profile.verified && (
                <span className="hs-badge"> · {t('siteUnverified')}</span>
              )}
            </span>
          )}
          {!on && (
            <button type="button" data-testid="huashu-site-enable" onClick={enable}>
              {t('siteEnable')}
            </button>
          )}
          {status?.enabled && (
            <button type="button" data-testid="huashu-site-disable" onClick={disable}>
              {t('siteDisable')}
            </button>
          )}
          {on && tab && (
            <button type="button" data-testid="huashu-site-teach" onClick={teach}>
              {t('siteTeach')}
            </button>
          )}
        </>
      )}
      {on && tab && tab.frames.length > 0 && <FrameSites frames={tab.frames} tabId={tab.id} />}
      {note && (
        <span className="hs-site-note" role="alert">
          {t(note)}
        </span>
      )}
    </div>
  );
}
