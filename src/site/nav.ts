/**
 * The site's main navigation, in one place: the header renders it, tests walk it. Paths are
 * locale-relative (see localePath); `downloads` is a section of the home page.
 */
import type { Locale } from '../i18n/locales.ts';
import type { UiKey } from '../i18n/index.ts';
import { localePath } from './routes.ts';

export interface NavItem {
  /** UI string key of the label. */
  key: UiKey;
  /** Path under the locale, '' for home; may carry a #fragment. */
  path: string;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { key: 'nav.home', path: '' },
  { key: 'nav.about', path: 'about' },
  { key: 'nav.statistics', path: 'statistics' },
  { key: 'nav.studies', path: 'studies' },
  { key: 'nav.quality', path: 'quality' },
  { key: 'nav.datasheet', path: 'datasheet' },
  { key: 'nav.cite', path: 'cite' },
  { key: 'nav.license', path: 'license' },
  { key: 'nav.downloads', path: '#downloads' },
];

/**
 * True when `pathname` (the page's path, base path included) is the page of `item` or below it
 * (home matches only itself).
 * @example isCurrent('/ru/studies/abc/', { key: 'nav.studies', path: 'studies' }, 'ru') // true
 */
export function isCurrent(pathname: string, item: NavItem, locale: string): boolean {
  if (item.path.startsWith('#')) return false;
  const page = localePath(locale as Locale, item.path);
  return item.path ? pathname.startsWith(page) : pathname === page;
}
