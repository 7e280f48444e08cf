/**
 * Scripts tab: the library (import, pack subscriptions, packs, export), the script editor, featured product,
 * learning, stats. A subscription's waiting update is shown in a banner above every view; Review opens it in
 * the import panel's preview.
 */
import { useState } from 'react';
import { FeaturedEditor } from '@/components/library/FeaturedEditor';
import { ImportPanel, type ImportOffer } from '@/components/library/ImportPanel';
import { LearnList } from '@/components/library/LearnList';
import { PackList } from '@/components/library/PackList';
import { ScriptBrowser } from '@/components/library/ScriptBrowser';
import { StatsView } from '@/components/library/StatsView';
import { offerOf, SubscriptionBanner, SubscriptionPanel } from '@/components/library/SubscriptionPanel';
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
  const [offer, setOffer] = useState<ImportOffer | null>(null);
  return (
    <div className="hs-library" data-testid="scripts-tab">
      <SubscriptionBanner
        onReview={(sub) => {
          setView('packs');
          setOffer(offerOf(sub));
        }}
      />
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
          <ImportPanel key={offer?.key ?? 'file'} offer={offer} />
          <SubscriptionPanel />
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
