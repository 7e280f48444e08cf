/**
 * Where Huashu runs. In the test build, demo consoles served on this machine get the content script from install;
 * every other console (all of them in the production build) is enabled by the agent (optional host permission + a content script registered at
 * runtime), and may carry a profile taught on it.
 */
import { TEST_BUILD } from './build-mode';
import type { SiteRow } from './db/schema';
import { matchesAny, matchesPattern } from './consoles/match-pattern';
import type { ConsoleProfile, Pack } from './pack/schema';

/** What the content script needs to start on a page. */
export interface PageConfig {
  /** The profile that matches this URL (pack-provided or taught), or null for the generic adapter. */
  profile: ConsoleProfile | null;
  /** Where the profile comes from: taught on this site, a pack's `consoles`, or none (generic adapter). */
  source?: 'taught' | 'pack' | 'generic';
  /** Name of the pack that provided the profile. */
  packName?: string;
}

/** The demo consoles' origins, built in only in the test build (lib/build-mode.ts); in production they are sites like any other. */
export const DEMO_ORIGINS = ['http://localhost/*', 'http://127.0.0.1/*'];
export const DEMO_MATCHES: string[] = TEST_BUILD ? DEMO_ORIGINS : [];

/** The built content script (WXT output path), registered as-is for enabled sites. */
export const CONTENT_SCRIPT_FILE = '/content-scripts/content.js' as const;

/** Id of the registered content script of one enabled site. */
export const registrationId = (pattern: string) => `huashu-site ${pattern}`;

export function isBuiltIn(url: string): boolean {
  return matchesAny(DEMO_MATCHES, url);
}

/**
 * The console profile for a page: one taught on this site wins, then the first pack (by priority) whose
 * `consoles` match, else none (the generic adapter).
 */
export function resolvePageConfig(url: string, sites: SiteRow[], packs: Pack[]): PageConfig {
  for (const site of sites)
    if (site.profile && (matchesPattern(site.pattern, url) || matchesAny(site.profile.matches, url)))
      return { profile: site.profile, source: 'taught' };
  for (const pack of packs)
    for (const profile of pack.consoles)
      if (matchesAny(profile.matches, url)) return { profile, source: 'pack', packName: pack.pack.name };
  return { profile: null, source: 'generic' };
}
