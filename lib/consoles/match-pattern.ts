/**
 * Chrome match patterns ("https://desk.example.com/*", "*://*.example.com/*"), as used by console
 * profiles and scripting.registerContentScripts. Like Chrome, a pattern without a port matches any port,
 * and the path part is matched against path + query.
 */

const PATTERN = /^(\*|https?|file):\/\/(\*|\*\.[^/*:]+|[^/*:]+)(:\d+)?(\/.*)$/;

function glob(s: string): RegExp {
  return new RegExp(`^${s.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*')}$`);
}

export function isValidPattern(pattern: string): boolean {
  return pattern === '<all_urls>' || PATTERN.test(pattern);
}

/** Does `url` fall under `pattern`? Invalid patterns and URLs match nothing. */
export function matchesPattern(pattern: string, url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (pattern === '<all_urls>') return /^(https?|file):$/.test(u.protocol);
  const m = PATTERN.exec(pattern);
  if (!m) return false;
  const [, scheme, host, port, path] = m;
  const protocol = u.protocol.slice(0, -1);
  if (scheme === '*' ? protocol !== 'http' && protocol !== 'https' : scheme !== protocol) return false;
  if (port && port.slice(1) !== u.port) return false;
  if (host !== '*') {
    if (host.startsWith('*.')) {
      const base = host.slice(2);
      if (u.hostname !== base && !u.hostname.endsWith(`.${base}`)) return false;
    } else if (u.hostname !== host) return false;
  }
  return glob(path).test(u.pathname + u.search);
}

export function matchesAny(patterns: readonly string[], url: string): boolean {
  return patterns.some((p) => matchesPattern(p, url));
}

/** The pattern that enables Huashu on a whole site: "https://desk.example.com/*" (any port, any path). */
export function sitePattern(url: string): string | null {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return `${u.protocol}//${u.hostname}/*`;
  } catch {
    return null;
  }
}
