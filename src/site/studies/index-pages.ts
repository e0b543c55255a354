/**
 * The studies index as pages of the server-rendered table: every study is listed without
 * JavaScript (page 1 at `/<lang>/studies/`, then `/<lang>/studies/page/<n>/`), while each page
 * stays small enough to load fast on a phone. With JavaScript, filters and sorting work on
 * every study at once (the browser renders those rows from `/data/studies-index.json`).
 */
import type { Locale } from '../../i18n/locales.ts';
import { localePath } from '../../site/routes.ts';

/** Rows per page: about 110 KB of HTML, a phone's few screens of table. */
export const INDEX_PAGE_SIZE = 100;

/**
 * How many pages `count` studies take (at least one, so an empty dataset still has its page).
 * @example pageCount(800) // 8
 * @example pageCount(0) // 1
 */
export function pageCount(count: number, size = INDEX_PAGE_SIZE): number {
  return Math.max(1, Math.ceil(count / size));
}

/**
 * The items of page `n` (1-based).
 * @example pageItems([1, 2, 3], 2, 2) // [3]
 */
export function pageItems<T>(items: readonly T[], n: number, size = INDEX_PAGE_SIZE): T[] {
  return items.slice((n - 1) * size, n * size);
}

/**
 * The path of page `n` of the index.
 * @example indexPagePath('en', 1) // '/en/studies/'
 * @example indexPagePath('en', 3) // '/en/studies/page/3/'
 */
export function indexPagePath(locale: Locale, n: number): string {
  return localePath(locale, n === 1 ? 'studies' : `studies/page/${n}`);
}
