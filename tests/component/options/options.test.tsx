// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataSection } from '@/components/options/DataSection';
import { SettingsForm } from '@/components/options/SettingsForm';
import { SitesList } from '@/components/options/SitesList';
import { db } from '@/lib/db/db';
import { t } from '@/lib/i18n';
import { onMessage } from '@/lib/messaging';
import { DEFAULT_SETTINGS, defaultPackInstalledItem, getSettings, settingsItem } from '@/lib/settings';

beforeEach(async () => {
  fakeBrowser.reset();
  await Promise.all(db.tables.map((t) => t.clear()));
});
afterEach(cleanup);
const change = (id: string, value: string) => fireEvent.change(screen.getByTestId(id), { target: { value } });

describe('options', () => {
  it('saves the settings', async () => {
    render(<SettingsForm initial={DEFAULT_SETTINGS} onSaved={() => {}} />);
    change('opt-tone', 'formal');
    change('opt-language', 'en');
    change('opt-shift-start', '08:30');
    change('opt-timezone', 'Asia/Shanghai');
    change('opt-gift-budget', '80');
    change('opt-agent-name', '小李');
    fireEvent.click(screen.getByTestId('opt-save'));
    await screen.findByTestId('opt-status');
    expect(await getSettings()).toMatchObject({
      defaultTone: 'formal',
      uiLanguage: 'en',
      shift: { start: '08:30', end: '21:00' },
      timeZone: 'Asia/Shanghai',
      giftBudgetPerDay: 80,
      agentName: '小李',
    });
  });

  it('lists enabled consoles and removes one after confirming, through the background', async () => {
    await db.sites.put({ pattern: 'https://desk.example.com/*', enabledAt: 1 });
    const asked: string[] = [];
    // Stands in for the background's disableSite (entrypoints/background/sites.ts), which also unregisters.
    const stop = onMessage('disableSite', async ({ data }) => {
      asked.push(data.pattern);
      await db.sites.delete(data.pattern);
    });
    render(<SitesList />);
    fireEvent.click(await screen.findByTestId('site-remove-https://desk.example.com/*'));
    fireEvent.click(screen.getByTestId('site-remove-confirm-https://desk.example.com/*'));
    await screen.findByTestId('sites-empty');
    expect(await db.sites.count()).toBe(0);
    expect(asked).toEqual(['https://desk.example.com/*']);
    stop();
  });

  it('deletes all data only after the confirmation word is typed', async () => {
    await db.usage.add({ at: 1, kind: 'search' });
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, agentName: 'x' });
    await defaultPackInstalledItem.setValue(true);
    render(<DataSection />);
    fireEvent.click(screen.getByTestId('opt-delete-all'));
    const confirm = screen.getByTestId('opt-delete-confirm') as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    change('opt-delete-word', 'nope');
    expect(confirm.disabled).toBe(true);
    expect(await db.usage.count()).toBe(1);
    change('opt-delete-word', t('optDeleteWord'));
    fireEvent.click(screen.getByTestId('opt-delete-confirm'));
    await screen.findByTestId('opt-deleted');
    await waitFor(async () => expect(await db.usage.count()).toBe(0));
    expect((await getSettings()).agentName).toBe('');
    // Back to the first run: the background installs the default pack again.
    expect(await defaultPackInstalledItem.getValue()).toBe(false);
  });
});
