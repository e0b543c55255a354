/**
 * Locale-aware formatting of dates for the pages (UTC, so the output does not depend on the
 * machine's time zone).
 */
import { LOCALE_TAGS, type Locale } from '../i18n/locales.ts';

/**
 * @example formatDate('2023-10-12', 'ru') // '12.10.2023'
 * @example formatDate('2023-10-12', 'en') // '12 October 2023'
 */
export function formatDate(iso: string, locale: Locale): string {
  const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  // Russian pages write dates as the README does (12.10.2023); English ones spell the month.
  const style: Intl.DateTimeFormatOptions = locale === 'ru' ? {} : { dateStyle: 'long' };
  return new Intl.DateTimeFormat(LOCALE_TAGS[locale].intl, { timeZone: 'UTC', ...style }).format(
    date,
  );
}
