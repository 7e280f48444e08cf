/** Options › Shortcuts: the assigned keys, and the browser's page to change them. */
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { t, type MessageKey } from '@/lib/i18n';

export const SHORTCUTS_URL = 'chrome://extensions/shortcuts';

/** The command's label in the UI language (log-promise → cmdLogPromise), else the browser's description. */
function describe(c: { name?: string; description?: string }): string {
  const key = `cmd${(c.name ?? '').replace(/(^|-)(\w)/g, (_m, _d, ch: string) => ch.toUpperCase())}`;
  const label = t(key as MessageKey);
  return label !== key ? label : c.description || c.name || '';
}

export function ShortcutsSection() {
  const [commands, setCommands] = useState<{ name?: string; description?: string; shortcut?: string }[]>([]);
  useEffect(() => {
    browser.commands
      ?.getAll()
      .then(setCommands)
      .catch(() => setCommands([]));
  }, []);
  return (
    <section className="hs-card" data-testid="options-shortcuts">
      <h3>{t('optShortcuts')}</h3>
      <ul>
        {commands
          .filter((c) => c.name && !c.name.startsWith('_'))
          .map((c) => (
            <li key={c.name} data-testid={`shortcut-${c.name}`}>
              {describe(c)}: <kbd>{c.shortcut || t('optShortcutNone')}</kbd>
            </li>
          ))}
      </ul>
      <div className="hs-actions">
        {/* Extension pages may open chrome:// pages with tabs.create; a plain link would be blocked. */}
        <button onClick={() => browser.tabs.create({ url: SHORTCUTS_URL })} data-testid="opt-open-shortcuts">
          {t('optChangeShortcuts')}
        </button>
      </div>
    </section>
  );
}
