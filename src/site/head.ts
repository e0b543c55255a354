/**
 * Per-page head metadata: canonical URL, hreflang alternates and OpenGraph locale, computed
 * from the page path so every page gets the same, correct set.
 */
import { LOCALES } from '../i18n/locales.ts';
import { withBase } from './base.ts';
import { absoluteLink } from './canonical.ts';
import { isLocaleHome, switchLocale } from './routes.ts';

export interface Alternate {
  hreflang: string;
  href: string;
}

/**
 * hreflang alternates for a localized page: one per locale, plus x-default (the language
 * chooser at the site's root for the home page, the Russian original elsewhere). `pathname` is
 * the page's path with the base path. Absolute with the site's address; without one (no
 * `--site`), none: search engines read only fully qualified alternates (Google's hreflang rules;
 * Lighthouse fails relative ones), so a relative set would be noise.
 * @example alternates('/en/cite/', new URL('https://x.org/'))
 * // [{hreflang:'ru',href:'https://x.org/ru/cite/'},{hreflang:'en',...},{hreflang:'x-default',href:'https://x.org/ru/cite/'}]
 */
export function alternates(pathname: string, site: URL | string | undefined): Alternate[] {
  if (site === undefined) return [];
  const href = (link: string) => absoluteLink(link, site) ?? link;
  const links = LOCALES.map((locale) => ({
    hreflang: locale,
    href: href(switchLocale(pathname, locale)),
  }));
  const xDefault = isLocaleHome(pathname) ? href(withBase('')) : links[0]!.href;
  return [...links, { hreflang: 'x-default', href: xDefault }];
}
