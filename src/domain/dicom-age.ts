/**
 * The one reader of a DICOM Age String (AS: `057Y`, `018M`, `003W`, `010D`), for the image
 * headers and the registry alike: the join compares the two, so they must read the same text
 * as the same number. Node-free (the header reader runs in workers and in the viewer).
 */

/** Three digits and a unit in the standard; headers in the wild drop zeros, the unit (years) or add a space. */
const AGE_STRING = /^(\d{1,3})\s*([DWMY])?$/i;

/** Days in a year, for ages in weeks and days. */
const DAYS_PER_YEAR = 365.25;

/**
 * An age string in years, to two decimals; null when it is not one.
 * @example parseDicomAge('057Y') // 57
 * @example parseDicomAge('018M') // 1.5
 * @example parseDicomAge('006M') // 0.5
 */
export function parseDicomAge(value: string | null): number | null {
  const match = AGE_STRING.exec((value ?? '').trim());
  if (!match) return null;
  const n = Number(match[1]);
  const unit = (match[2] ?? 'Y').toUpperCase();
  const days = unit === 'W' ? n * 7 : n;
  const years = unit === 'Y' ? n : unit === 'M' ? n / 12 : days / DAYS_PER_YEAR;
  return Math.round(years * 100) / 100;
}
