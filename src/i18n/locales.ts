/**
 * The site's languages, the one list: routes, the Astro and sitemap configuration, the UI
 * strings (src/i18n/<locale>/) and every `Localized` value follow it. The first is the
 * default: the dataset's own language. No imports: every page's browser bundle holds it.
 */
export const LOCALES = ['ru', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = LOCALES[0];

/** One text in every language (data that carries both, e.g. JSON-LD, Croissant, findings). */
export type Localized = Record<Locale, string>;

/**
 * Per locale, the tags other standards name it by: `intl` for Intl (numbers, dates, plural
 * rules; British English spelling of dates), `og` for OpenGraph's `og:locale`, `csl` for the
 * citation's CSL `language`.
 */
export const LOCALE_TAGS: Record<Locale, { intl: string; og: string; csl: string }> = {
  ru: { intl: 'ru-RU', og: 'ru_RU', csl: 'ru-RU' },
  en: { intl: 'en-GB', og: 'en_US', csl: 'en-US' },
};
