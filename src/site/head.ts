/**
 * Per-page head metadata: canonical URL, hreflang alternates and OpenGraph locale, computed
 * from the page path so every page gets the same, correct set.
 */
import { LOCALES, type Locale } from '../domain/labels.ts';
import { switchLocale } from './routes.ts';

export interface Alternate {
  hreflang: string;
  href: string;
}

/** OpenGraph locale names. */
export const OG_LOCALE: Record<Locale, string> = { ru: 'ru_RU', en: 'en_US' };

/**
 * hreflang alternates for a localized page: one per locale, plus x-default (the language
 * chooser at `/` for the home page, the Russian original elsewhere).
 * @example alternates('/en/cite/', 'https://x.org/')
 * // [{hreflang:'ru',href:'https://x.org/ru/cite/'},{hreflang:'en',...},{hreflang:'x-default',href:'https://x.org/ru/cite/'}]
 */
export function alternates(pathname: string, site: string): Alternate[] {
  const links = LOCALES.map((locale) => ({
    hreflang: locale,
    href: new URL(switchLocale(pathname, locale), site).href,
  }));
  const isHome = LOCALES.some((l) => pathname === `/${l}/` || pathname === `/${l}`);
  const xDefault = isHome ? new URL('/', site).href : links[0]!.href;
  return [...links, { hreflang: 'x-default', href: xDefault }];
}
