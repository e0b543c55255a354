/**
 * The site's main navigation, in one place: the header renders it, tests walk it. Paths are
 * locale-relative (see localePath); `downloads` is a section of the home page.
 */
export interface NavItem {
  /** UI string key of the label. */
  key: string;
  /** Path under the locale, '' for home; may carry a #fragment. */
  path: string;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { key: 'nav.home', path: '' },
  { key: 'nav.about', path: 'about' },
  { key: 'nav.statistics', path: 'statistics' },
  { key: 'nav.studies', path: 'studies' },
  { key: 'nav.quality', path: 'quality' },
  { key: 'nav.cite', path: 'cite' },
  { key: 'nav.license', path: 'license' },
  { key: 'nav.downloads', path: '#downloads' },
];

/**
 * True when `pathname` is the page of `item` or below it (home matches only itself).
 * @example isCurrent('/ru/studies/abc/', { key: 'nav.studies', path: 'studies' }, 'ru') // true
 */
export function isCurrent(pathname: string, item: NavItem, locale: string): boolean {
  if (item.path.startsWith('#')) return false;
  const base = item.path ? `/${locale}/${item.path}/` : `/${locale}/`;
  return item.path ? pathname.startsWith(base) : pathname === base;
}
