/** Scripts tab: the library (import, packs, export), the script editor, featured product, learning, stats. */
import { useState } from 'react';
import { FeaturedEditor } from '@/components/library/FeaturedEditor';
import { ImportPanel } from '@/components/library/ImportPanel';
import { LearnList } from '@/components/library/LearnList';
import { PackList } from '@/components/library/PackList';
import { ScriptBrowser } from '@/components/library/ScriptBrowser';
import { StatsView } from '@/components/library/StatsView';
import { t, type MessageKey } from '@/lib/i18n';
import '@/components/library/library.css';

const VIEWS = [
  { id: 'packs', label: 'libViewPacks' },
  { id: 'scripts', label: 'libViewScripts' },
  { id: 'featured', label: 'libViewFeatured' },
  { id: 'learn', label: 'libViewLearn' },
  { id: 'stats', label: 'libViewStats' },
] as const satisfies readonly { id: string; label: MessageKey }[];
type ViewId = (typeof VIEWS)[number]['id'];

export function ScriptsTab() {
  const [view, setView] = useState<ViewId>('packs');
  return (
    <div className="hs-library" data-testid="scripts-tab">
      <nav className="hs-subnav" role="tablist">
        {VIEWS.map((v) => (
          <button
            key={v.id}
            role="tab"
            aria-selected={view === v.id}
            data-testid={`scripts-view-${v.id}`}
            onClick={() => setView(v.id)}
          >
            {t(v.label)}
          </button>
        ))}
      </nav>
      {view === 'packs' && (
        <>
          <ImportPanel />
          <PackList />
        </>
      )}
      {view === 'scripts' && <ScriptBrowser />}
      {view === 'featured' && <FeaturedEditor />}
      {view === 'learn' && <LearnList />}
      {view === 'stats' && <StatsView />}
    </div>
  );
}
