/**
 * Finds the repository paths a text names — `src/…`, `scripts/…`, `tests/…`, `docs/…`, `.ci/…` —
 * so that a test can check each exists. In code only the comments are read (a string literal
 * may be a made-up path a test feeds its subject); in Markdown the whole text.
 *
 * Patterns are expanded or matched on purpose, never skipped:
 * - `{a,b}` braces expand to one path each (`src/i18n/{ru,en}/home.json`: both must exist);
 * - `<name>` placeholders and `*` globs match within one path segment
 *   (`src/i18n/<locale>/home.json` must match at least one file);
 * - a trailing `…` or `...` names the folder before it (`scripts/…` is `scripts/`).
 * A path must start at a word boundary: `../src/x` (a relative link) and `github.com/o/r/src/x`
 * (another repository) are not this repository's paths.
 */

/** One path named in a file, at a 1-based line. */
export interface NamedPath {
  line: number;
  path: string;
}

const ROOTS = ['src', 'scripts', 'tests', 'docs', '\\.ci'];
const PATH = new RegExp(`(?<![\\w./@~-])(?:${ROOTS.join('|')})/[\\w./<>{},*…-]*`, 'g');

/** The comments of a code file (block, line and HTML comments), each with its offset. */
export function commentsOf(code: string): { offset: number; text: string }[] {
  const comments: { offset: number; text: string }[] = [];
  // A `//` after a colon is a URL's, not a comment; strings are not parsed, which is enough for
  // this repository's code (no string holds a comment opener before a path).
  const re = /\/\*[\s\S]*?\*\/|(?<![:\\])\/\/[^\n]*|<!--[\s\S]*?-->/g;
  for (const m of code.matchAll(re)) comments.push({ offset: m.index, text: m[0] });
  return comments;
}

/** Drops what ends a sentence or a link around a path, and reads a trailing ellipsis as a folder. */
function tidy(raw: string): string {
  let path = raw.replace(/(?:…|\.\.\.)$/, '');
  path = path.replace(/[.,)}]+$/, '');
  // An unbalanced brace left by the text around a path is punctuation, not a pattern.
  if ((path.match(/\{/g) ?? []).length !== (path.match(/\}/g) ?? []).length)
    path = path.replace(/[{}]/g, '');
  return path;
}

/** The paths named in `text`, with the line each starts on (`offset` counts the text's start). */
export function pathsIn(text: string, before = ''): NamedPath[] {
  const lineOf = (index: number) => (before + text.slice(0, index)).split('\n').length;
  return [...text.matchAll(PATH)]
    .map((m) => ({ line: lineOf(m.index), path: tidy(m[0]) }))
    .filter((p) => /\/./.test(p.path) || p.path.endsWith('/'));
}

/** The paths named in a file: all of a Markdown file, the comments of any other. */
export function namedPaths(file: string, text: string): NamedPath[] {
  if (file.endsWith('.md')) return pathsIn(text);
  return commentsOf(text).flatMap((c) => pathsIn(c.text, text.slice(0, c.offset)));
}

/**
 * Expands `{a,b}` braces into one pattern each.
 * @example expandBraces('src/i18n/{ru,en}/home.json') // ['src/i18n/ru/home.json', 'src/i18n/en/home.json']
 */
export function expandBraces(pattern: string): string[] {
  const m = /\{([^{}]*)\}/.exec(pattern);
  if (!m) return [pattern];
  const [head, tail] = [pattern.slice(0, m.index), pattern.slice(m.index + m[0].length)];
  return m[1]!.split(',').flatMap((alt) => expandBraces(head + alt + tail));
}

/**
 * Whether a path or pattern names something in the repository, given its files (and so its
 * folders, each ending in `/`). `<name>` and `*` match within one segment.
 */
export function exists(pattern: string, entries: ReadonlySet<string>): boolean {
  return expandBraces(pattern).every((one) => {
    if (entries.has(one) || entries.has(`${one}/`)) return true;
    if (!/[<*]/.test(one)) return false;
    const source = one
      .split(/(<[^>]*>|\*)/)
      .map((part, i) => (i % 2 ? '[^/]+' : part.replace(/[.+?^$()[\]|\\]/g, '\\$&')))
      .join('');
    const re = new RegExp(`^${source}/?$`);
    for (const entry of entries) if (re.test(entry)) return true;
    return false;
  });
}
