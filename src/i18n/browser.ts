/**
 * The translator for modules that also run in the browser (the explorer's charts, the studies
 * index, sizes): the same translator as ./index.ts over only the areas they need
 * (`BROWSER_CATALOG`), so their bundles do not carry every page's words. A key outside these
 * areas fails `npm run check` here.
 */
import type { Locale } from './locales.ts';
import { BROWSER_CATALOG } from './catalog.ts';
import { translations, type KeyOf, type PluralKeyOf, type TranslateOf } from './translator.ts';

export { oneOf } from './translator.ts';

export type BrowserKey = KeyOf<typeof BROWSER_CATALOG>;
export type BrowserTranslate = TranslateOf<BrowserKey, PluralKeyOf<typeof BROWSER_CATALOG>>;

export const useBrowserTranslations: (locale: Locale) => BrowserTranslate =
  translations(BROWSER_CATALOG);
