/**
 * How long a download takes: the time to move a number of bytes at common link speeds (a
 * 100 Mbit/s home line, a 1 Gbit/s office or campus line), at the link's full speed, written
 * for people ("2 hr 11 min at 100 Mbit/s, 14 min at 1 Gbit/s" / "2 ч 11 мин при 100 Мбит/с, …").
 * Shown with the dataset's size in the home page's Download section and with a subset's in the
 * subset kit. Runs in the browser too (the kit): no zod.
 */
import { LOCALE_TAGS, type Locale } from '../i18n/locales.ts';
import { useBrowserTranslations } from '../i18n/browser.ts';

/** The link speeds a time is given for, in bits per second. */
export const LINK_SPEEDS = [100e6, 1e9] as const;

/**
 * Seconds to move `bytes` at `bitsPerSecond` (no protocol overhead: the best case).
 * @example transferSeconds(1e9, 1e9) // 8
 */
export function transferSeconds(bytes: number, bitsPerSecond: number): number {
  return (bytes * 8) / bitsPerSecond;
}

function unit(locale: Locale, name: 'hour' | 'minute', value: number): string {
  return new Intl.NumberFormat(LOCALE_TAGS[locale].intl, {
    style: 'unit',
    unit: name,
    unitDisplay: 'short',
  }).format(value);
}

/**
 * A duration in whole minutes, rounded up (a download is never shorter than said), hours and
 * minutes from an hour on; under a minute in words.
 * @example formatDuration(7872, 'en') // '2 hrs 12 mins'
 * @example formatDuration(7872, 'ru') // '2 ч 12 мин'
 * @example formatDuration(20, 'en') // 'under a minute'
 */
export function formatDuration(seconds: number, locale: Locale): string {
  if (seconds < 60) return useBrowserTranslations(locale)('size.underMinute');
  const minutes = Math.ceil(seconds / 60);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return unit(locale, 'minute', minutes);
  return rest === 0
    ? unit(locale, 'hour', hours)
    : `${unit(locale, 'hour', hours)} ${unit(locale, 'minute', rest)}`;
}

/**
 * A link speed in the units people name them by (Intl's Russian "Мбит/c" ends in a Latin c,
 * so the words are UI strings).
 * @example formatSpeed(1e9, 'ru') // '1 Гбит/с'
 */
export function formatSpeed(bitsPerSecond: number, locale: Locale): string {
  const t = useBrowserTranslations(locale);
  const nf = new Intl.NumberFormat(LOCALE_TAGS[locale].intl, { maximumFractionDigits: 1 });
  return bitsPerSecond >= 1e9
    ? t('size.gbitPerSecond', { n: nf.format(bitsPerSecond / 1e9) })
    : t('size.mbitPerSecond', { n: nf.format(bitsPerSecond / 1e6) });
}

/**
 * The download time of `bytes` at each of LINK_SPEEDS (up to the first that takes under a
 * minute), as one sentence.
 * @example formatDownloadTimes(98.4e9, 'en')
 * // 'Download time at full link speed: 2 hrs 12 mins at 100 Mbit/s, 14 mins at 1 Gbit/s.'
 */
export function formatDownloadTimes(bytes: number, locale: Locale): string {
  const t = useBrowserTranslations(locale);
  // Once a speed takes under a minute, a faster one says nothing more.
  const needed = LINK_SPEEDS.findIndex((speed) => transferSeconds(bytes, speed) < 60);
  const speeds = needed === -1 ? LINK_SPEEDS : LINK_SPEEDS.slice(0, needed + 1);
  const times = speeds.map((speed) =>
    t('size.timeAt', {
      time: formatDuration(transferSeconds(bytes, speed), locale),
      speed: formatSpeed(speed, locale),
    }),
  );
  return t('size.downloadTimes', { times: times.join(', ') });
}
