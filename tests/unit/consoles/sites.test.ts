import { isBuiltIn, resolvePageConfig } from '@/lib/sites';
import type { SiteRow } from '@/lib/db/schema';
import { packSchema, type ConsoleProfile } from '@/lib/pack/schema';

const profile = (id: string, matches: string[]): ConsoleProfile => ({
  id,
  name: id,
  matches,
  messageList: '.log',
  message: '.msg',
  buyerMessage: '.buyer',
  replyBox: 'textarea',
  verified: false,
});
const pack = (id: string, consoles: ConsoleProfile[]) =>
  packSchema.parse({ format: 'huashu.pack', version: 1, pack: { id, name: `Pack ${id}` }, consoles, scripts: [] });

describe('resolvePageConfig', () => {
  const packs = [
    pack('a', [profile('desk-a', ['https://desk.example.com/inbox/*'])]),
    pack('b', [profile('desk-b', ['https://desk.example.com/*'])]),
  ];

  it('takes the first pack (by priority) whose console matches', () => {
    expect(resolvePageConfig('https://desk.example.com/inbox/1', [], packs)).toMatchObject({
      profile: { id: 'desk-a' },
      source: 'pack',
      packName: 'Pack a',
    });
    expect(resolvePageConfig('https://desk.example.com/settings', [], packs).profile?.id).toBe('desk-b');
  });

  it('prefers a profile taught on the site', () => {
    const sites: SiteRow[] = [
      {
        pattern: 'https://desk.example.com/*',
        enabledAt: 1,
        profile: profile('taught', ['https://desk.example.com/*']),
      },
    ];
    expect(resolvePageConfig('https://desk.example.com/inbox/1', sites, packs)).toMatchObject({
      profile: { id: 'taught' },
      source: 'taught',
    });
  });

  it('falls back to the generic adapter', () => {
    const sites: SiteRow[] = [{ pattern: 'https://other.example.com/*', enabledAt: 1 }];
    expect(resolvePageConfig('https://other.example.com/', sites, packs)).toEqual({ profile: null, source: 'generic' });
  });

  it('knows the demo origins', () => {
    expect(isBuiltIn('http://127.0.0.1:5178/demo/')).toBe(true);
    expect(isBuiltIn('http://localhost:3000/')).toBe(true);
    expect(isBuiltIn('https://desk.example.com/')).toBe(false);
  });
});
