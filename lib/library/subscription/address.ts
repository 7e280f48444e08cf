/**
 * Which addresses a pack subscription may use. HTTPS is the rule (the file crosses the team's network);
 * plain HTTP only on this machine's loopback (127.0.0.1, localhost: a lead testing a file, the browser
 * tests), which the extension CSP allows for the same reason. Pure.
 */

/** Hosts for which http:// is accepted (the CSP's connect-src lists the same two). */
export const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost'] as const;

export type AddressError = 'invalid' | 'scheme' | 'insecure' | 'credentials';

export type AddressCheck =
  | {
      ok: true;
      /** The address as fetched (no #fragment). */
      url: string;
      origin: string;
      /** The host permission asked for: this one site (`https://host/*`), nothing wider. */
      pattern: string;
    }
  | { ok: false; error: AddressError };

export function checkAddress(input: string): AddressCheck {
  let u: URL;
  try {
    u = new URL(input.trim());
  } catch {
    return { ok: false, error: 'invalid' };
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return { ok: false, error: 'scheme' };
  if (u.protocol === 'http:' && !(LOOPBACK_HOSTS as readonly string[]).includes(u.hostname))
    return { ok: false, error: 'insecure' };
  // A user name or password in the address would be sent to the server: refused (no identity is sent).
  if (u.username || u.password) return { ok: false, error: 'credentials' };
  if (!u.hostname) return { ok: false, error: 'invalid' };
  u.hash = '';
  return { ok: true, url: u.href, origin: u.origin, pattern: `${u.protocol}//${u.hostname}/*` };
}
