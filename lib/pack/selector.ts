/**
 * Is a console profile's CSS selector one `querySelector` accepts? Packs are checked in the service
 * worker and the side panel's Web Worker, where there is no `document` to try it on, so the selector is
 * parsed with css-what (the parser of css-select/cheerio; maintained, no DOM, no dependencies) and then
 * held to the few rules where css-what is more lenient than Chromium: a combinator with nothing on one
 * side, `.`/`#` not followed by a name, element names that are not names, anything after a pseudo-element,
 * unknown pseudo-classes, namespaces (none is declared in a page), the column combinator.
 */
import { parse, type Selector } from 'css-what';

/** Pseudo-classes Chromium's querySelector knows (`-webkit-` ones are let through unchecked). */
const PSEUDO_CLASSES = new Set(
  (
    'active any-link autofill blank checked default defined dir disabled empty enabled first-child ' +
    'first-of-type focus focus-visible focus-within fullscreen has host host-context hover in-range ' +
    'indeterminate invalid is lang last-child last-of-type link modal not nth-child nth-last-child ' +
    'nth-last-of-type nth-of-type only-child only-of-type open optional out-of-range picture-in-picture ' +
    'placeholder-shown popover-open read-only read-write required root scope state target user-invalid ' +
    'user-valid valid visited where paused playing muted closed'
  ).split(' '),
);
/** A CSS identifier (after css-what has resolved escapes). */
const IDENT = /^(-?[A-Za-z_\u0080-\uFFFF]|--)[\w\u0080-\uFFFF-]*$/;
/** Pseudo-classes whose argument is a selector list (css-what parses it into `data`). */
const RELATIVE = new Set(['has']);

/** `.` or `#` (outside strings, brackets and escapes) must be followed by a name: `..a`, `#1`, `. a` are not. */
function bareNameProblem(sel: string): string | undefined {
  let quote = '';
  for (let i = 0; i < sel.length; i++) {
    const c = sel[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (quote) {
      if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '.' || c === '#') {
      const rest = sel.slice(i + 1);
      if (!/^(-?[A-Za-z_\u0080-\uFFFF\\]|--)/.test(rest))
        return `"${c}" at character ${i + 1} is not followed by a name`;
    }
  }
  return undefined;
}

function tokensProblem(selectors: Selector[][], relative: boolean): string | undefined {
  for (const tokens of selectors) {
    if (!tokens.length) return 'an empty selector';
    const first = tokens[0];
    const last = tokens[tokens.length - 1];
    const isCombinator = (t: Selector) =>
      ['child', 'parent', 'sibling', 'adjacent', 'descendant', 'column-combinator'].includes(t.type);
    if (isCombinator(first) && !relative) return 'starts with a combinator';
    if (isCombinator(last)) return 'ends with a combinator';
    let compoundStart = true;
    for (const [i, t] of tokens.entries()) {
      if (t.type === 'column-combinator') return 'the column combinator "||" is not supported';
      if (t.type === 'pseudo-element' && i < tokens.length - 1) return `nothing may follow "::${t.name}"`;
      if (t.type === 'tag' || t.type === 'universal') {
        if (!compoundStart) return 'an element name in the middle of a compound selector';
        if (t.type === 'tag' && !IDENT.test(t.name)) return `"${t.name}" is not an element name`;
      }
      compoundStart = isCombinator(t);
      if ((t.type === 'tag' || t.type === 'universal' || t.type === 'attribute') && t.namespace && t.namespace !== '*')
        return `namespace "${t.namespace}|" is not declared in a page`;
      if (t.type === 'pseudo') {
        if (!t.name.startsWith('-webkit-') && !PSEUDO_CLASSES.has(t.name)) return `unknown pseudo-class ":${t.name}"`;
        if (Array.isArray(t.data)) {
          const inner = tokensProblem(t.data, RELATIVE.has(t.name));
          if (inner) return `:${t.name}(…): ${inner}`;
        }
      }
    }
  }
  return undefined;
}

export function selectorProblem(sel: string): string | undefined {
  if (!sel.trim()) return 'an empty selector';
  let parsed: Selector[][];
  try {
    parsed = parse(sel);
  } catch (e) {
    return `not a CSS selector (${(e as Error).message})`;
  }
  const problem = bareNameProblem(sel) ?? tokensProblem(parsed, false);
  return problem ? `not a CSS selector: ${problem}` : undefined;
}
