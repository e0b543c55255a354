/**
 * Numbers as every page, chart and table writes them: one formatter per locale (decimal comma
 * and grouped thousands in Russian, "2,5"; decimal point in English, "2.5"), at most four
 * decimals. Machine-readable downloads (CSV, JSON) keep plain numbers. Runs in the browser too.
 */
import { LOCALE_TAGS, type Locale } from '../i18n/locales.ts';

const formatters = new Map<Locale, Intl.NumberFormat>();

/**
 * @example formatNumber('ru', 0.625) // '0,625'
 * @example formatNumber('en', 45.75) // '45.75'
 */
export function formatNumber(locale: Locale, value: number): string {
  let nf = formatters.get(locale);
  if (!nf) {
    nf = new Intl.NumberFormat(LOCALE_TAGS[locale].intl, { maximumFractionDigits: 4 });
    formatters.set(locale, nf);
  }
  return nf.format(value);
}

/**
 * A figure as a page shows it: the locale's number, or a dash when there is none.
 * @example showNumber('ru', 45.75) // '45,75'
 * @example showNumber('en', null) // '—'
 */
export function showNumber(locale: Locale, value: number | null): string {
  return value === null ? '—' : formatNumber(locale, value);
}
