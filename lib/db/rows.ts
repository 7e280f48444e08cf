/** Helpers every stored promise or feedback row uses: its uid and its text, cut to a stored maximum. */

/** Longest text stored for one promise or feedback entry; longer text is cut and the length kept. */
export const MAX_TEXT = 2000;

export function clipText(text: string, max = MAX_TEXT): { text: string; truncatedFrom?: number } {
  const clean = text.replace(/\s+\n/g, '\n').trim();
  const chars = [...clean];
  if (chars.length <= max) return { text: clean };
  return { text: `${chars.slice(0, max).join('')}…`, truncatedFrom: chars.length };
}

/** A row's identity across devices and backups (exports re-import by uid). */
export function newUid(): string {
  return crypto.randomUUID();
}
