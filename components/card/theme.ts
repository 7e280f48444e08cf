/** Light or dark, following the page around the reply box (its background), else the OS preference. */

function parseRgb(color: string): [number, number, number, number] | null {
  const m = /rgba?\(([^)]+)\)/.exec(color);
  if (!m) return null;
  const [r, g, b, a = '1'] = m[1].split(/[\s,/]+/).filter(Boolean);
  return [Number(r), Number(g), Number(b), Number(a)];
}

export function isDarkColor(color: string): boolean | null {
  const c = parseRgb(color);
  if (!c || c[3] === 0) return null;
  const [r, g, b] = c.map((v) => v / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.4;
}

export function pageTheme(from: Element | null, win: Window): 'light' | 'dark' {
  for (let el: Element | null = from ?? win.document.body; el; el = el.parentElement) {
    const dark = isDarkColor(win.getComputedStyle(el).backgroundColor);
    if (dark !== null) return dark ? 'dark' : 'light';
  }
  const root = isDarkColor(win.getComputedStyle(win.document.documentElement).backgroundColor);
  if (root !== null) return root ? 'dark' : 'light';
  return win.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}
