/**
 * URL helpers: every page lives at `/<locale>/<path>/`. Pages compute links with these, so the
 * language switch and hreflang alternates are the same path under the other locale.
 */
import { LOCALES, type Locale } from '../domain/labels.ts';

/**
 * @example localePath('en', 'studies/abc') // '/en/studies/abc/'
 */
export function localePath(locale: Locale, path = ''): string {
  const clean = path.replace(/^\/+|\/+$/g, '');
  return clean ? `/${locale}/${clean}/` : `/${locale}/`;
}

/**
 * The same page in another locale.
 * @example switchLocale('/ru/studies/abc/', 'en') // '/en/studies/abc/'
 */
export function switchLocale(pathname: string, to: Locale): string {
  const [, first, ...rest] = pathname.split('/');
  const tail = (LOCALES as readonly string[]).includes(first ?? '') ? rest.join('/') : pathname;
  return localePath(to, tail);
}

export const localeParams = () => LOCALES.map((lang) => ({ params: { lang } }));
