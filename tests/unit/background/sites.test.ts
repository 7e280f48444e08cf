/**
 * Runtime registrations of enabled sites (entrypoints/background/sites.ts) on WXT's fake browser, with the
 * scripting and permissions calls it does not implement stubbed: every frame of an enabled site gets the
 * content script, and a registration persisted by an older version (top frame only) is updated on start.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { syncRegistrations } from '@/entrypoints/background/sites';
import { db } from '@/lib/db/db';
import { CONTENT_SCRIPT_FILE, registrationId } from '@/lib/sites';

const PATTERN = 'https://desk.example.com/*';

beforeEach(async () => {
  fakeBrowser.reset();
  await db.sites.clear();
  await db.sites.put({ pattern: PATTERN, enabledAt: 1 });
  fakeBrowser.permissions.contains = vi.fn(async () => true);
  fakeBrowser.scripting.registerContentScripts = vi.fn(async () => {});
  fakeBrowser.scripting.updateContentScripts = vi.fn(async () => {});
});

describe('syncRegistrations', () => {
  it('updates a registration persisted for the top frame only to all frames', async () => {
    fakeBrowser.scripting.getRegisteredContentScripts = vi.fn(async () => [
      { id: registrationId(PATTERN), matches: [PATTERN], js: [CONTENT_SCRIPT_FILE], allFrames: false },
    ]);
    await syncRegistrations();
    expect(fakeBrowser.scripting.updateContentScripts).toHaveBeenCalledWith([
      expect.objectContaining({ id: registrationId(PATTERN), matches: [PATTERN], allFrames: true }),
    ]);
    expect(fakeBrowser.scripting.registerContentScripts).not.toHaveBeenCalled();
  });

  it('registers a missing one for all frames, persisted', async () => {
    fakeBrowser.scripting.getRegisteredContentScripts = vi.fn(async () => []);
    await syncRegistrations();
    expect(fakeBrowser.scripting.registerContentScripts).toHaveBeenCalledWith([
      expect.objectContaining({ matches: [PATTERN], allFrames: true, persistAcrossSessions: true }),
    ]);
  });
});
