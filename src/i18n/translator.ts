/**
 * The translator over a catalog of UI string areas (./catalog.ts): typed keys derived from the
 * catalog, plural forms chosen by `Intl.PluralRules`, placeholders filled by ./fill.ts. Two
 * catalogs use it: every area (./index.ts) and the areas browser scripts need (./browser.ts).
 *
 * Plural keys follow i18next's convention: `"gallery.sheetAlt_one"`, `_few`, `_many`, `_other`
 * in Russian, `_one` and `_other` in English; the caller asks for `gallery.sheetAlt` with a
 * numeric `count`, which selects the form (a template may show it or another variable, e.g. a
 * formatted number). A key may have forms in one language only (English "{count} kernels"
 * where Russian writes "фильтров реконструкции {count}"): the caller passes `count` either way.
 */
import { LOCALE_TAGS, type Locale } from './locales.ts';
import { fill, type Vars } from './fill.ts';

export type { Vars } from './fill.ts';

/** Area → strings per locale. */
export type Catalog = Readonly<
  Record<string, Readonly<Record<Locale, Readonly<Record<string, string>>>>>
>;

/** Every key of every locale's files, plural forms with their suffixes. */
type RawKey<C extends Catalog> = {
  [Area in keyof C]: { [L in Locale]: keyof C[Area][L] & string }[Locale];
}[keyof C];

/** Keys with plural forms (`<key>_one`, ..., `<key>_other`) in any language, without the suffix. */
export type PluralKeyOf<C extends Catalog> =
  RawKey<C> extends infer K ? (K extends `${infer Base}_other` ? Base : never) : never;

/** Every key a page may ask for: plain keys and plural keys (without their suffix). */
export type KeyOf<C extends Catalog> =
  Exclude<RawKey<C>, `${string}_${Intl.LDMLPluralRule}`> | PluralKeyOf<C>;

/** A translator for one locale; a plural key requires a numeric `count`. */
export type TranslateOf<K extends string, P extends string> = <Key extends K>(
  key: Key,
  ...vars: Key extends P ? [Vars & { count: number }] : [Vars?]
) => string;

/**
 * `useTranslations(locale)` over one catalog. An unknown key throws, so a key that slipped past
 * the types (a value outside its typed set) fails the build instead of showing.
 */
export function translations<C extends Catalog>(catalog: C) {
  const tables = new Map<Locale, Readonly<Record<string, string>>>();
  const tableOf = (locale: Locale) => {
    let table = tables.get(locale);
    if (!table) {
      table = Object.assign({}, ...Object.values(catalog).map((area) => area[locale]));
      tables.set(locale, table!);
    }
    return table!;
  };
  // One translator per locale: pages ask for one in every component, and each would build its
  // own Intl.PluralRules (193 ms of a 4 s Astro stage on the 200-study sample, profiled).
  const translators = new Map<Locale, TranslateOf<KeyOf<C>, PluralKeyOf<C>>>();
  return function useTranslations(locale: Locale): TranslateOf<KeyOf<C>, PluralKeyOf<C>> {
    let translator = translators.get(locale);
    if (!translator) translators.set(locale, (translator = translatorFor(locale)));
    return translator;
  };

  function translatorFor(locale: Locale): TranslateOf<KeyOf<C>, PluralKeyOf<C>> {
    const strings = tableOf(locale);
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
    return ((key: string, vars: Vars = {}) => fill(template(key, vars), vars)) as TranslateOf<
      KeyOf<C>,
      PluralKeyOf<C>
    >;
  }
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
