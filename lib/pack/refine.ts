/**
 * Checks the pack schema adds on top of types and lengths (issue 12 item 9). Each returns the problem in
 * words, or undefined when the value is fine, so schema.ts can report it at the field's place.
 */
import { isValidPattern } from '../consoles/match-pattern';

const hex = (c: number) => `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * C0 controls except tab, line feed and carriage return (answers have line breaks), DEL, C1 controls, the
 * bidi embeddings/overrides/isolates (U+202A–202E, U+2066–2069: they reorder the text an agent sends),
 * and UTF-16 halves without their pair (not text at all; they turn into U+FFFD in the reply).
 */
const BAD = new RegExp(
  [
    '[\\0-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F\\u202A-\\u202E\\u2066-\\u2069]',
    '[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])',
    '(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]',
  ].join('|'),
);

export function controlProblem(s: string): string | undefined {
  const m = BAD.exec(s);
  if (!m) return undefined;
  const c = m[0].charCodeAt(0);
  const what =
    c >= 0xd800 && c <= 0xdfff
      ? 'lone surrogate'
      : (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
        ? 'bidirectional control character'
        : 'control character';
  return `${what} ${hex(c)} at character ${m.index + 1}`;
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** `2026-02-31` is shaped like a date but is none: say why. Only called on YYYY-MM-DD strings. */
export function dateProblem(s: string): string | undefined {
  const [y, m, d] = s.split('-').map(Number);
  if (m < 1 || m > 12) return `${s} is not a date: no month ${m}`;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = m === 2 && leap ? 29 : DAYS[m - 1];
  if (d < 1 || d > days) return `${s} is not a date: ${MONTHS[m - 1]} ${y} has ${days} days`;
  return undefined;
}

/**
 * A console profile's match pattern: a valid Chrome match pattern for http(s) pages of one site. Huashu
 * reads the chat and writes into the reply box of every page a profile matches, so a pack may not claim
 * every site (`<all_urls>`, a host of `*`), local files, or other schemes (`javascript:`, `chrome://`).
 */
export function patternProblem(p: string): string | undefined {
  const example = 'e.g. "https://desk.example.com/*"';
  if (p === '<all_urls>')
    return `"<all_urls>" would let the profile read every site; name the console's address, ${example}`;
  if (!isValidPattern(p)) return `not a match pattern: ${JSON.stringify(p.slice(0, 60))}; ${example}`;
  const [scheme, rest] = p.split('://');
  if (scheme === 'file') return `file pages cannot be consoles; use an http or https address, ${example}`;
  const host = rest.split('/')[0].replace(/:\d+$/, '');
  if (host === '*') return `"${p}" matches every site; name the console's host, ${example}`;
  if (!/^(\*\.)?[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)*$/u.test(host)) return `"${host}" is not a host name; ${example}`;
  if (host.startsWith('*.') && !host.slice(2).includes('.'))
    return `"${p}" matches every site under .${host.slice(2)}; name the console's host, ${example}`;
  return undefined;
}
