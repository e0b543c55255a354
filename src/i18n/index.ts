/**
 * UI strings: flat dotted keys, one folder per language (`src/i18n/<locale>/*.json`), one file
 * per area of the site so that areas can grow independently (the list: ./catalog.ts). Russian
 * is the reference: every key must exist in English too (tests/unit/site/i18n-keys.test.ts).
 *
 * Keys are typed: `UiKey` is derived from the files, so a missing or misspelt key fails
 * `npm run check`; a key built at run time must come from a typed set (a template literal over
 * a union, e.g. `finding.${FindingId}`, or a value narrowed by `oneOf`). An unknown key still
 * throws at run time. Plural forms: ./translator.ts. Browser scripts use ./browser.ts, which
 * ships only the areas they need.
 * @example useTranslations('ru')('gallery.sheetAlt', { count: 21, series: 'S', preset: 'P' })
 * // 'S: лист миниатюр в окне «P», 21 срез по порядку'
 */
import { LOCALES, type Locale, type Localized } from './locales.ts';
import { CATALOG } from './catalog.ts';
import {
  translations,
  type KeyOf,
  type PluralKeyOf,
  type TranslateOf,
  type Vars,
} from './translator.ts';

export { oneOf } from './translator.ts';
export type { Vars } from './translator.ts';

/** Every key a page may ask for. */
export type UiKey = KeyOf<typeof CATALOG>;
/** A translator for one locale over every area. */
export type Translate = TranslateOf<UiKey, PluralKeyOf<typeof CATALOG>>;

/** Returns a translator for one locale; an unknown key throws, so a typo fails the build. */
export const useTranslations: (locale: Locale) => Translate = translations(CATALOG);

/**
 * One key in every locale, for data that carries both languages (JSON-LD, Croissant, the
 * datasheet). `vars` may be a function of the locale's translator, for values that are words
 * themselves (a counted noun from another key).
 * @example localized('finding.subdural') // { ru: 'Субдуральное кровоизлияние', en: 'Subdural hemorrhage' }
 */
export function localized(
  key: UiKey,
  vars: Vars | ((t: Translate, locale: Locale) => Vars) = {},
): Localized {
  return Object.fromEntries(
    LOCALES.map((locale) => {
      const t = useTranslations(locale);
      const values = typeof vars === 'function' ? vars(t, locale) : vars;
      return [locale, (t as (key: string, vars: Vars) => string)(key, values)];
    }),
  ) as Localized;
}
