/**
 * The dataset's vocabulary: the labelled findings of the registry, in the order the
 * seed README lists them (their names are UI strings: `finding.<id>` in src/i18n), and the
 * site's languages. No words here: this module is in the browser bundles of every page.
 */
export const FINDING_IDS = [
  'epidural',
  'subarachnoid',
  'subdural',
  'intracerebral',
  'multiple',
  'fracture',
  'combined',
  'ventricular',
] as const;

export type FindingId = (typeof FINDING_IDS)[number];

/**
 * The site's languages, the one list: routes, the Astro and sitemap configuration, the UI
 * strings (src/i18n/<locale>/) and every `Localized` value follow it. The first is the
 * default: the dataset's own language.
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

export const SEXES = ['M', 'F'] as const;
export type Sex = (typeof SEXES)[number];

/** Window presets (center/width in HU) used for thumbnails. */
export const WINDOW_PRESETS = {
  brain: { center: 40, width: 80 },
  subdural: { center: 75, width: 200 },
  bone: { center: 600, width: 2800 },
} as const;
export type WindowPresetId = keyof typeof WINDOW_PRESETS;
export const WINDOW_PRESET_IDS = Object.keys(WINDOW_PRESETS) as WindowPresetId[];
