/** Side panel hooks: the agent's settings (zone, shift, language), a ticking clock, a render mark. */
import { useEffect, useRef, useState } from 'react';
import { getLocale, setLocale } from '@/lib/i18n';
import type { Lang } from '@/lib/time/format';
import { resolveTimeZone } from '@/lib/time/civil';
import { DEFAULT_SETTINGS, getSettings, settingsItem, type Settings } from '@/lib/settings';

export function useAgentSettings(): { settings: Settings; timeZone: string; lang: Lang } {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  useEffect(() => {
    let alive = true;
    const load = () =>
      void getSettings().then((s) => {
        if (!alive) return;
        setLocale(s.uiLanguage);
        setSettings(s);
      });
    load();
    const unwatch = settingsItem.watch(load);
    return () => {
      alive = false;
      unwatch();
    };
  }, []);
  return { settings, timeZone: resolveTimeZone(settings.timeZone), lang: getLocale() };
}

/** Date.now(), refreshed every `everyMs` (buckets move from "today" to "overdue" on their own). */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(id);
  }, [everyMs]);
  return now;
}

/**
 * Marks `performance` once the first data has been rendered and painted (name: `mark`); the benchmark
 * reads it. Also sets <html data-{mark}> to the time, for tests.
 */
export function useRenderedMark(ready: boolean, mark: string): void {
  const done = useRef(false);
  useEffect(() => {
    if (!ready || done.current) return;
    done.current = true;
    requestAnimationFrame(() =>
      setTimeout(() => {
        performance.mark(mark);
        document.documentElement.dataset[mark.replace(/[^a-z]/gi, '')] = String(Math.round(performance.now()));
      }, 0),
    );
  }, [ready, mark]);
}
