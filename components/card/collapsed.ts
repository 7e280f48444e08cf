/**
 * The agent's collapse choice, per site (storage.local, keyed by the page's origin): a card the agent
 * collapsed to its corner bar stays a bar on that site after a reload; other sites keep their own choice,
 * and a site with none follows the Options setting `cardCollapsed`.
 */
import { storage } from 'wxt/utils/storage';

export const collapsedSitesItem = storage.defineItem<Record<string, boolean>>('local:cardCollapsedSites', {
  fallback: {},
});

/** Is the card collapsed on `origin`: the agent's choice there, else `fallback`. */
export async function collapsedOn(origin: string, fallback: boolean): Promise<boolean> {
  const sites = await collapsedSitesItem.getValue();
  return Object.hasOwn(sites, origin) ? sites[origin] : fallback;
}

export async function rememberCollapsed(origin: string, collapsed: boolean): Promise<void> {
  const sites = await collapsedSitesItem.getValue();
  await collapsedSitesItem.setValue({ ...sites, [origin]: collapsed });
}
