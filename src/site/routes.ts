/**
 * URL helpers: every page lives at `<base>/<locale>/<path>/`. Pages compute links with these, so
 * the language switch and hreflang alternates are the same path under the other locale. The base
 * path comes from `./base.ts`.
 */
import { LOCALES, type Locale } from '../domain/labels.ts';
import { stripBase, withBase } from './base.ts';

/**
 * A page's link, under the base path.
 * @example localePath('en', 'studies/abc') // '/en/studies/abc/' (base '/')
 * @example localePath('en', 'studies/abc') // '/datasets/h/en/studies/abc/' (base '/datasets/h/')
 */
export function localePath(locale: Locale, path = ''): string {
  const clean = path.replace(/^\/+|\/+$/g, '');
  return withBase(clean ? `${locale}/${clean}/` : `${locale}/`);
}

/**
 * The same page in another locale. `pathname` is the page's own path, base path included
 * (`Astro.url.pathname`).
 * @example switchLocale('/ru/studies/abc/', 'en') // '/en/studies/abc/'
 */
export function switchLocale(pathname: string, to: Locale): string {
  const [, first, ...rest] = stripBase(pathname).split('/');
  const tail = (LOCALES as readonly string[]).includes(first ?? '') ? rest.join('/') : '';
  return localePath(to, tail);
}

/**
 * True when `pathname` (base path included) is a locale's home page.
 * @example isLocaleHome('/en/') // true
 */
export function isLocaleHome(pathname: string): boolean {
  const path = stripBase(pathname);
  return LOCALES.some((l) => path === `/${l}/` || path === `/${l}`);
}

export const localeParams = () => LOCALES.map((lang) => ({ params: { lang } }));
