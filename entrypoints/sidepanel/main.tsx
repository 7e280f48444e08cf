import { createRoot } from 'react-dom/client';
import { getLocale, setLocale } from '@/lib/i18n';
import { getSettings, settingsItem } from '@/lib/settings';
import { App } from './App';
import '@/components/base.css';

const root = createRoot(document.getElementById('root')!);
// The agent's UI language (Options) wins over the browser's; a change re-renders the panel in place.
const render = () => root.render(<App key={getLocale()} />);
getSettings()
  .then((s) => setLocale(s.uiLanguage))
  .catch(() => {})
  .finally(render);
settingsItem.watch((s) => {
  const before = getLocale();
  setLocale(s?.uiLanguage);
  if (getLocale() !== before) render();
});
