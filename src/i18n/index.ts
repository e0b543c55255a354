/**
 * UI strings: flat dotted keys, one folder per language (`src/i18n/<locale>/*.json`), one file
 * per area of the site so that areas can grow independently (the list: ./catalog.ts). Russian
 * is the reference: every key must exist in English too (tests/site/i18n-keys.test.ts).
 *
 * Keys are typed: `UiKey` is derived from the files (./catalog.ts), so a missing or misspelt key fails
 * `npm run check`; a key built at run time must come from a typed set (a template literal over
 * a union, e.g. `finding.${FindingId}`). An unknown key still throws at run time.
 *
 * Counts with a noun use plural forms chosen by `Intl.PluralRules` (i18next's convention):
 * `"studies.count_one": "{count} исследование"`, `_few`, `_many`, `_other` in Russian, `_one`
 * and `_other` in English; `t('size.studies', { count: 5, n: '5' })` picks `_many` in Russian.
 * `count` selects the form; a template may show it or another variable (a formatted number).
 * A key may have forms in one language and not in another (English "{n} kernels" where
 * Russian writes "фильтров: {n}"): the caller passes `count` either way.
 * @example useTranslations('ru')('gallery.sheetAlt', { count: 21, series: 'S', preset: 'P' })
 * // 'S: лист миниатюр в окне «P», 21 срез по порядку'
 */
import { LOCALE_TAGS, LOCALES, type Locale, type Localized } from '../domain/labels.ts';
import { CATALOG, type CatalogKey } from './catalog.ts';
import { fill, type Vars } from './fill.ts';

export type { Vars } from './fill.ts';

type PluralCategory = Intl.LDMLPluralRule;

/** A key with plural forms (`<key>_one`, `<key>_other`...) in any language: it needs a numeric `count`. */
export type PluralKey = CatalogKey extends infer K
  ? K extends `${infer Base}_other`
    ? Base
    : never
  : never;

/** Every key a page may ask for: plain keys and plural keys (without their suffix). */
export type UiKey = Exclude<CatalogKey, `${string}_${PluralCategory}`> | PluralKey;

/** A translator for one locale; plural keys require `count`. */
export type Translate = <K extends UiKey>(
  key: K,
  ...vars: K extends PluralKey ? [Vars & { count: number }] : [Vars?]
) => string;

function tablesOf(locale: Locale): Readonly<Record<string, string>> {
  return Object.assign({}, ...Object.values(CATALOG).map((area) => area[locale]));
}

const STRINGS = Object.fromEntries(LOCALES.map((l) => [l, tablesOf(l)])) as Record<
  Locale,
  Readonly<Record<string, string>>
>;

/** Returns a translator for one locale; an unknown key throws, so a typo fails the build. */
export function useTranslations(locale: Locale): Translate {
  const strings = STRINGS[locale];
  const rules = new Intl.PluralRules(LOCALE_TAGS[locale].intl);
  const template = (key: string, vars: Vars): string => {
    const plain = strings[key];
    if (plain !== undefined) return plain;
    if (strings[`${key}_other`] === undefined) {
      throw new Error(`Missing UI string "${key}" for ${locale}`);
    }
    const count = vars['count'];
    if (typeof count !== 'number') {
      throw new Error(`UI string "${key}" has plural forms: it needs a numeric count`);
    }
    const form = `${key}_${rules.select(count)}`;
    const chosen = strings[form];
    if (chosen === undefined) throw new Error(`Missing plural form "${form}" for ${locale}`);
    return chosen;
  };
  return ((key: string, vars: Vars = {}) => fill(template(key, vars), vars)) as Translate;
}

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

/**
 * Narrows a run-time value to a typed set, so that a key built from it is typed
 * (`` t(`stats.sex.${oneOf(SEXES, value)}`) ``); a value outside the set throws.
 * @example oneOf(['M', 'F'] as const, 'F') // 'F'
 */
export function oneOf<const V extends string>(values: readonly V[], value: string): V {
  const found = values.find((v) => v === value);
  if (found === undefined) throw new Error(`"${value}" is not one of ${values.join(', ')}`);
  return found;
}
