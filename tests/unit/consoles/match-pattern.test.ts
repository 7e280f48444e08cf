import { matchesPattern, sitePattern, isValidPattern } from '@/lib/consoles/match-pattern';

describe('matchesPattern', () => {
  it.each([
    ['https://desk.example.com/*', 'https://desk.example.com/chat?id=1', true],
    ['https://desk.example.com/*', 'http://desk.example.com/chat', false],
    ['*://desk.example.com/*', 'http://desk.example.com/', true],
    ['https://*.example.com/*', 'https://example.com/a', true],
    ['https://*.example.com/*', 'https://a.b.example.com/a', true],
    ['https://*.example.com/*', 'https://badexample.com/a', false],
    ['http://127.0.0.1/*', 'http://127.0.0.1:5173/demo/', true],
    ['http://127.0.0.1:8080/*', 'http://127.0.0.1:5173/demo/', false],
    ['https://desk.example.com/inbox/*', 'https://desk.example.com/settings', false],
    ['https://desk.example.com/*?tab=chat', 'https://desk.example.com/x?tab=chat', true],
    ['<all_urls>', 'https://any.where/', true],
    ['not a pattern', 'https://any.where/', false],
    ['https://desk.example.com/*', 'not a url', false],
  ])('%s vs %s → %s', (pattern, url, expected) => {
    expect(matchesPattern(pattern, url)).toBe(expected);
  });

  it('builds a whole-site pattern, ignoring port and path', () => {
    expect(sitePattern('https://desk.example.com:8443/inbox?x=1')).toBe('https://desk.example.com/*');
    expect(sitePattern('chrome://extensions')).toBeNull();
    expect(isValidPattern('https://desk.example.com/*')).toBe(true);
    expect(isValidPattern('desk.example.com')).toBe(false);
  });
});
