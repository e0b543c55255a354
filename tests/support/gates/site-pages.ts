/**
 * Finds the pages of a built site and groups them by page type, so every gate covers whatever
 * pages the output contains: a page type is the Astro route (`src/pages/...`) that produced it,
 * e.g. `[lang]/studies/[slug]` for every study page in either language.
 */
import { readdir } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { isHandleShaped } from '../../../src/domain/handle.ts';
import { LOCALES, type Locale } from '../../../src/i18n/locales.ts';

export const PAGES_DIR = resolve(import.meta.dirname, '../../../src/pages');

export interface SitePage {
  /** Path of the HTML file relative to the site folder, with `/` separators. */
  file: string;
  /** The URL path a static host serves it at, e.g. `/ru/studies/x/` or `/404.html`. */
  urlPath: string;
  /** Route pattern of the page, e.g. `[lang]`, `[lang]/studies/[slug]`, `404`, `index`. */
  type: string;
  locale: Locale | null;
}

/** Every file under `dir` (recursively), relative to it, with `/` separators, sorted. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

/**
 * The URL path a static host serves an HTML file at (directory format: `x/index.html` is `/x/`).
 * @example urlPathOf('ru/studies/a/index.html') // '/ru/studies/a/'
 * @example urlPathOf('404.html') // '/404.html'
 */
export function urlPathOf(file: string): string {
  if (file === 'index.html') return '/';
  if (file.endsWith('/index.html')) return `/${file.slice(0, -'index.html'.length)}`;
  return `/${file}`;
}

/**
 * Route patterns from the page files, as segment lists: `[lang]/studies/[slug].astro` →
 * `['[lang]', 'studies', '[slug]']`, `index.astro` → `[]`, `404.astro` → `['404']`.
 */
export async function routePatterns(pagesDir = PAGES_DIR): Promise<string[][]> {
  const files = await listFiles(pagesDir);
  return files
    .filter((f) => /\.(astro|md|mdx)$/.test(f))
    .map((f) => {
      const segments = f.replace(/\.(astro|md|mdx)$/, '').split('/');
      if (segments.at(-1) === 'index') segments.pop();
      return segments;
    });
}

/**
 * Parameters whose values have a shape, so a route that has one is told apart from a sibling
 * route with a free parameter: `[lang]/studies/[handle]` (`124`, the short address's redirect)
 * from `[lang]/studies/[slug]` (the study page; slugs never have a handle's shape).
 */
const SHAPED_PARAMS: Record<string, (segment: string) => boolean> = {
  '[handle]': isHandleShaped,
};

function segmentMatches(pattern: string, segment: string): boolean {
  if (!pattern.startsWith('[')) return pattern === segment;
  return SHAPED_PARAMS[pattern]?.(segment) ?? true;
}

function matches(pattern: string[], segments: string[]): boolean {
  const rest = pattern.findIndex((p) => p.startsWith('[...'));
  if (rest >= 0) {
    return (
      segments.length >= rest &&
      pattern.slice(0, rest).every((p, i) => segmentMatches(p, segments[i]!))
    );
  }
  return (
    pattern.length === segments.length && pattern.every((p, i) => segmentMatches(p, segments[i]!))
  );
}

/**
 * Astro's priority, roughly: more static segments first, then rest parameters last; of two
 * routes that both match, a shaped parameter before a free one.
 */
function specificity(pattern: string[]): number {
  const weight = (p: string) =>
    p.startsWith('[...') ? 0 : p in SHAPED_PARAMS ? 2 : p.startsWith('[') ? 1 : 100;
  return pattern.reduce((n, p) => n + weight(p), 0);
}

/**
 * The page type of a URL path: the route pattern that produced it, or, for a page no pattern
 * explains (e.g. written by an integration), its path with the locale replaced by `[lang]`.
 * @example pageTypeOf('/en/studies/x/', [['[lang]', 'studies', '[slug]']]) // '[lang]/studies/[slug]'
 */
export function pageTypeOf(urlPath: string, patterns: string[][]): string {
  const clean = urlPath.replace(/\.html$/, '').replace(/^\/+|\/+$/g, '');
  const segments = clean ? clean.split('/') : [];
  const best = patterns
    .filter((p) => matches(p, segments))
    .sort((a, b) => specificity(b) - specificity(a))[0];
  if (best) return best.length ? best.join('/') : 'index';
  const [first, ...rest] = segments;
  const localized =
    first && (LOCALES as readonly string[]).includes(first) ? ['[lang]', ...rest] : segments;
  return localized.join('/') || 'index';
}

/** The locale of a URL path (`/ru/...`), or null for unlocalized pages like `/404.html`. */
export function localeOf(urlPath: string): Locale | null {
  const first = urlPath.split('/')[1] ?? '';
  return (LOCALES as readonly string[]).includes(first) ? (first as Locale) : null;
}

/** Every HTML page of the site with its URL, type and locale, sorted by URL. */
export async function sitePages(siteDir: string, pagesDir = PAGES_DIR): Promise<SitePage[]> {
  const patterns = await routePatterns(pagesDir);
  return (await listFiles(siteDir))
    .filter((f) => f.endsWith('.html'))
    .map((file) => {
      const urlPath = urlPathOf(file);
      return { file, urlPath, type: pageTypeOf(urlPath, patterns), locale: localeOf(urlPath) };
    })
    .sort((a, b) => a.urlPath.localeCompare(b.urlPath));
}

/**
 * One page per page type and locale (the first by URL), so a check over them covers every
 * kind of page in both languages without visiting all 800 study pages.
 */
export function representatives(pages: SitePage[]): SitePage[] {
  const seen = new Set<string>();
  return pages.filter((p) => {
    const key = `${p.type}|${p.locale ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
