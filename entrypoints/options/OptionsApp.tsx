/** Options page: settings, enabled consoles, shortcuts, data export / delete-all. */
import { useEffect, useState } from 'react';
import { DataSection } from '@/components/options/DataSection';
import { SettingsForm } from '@/components/options/SettingsForm';
import { ShortcutsSection } from '@/components/options/ShortcutsSection';
import { SitesList } from '@/components/options/SitesList';
import { setLocale, t } from '@/lib/i18n';
import { getSettings, type Settings } from '@/lib/settings';
import '@/components/library/library.css';

export function OptionsApp() {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    void getSettings().then((s) => {
      setLocale(s.uiLanguage);
      setSettings(s);
    });
  }, []);
  if (!settings) return null;
  return (
    <main className="hs-options" data-testid="options-page">
      <h1>{t('extName')}</h1>
      <SettingsForm
        initial={settings}
        onSaved={(s) => {
          setLocale(s.uiLanguage);
          setSettings(s);
        }}
      />
      <SitesList />
      <ShortcutsSection />
      <DataSection />
    </main>
  );
}
