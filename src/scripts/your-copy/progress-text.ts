/** The progress line of a check: files, bytes, speed and time left, in the page's language. */
import { formatBytes } from '../../domain/size.ts';
import { LOCALE_TAGS, type Locale } from '../../i18n/locales.ts';
import { useCopyTranslations } from '../../i18n/copy.ts';

export interface Progress {
  files: number;
  totalFiles: number;
  bytes: number;
  totalBytes: number;
  /** Milliseconds since the hashing started, and the bytes read in that time. */
  elapsedMs: number;
  bytesRead: number;
}

/**
 * Seconds as the largest whole unit, e.g. "2 minutes", "40 seconds".
 * @example duration(130, 'en') // '2 min'
 */
export function duration(seconds: number, locale: Locale): string {
  const [value, unit] =
    seconds >= 3600
      ? [seconds / 3600, 'hour']
      : seconds >= 60
        ? [seconds / 60, 'minute']
        : [Math.max(1, seconds), 'second'];
  return new Intl.NumberFormat(LOCALE_TAGS[locale].intl, {
    style: 'unit',
    unit,
    unitDisplay: 'short',
    maximumFractionDigits: 0,
  }).format(Math.round(value));
}

export function progressText(p: Progress, locale: Locale): string {
  const t = useCopyTranslations(locale);
  const nf = new Intl.NumberFormat(LOCALE_TAGS[locale].intl);
  const speed = p.elapsedMs > 0 ? (p.bytesRead * 1000) / p.elapsedMs : 0;
  const left = speed > 0 ? (p.totalBytes - p.bytes) / speed : 0;
  return t('copy.progress.text', {
    // "of 1 file", "из 21 файла", "из 5 файлов": the noun follows the total.
    count: p.totalFiles,
    files: nf.format(p.files),
    total: nf.format(p.totalFiles),
    bytes: formatBytes(p.bytes, locale),
    totalBytes: formatBytes(p.totalBytes, locale),
    speed: formatBytes(speed, locale),
    left: duration(left, locale),
  });
}
