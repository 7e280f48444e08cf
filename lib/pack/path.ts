const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * `scripts[3].answers[0].text`: where in the file a problem is. A key that is not an identifier (an empty
 * key, a key with spaces or dots) is written quoted in brackets, `featured[""].name`, so every path reads
 * back unambiguously.
 */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (IDENTIFIER.test(String(part))) out += out ? `.${String(part)}` : String(part);
    else out += `[${JSON.stringify(String(part))}]`;
  }
  return out || '(root)';
}
