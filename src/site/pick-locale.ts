/**
 * Chooses the site language from the browser's preferred languages (navigator.languages):
 * the first that is Russian or English wins; anything else gets the default (Russian, the
 * dataset's own language).
 */
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../i18n/locales.ts';

/**
 * @example pickLocale(['de-DE', 'en-US', 'ru']) // 'en'
 * @example pickLocale(['fr']) // 'ru'
 */
export function pickLocale(
  preferred: readonly string[],
  fallback: Locale = DEFAULT_LOCALE,
): Locale {
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split('-')[0];
    const match = LOCALES.find((l) => l === primary);
    if (match) return match;
  }
  return fallback;
}
