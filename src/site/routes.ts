/**
 * URL helpers: every page lives at `<base>/<locale>/<path>/`. Pages compute links with these, so
 * the language switch and hreflang alternates are the same path under the other locale. The base
 * path comes from `./base.ts`.
 */
import { isHandleShaped } from '../domain/handle.ts';
import { LOCALES, type Locale } from '../i18n/locales.ts';
import { BASE, stripBase, withBase } from './base.ts';

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

/**
 * The address of a study's handle (`#124`): a redirect page to the study's own page, so a
 * reader who has seen "#124" can type it where the study's UID stands in its address.
 * @example handlePath('en', '124') // '/en/studies/124/' (base '/')
 */
export function handlePath(locale: Locale, handle: string): string {
  return localePath(locale, `studies/${handle}`);
}

/**
 * True when `pathname` (base path included) is a handle's redirect page, not a page of its own
 * (study slugs never have a handle's shape, see src/pipeline/slug.ts). `base`: the build's
 * base path, given where Astro's is not known (the Astro config).
 * @example isHandlePath('/en/studies/124/') // true
 * @example isHandlePath('/d/h/en/studies/124/', '/d/h/') // true
 * @example isHandlePath('/en/studies/1-2-643/') // false
 */
export function isHandlePath(pathname: string, base: string = BASE): boolean {
  const [, first, second, third, ...rest] = stripBase(pathname, base).split('/');
  return (
    (LOCALES as readonly string[]).includes(first ?? '') &&
    second === 'studies' &&
    isHandleShaped(third ?? '') &&
    rest.join('') === ''
  );
}

export const localeParams = () => LOCALES.map((lang) => ({ params: { lang } }));
