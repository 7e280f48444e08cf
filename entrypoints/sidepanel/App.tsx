import { useState } from 'react';
import { t, type MessageKey } from '@/lib/i18n';
import { FeedbackTab } from './tabs/FeedbackTab';
import { PromisesTab } from '@/components/promises/PromisesTab';
import { ScriptsTab } from './tabs/ScriptsTab';
import { SiteBar } from '@/components/sites/SiteBar';
import { WorklogTab } from '@/components/worklog/WorklogTab';

const TABS = [
  { id: 'promises', label: 'tabPromises', Component: PromisesTab },
  { id: 'feedback', label: 'tabFeedback', Component: FeedbackTab },
  { id: 'scripts', label: 'tabScripts', Component: ScriptsTab },
  { id: 'worklog', label: 'tabWorklog', Component: WorklogTab },
] as const satisfies readonly { id: string; label: MessageKey; Component: () => React.ReactNode }[];

type TabId = (typeof TABS)[number]['id'];

function initialTab(): TabId {
  const hash = location.hash.replace('#', '');
  return (TABS.find((x) => x.id === hash)?.id ?? 'promises') as TabId;
}

export function App() {
  const [tab, setTab] = useState<TabId>(initialTab);
  const Active = TABS.find((x) => x.id === tab)!.Component;
  return (
    <div className="hs-app">
      <SiteBar />
      <nav className="hs-tabs" role="tablist">
        {TABS.map((x) => (
          <button
            key={x.id}
            role="tab"
            aria-selected={tab === x.id}
            data-testid={`tab-${x.id}`}
            onClick={() => {
              setTab(x.id);
              history.replaceState(null, '', `#${x.id}`);
            }}
          >
            {t(x.label)}
          </button>
        ))}
      </nav>
      <main className="hs-tab-body">
        <Active />
      </main>
    </div>
  );
}
