/** Options › Consoles: the consoles the agent enabled and their profiles (enabling is done on the console page). */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { db } from '@/lib/db/db';
import { t } from '@/lib/i18n';
import { sendMessage } from '@/lib/messaging';

export function SitesList() {
  const sites = useLiveQuery(() => db.sites.toArray(), []);
  const [confirm, setConfirm] = useState<string | null>(null);

  async function remove(pattern: string) {
    setConfirm(null);
    // The background's one path: unregister the content script, forget the site, give the permission back.
    await sendMessage('disableSite', { pattern });
  }

  return (
    <section className="hs-card" data-testid="options-sites">
      <h3>{t('optConsoles')}</h3>
      <p className="hs-muted">{t('optConsolesHelp')}</p>
      {sites?.length === 0 && <p data-testid="sites-empty">{t('optConsolesNone')}</p>}
      <ul className="hs-packs">
        {sites?.map((s) => (
          <li key={s.pattern} data-testid={`site-${s.pattern}`}>
            <code>{s.pattern}</code>
            <div className="hs-muted">
              {t('optEnabledAt', new Date(s.enabledAt).toLocaleString())}
              {s.profile ? ` · ${s.profile.name}${s.profile.verified ? ' ✓' : ''}` : ` · ${t('optGenericProfile')}`}
            </div>
            {confirm === s.pattern ? (
              <button
                className="hs-danger"
                onClick={() => remove(s.pattern)}
                data-testid={`site-remove-confirm-${s.pattern}`}
              >
                {t('libDeleteConfirm')}
              </button>
            ) : (
              <button onClick={() => setConfirm(s.pattern)} data-testid={`site-remove-${s.pattern}`}>
                {t('libRemove')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
