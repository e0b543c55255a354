/**
 * How much data: a file count and a byte count, summed per series, study, subset and dataset,
 * and written for people in both languages ("98.4 GB, 241,316 files" / "98,4 ГБ, 241 316
 * файлов"). Decimal (SI) units, as disk vendors and download portals state sizes. Formatting
 * uses Intl (NumberFormat with units); the counted nouns are plural UI strings (`size.files`,
 * `size.studies`).
 */
import { LOCALE_TAGS, type Locale } from '../i18n/locales.ts';
import { useBrowserTranslations } from '../i18n/browser.ts';

/** No zod here: the explorer's browser bundle sums sizes (schema: `sizeSchema` in schemas.ts). */
export interface Size {
  files: number;
  bytes: number;
}

export const ZERO_SIZE: Size = { files: 0, bytes: 0 };

/** @example sumSizes([{ files: 1, bytes: 2 }, { files: 3, bytes: 4 }]) // { files: 4, bytes: 6 } */
export function sumSizes(sizes: Iterable<Size>): Size {
  let files = 0;
  let bytes = 0;
  for (const s of sizes) {
    files += s.files;
    bytes += s.bytes;
  }
  return { files, bytes };
}

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte', 'petabyte'] as const;

/**
 * Bytes in the largest decimal unit that keeps the number at least 1, one decimal.
 * @example formatBytes(98_400_000_000, 'en') // '98.4 GB'
 * @example formatBytes(98_400_000_000, 'ru') // '98,4 ГБ'
 */
export function formatBytes(bytes: number, locale: Locale): string {
  let unit = 0;
  let value = bytes;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return new Intl.NumberFormat(LOCALE_TAGS[locale].intl, {
    style: 'unit',
    unit: UNITS[unit],
    unitDisplay: 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}

/** A count with its noun, the number grouped ("241 316"); U+00A0 in the strings keeps both on one line. */
function counted(count: number, key: 'size.files' | 'size.studies', locale: Locale) {
  const n = new Intl.NumberFormat(LOCALE_TAGS[locale].intl).format(count);
  return useBrowserTranslations(locale)(key, { count, n });
}

/**
 * @example formatFileCount(241316, 'ru') // '241 316 файлов'
 * @example formatFileCount(1, 'en') // '1 file'
 */
export function formatFileCount(files: number, locale: Locale): string {
  return counted(files, 'size.files', locale);
}

/** @example formatSize({ files: 241316, bytes: 98.4e9 }, 'en') // '98.4 GB, 241,316 files' */
export function formatSize(size: Size, locale: Locale): string {
  return `${formatBytes(size.bytes, locale)}, ${formatFileCount(size.files, locale)}`;
}

/**
 * The live total of a filtered subset.
 * @example formatSubsetTotal(12, { files: 336, bytes: 4.1e9 }, 'en') // '12 studies · 4.1 GB · 336 files'
 */
export function formatSubsetTotal(studies: number, size: Size, locale: Locale): string {
  return [
    counted(studies, 'size.studies', locale),
    formatBytes(size.bytes, locale),
    formatFileCount(size.files, locale),
  ].join(' · ');
}
