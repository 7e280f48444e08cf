/**
 * The current page's chat-sized iframes from other sites (listed by Huashu in the page's top frame). Huashu
 * runs in a frame only when the frame's own site is enabled, so each gets its state and an Enable button.
 */
import { useEffect, useState } from 'react';
import { t } from '@/lib/i18n';
import { sendMessage, type SiteStatus } from '@/lib/messaging';
import { enableSite } from './site-access';

export interface FrameSite {
  pattern: string;
  url: string;
}

export function FrameSites({ frames, tabId }: { frames: FrameSite[]; tabId?: number }) {
  return frames.map((f) => <FrameSiteRow key={f.pattern} frame={f} tabId={tabId} />);
}

function FrameSiteRow({ frame, tabId }: { frame: FrameSite; tabId?: number }) {
  const [status, setStatus] = useState<SiteStatus | null>(null);
  const [version, setVersion] = useState(0);
  const [denied, setDenied] = useState(false);

  useEffect(() => {
    let live = true;
    sendMessage('siteStatus', { url: frame.url }).then(
      (s) => live && setStatus(s),
      () => live && setStatus(null),
    );
    return () => {
      live = false;
    };
  }, [frame.url, version]);

  const on = !!status && (status.builtIn || status.enabled);
  const enable = () => {
    setDenied(false);
    void enableSite(frame.pattern, tabId).then((ok) => {
      setDenied(!ok);
      setVersion((v) => v + 1);
    });
  };

  return (
    <div
      className="hs-frame-site"
      data-testid="huashu-frame-site"
      data-pattern={frame.pattern}
      data-state={status ? (on ? 'on' : 'off') : 'unknown'}
    >
      <span>{t('siteFrame', frame.pattern)}</span>
      {status && <span className="hs-site-profile">{on ? t('siteFrameOn') : t('siteFrameOff')}</span>}
      {status && !on && (
        <button type="button" data-testid="huashu-frame-enable" onClick={enable}>
          {t('siteFrameEnable')}
        </button>
      )}
      {denied && (
        <span className="hs-site-note" role="alert">
          {t('siteDenied')}
        </span>
      )}
    </div>
  );
}
