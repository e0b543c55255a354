/**
 * Normalising registry cells: exceljs cell values (rich text, formulas, hyperlinks, dates...)
 * to plain values, and plain values to the typed fields of the registry. Pure functions; a
 * value that cannot be read gives `{ ok: false }` and the caller turns it into a finding.
 */
import { parseDicomAge } from '../../domain/dicom-age.ts';

/** A successfully read value (`null` = empty) or a value that could not be read. */
export type Parsed<T> = { ok: true; value: T | null } | { ok: false; raw: string };

/** What an exceljs cell can hold once unwrapped. */
export type Plain = string | number | boolean | Date | null;

/**
 * Unwraps an exceljs cell value: rich text is joined, a formula gives its cached result, a
 * hyperlink its text, an error cell (`#N/A`) counts as empty.
 * @example plainCellValue({ richText: [{ text: 'Да' }, { text: '' }] }) // 'Да'
 * @example plainCellValue({ formula: '1+1', result: 2 }) // 2
 */
export function plainCellValue(value: unknown): Plain {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value;
  }
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v['richText'])) {
      return (v['richText'] as { text?: unknown }[]).map((r) => String(r.text ?? '')).join('');
    }
    if ('formula' in v || 'sharedFormula' in v) return plainCellValue(v['result']);
    if ('hyperlink' in v || 'text' in v) return plainCellValue(v['text']);
    if ('error' in v) return null;
  }
  return null;
}

/**
 * The plain value of an exceljs cell. For formula cells the cached result is read from
 * `cell.result`: exceljs's `cell.value` drops a falsy result (0, false, '').
 */
export function plainCell(cell: { value: unknown; formula?: string; result?: unknown }): Plain {
  if (cell.formula !== undefined && cell.formula !== '') return plainCellValue(cell.result);
  return plainCellValue(cell.value);
}

/**
 * A header or token reduced for matching: lower case, ё→е, without spaces, underscores and
 * hyphens.
 * @example headerKey('Study_Instance UID') // 'studyinstanceuid'
 * @example headerKey('Признаки  прорыва в ликворные пространства') === headerKey('признаки прорыва в ликворные пространства') // true
 */
export function headerKey(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replaceAll('ё', 'е')
    .replace(/[\s_\-\u00a0]+/g, '');
}

/**
 * A short answer reduced for matching: lower case, ё→е, single spaces, no final dot.
 * @example token(' Мужской. ') // 'мужской'
 */
export function token(text: string): string {
  return text
    .toLowerCase()
    .replaceAll('ё', 'е')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/(.)\.$/, '$1');
}

/** A plain value as trimmed text; `null` for empty. Dates become `YYYY-MM-DD`. */
export function toText(value: Plain): string | null {
  if (value === null) return null;
  if (value instanceof Date) return isoDate(value);
  const text = String(value)
    .replace(/\u00a0/g, ' ')
    .trim();
  return text === '' ? null : text;
}

/**
 * A calendar date (exceljs reads dates as UTC midnight).
 * @example isoDate(new Date(Date.UTC(2020, 0, 31))) // '2020-01-31'
 */
export function isoDate(date: Date): string {
  return Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 10);
}

const TRUE_WORDS = new Set(['1', 'да', 'д', 'yes', 'y', 'true', 'истина', '+', 'есть']);
const FALSE_WORDS = new Set(['0', 'нет', 'н', 'no', 'n', 'false', 'ложь', '-', '−', '–']);

/**
 * A yes/no label.
 * @example parseBoolean('Да') // { ok: true, value: true }
 * @example parseBoolean('-') // { ok: true, value: false }
 * @example parseBoolean(null) // { ok: true, value: null }
 */
export function parseBoolean(value: Plain): Parsed<boolean> {
  if (typeof value === 'boolean') return { ok: true, value };
  if (typeof value === 'number') {
    if (value === 1) return { ok: true, value: true };
    if (value === 0) return { ok: true, value: false };
    return { ok: false, raw: String(value) };
  }
  const text = toText(value);
  if (text === null) return { ok: true, value: null };
  const key = token(text);
  if (TRUE_WORDS.has(key)) return { ok: true, value: true };
  if (FALSE_WORDS.has(key)) return { ok: true, value: false };
  const asNumber = parseNumber(text);
  if (asNumber.ok && asNumber.value === 1) return { ok: true, value: true };
  if (asNumber.ok && asNumber.value === 0) return { ok: true, value: false };
  return { ok: false, raw: text };
}

const NUMBER_WITH_UNIT =
  /^([-+]?(?:\d+(?:[.,]\d*)?|[.,]\d+))\s*(?:mm|мм|kv|кв|kvp|квп|ma|ма|mas|мас)?\.?$/i;

/**
 * A number, accepting a decimal comma and a trailing unit (mm, kV, mA).
 * @example parseNumber('0,625') // { ok: true, value: 0.625 }
 * @example parseNumber('120 kV') // { ok: true, value: 120 }
 */
export function parseNumber(value: Plain): Parsed<number> {
  if (typeof value === 'number') {
    return Number.isFinite(value) ? { ok: true, value } : { ok: false, raw: String(value) };
  }
  if (typeof value === 'boolean' || value instanceof Date) {
    return { ok: false, raw: toText(value) ?? '' };
  }
  const text = toText(value);
  if (text === null) return { ok: true, value: null };
  const match = NUMBER_WITH_UNIT.exec(text);
  if (!match) return { ok: false, raw: text };
  return { ok: true, value: Number(match[1]!.replace(',', '.')) };
}

/** Oldest plausible age; anything above is a typo, not a patient. */
const MAX_AGE = 130;
const YEAR_WORDS = /^(?:y|yr|yrs|year|years|г|год|года|лет|л)?\.?$/;

/**
 * An age in whole years (`57`, `57.0`, `57 лет`, `57 years`) or a DICOM age string, read as
 * the image headers read it (`057Y`; `018M` is 1.5 years), so the join compares like with like.
 * @example parseAge('057Y') // { ok: true, value: 57 }
 * @example parseAge('018M') // { ok: true, value: 1.5 }
 * @example parseAge('57 лет') // { ok: true, value: 57 }
 */
export function parseAge(value: Plain): Parsed<number> {
  if (typeof value === 'number') return checkAge(value, String(value));
  const text = toText(value);
  if (text === null) return { ok: true, value: null };
  if (value instanceof Date || typeof value === 'boolean') return { ok: false, raw: text };
  const lower = text.toLowerCase().replace(/\s+/g, ' ');
  const dicom = parseDicomAge(lower);
  if (dicom !== null) return checkAge(dicom, text, { fractions: true });
  const match = /^(\d+(?:[.,]\d+)?)\s*(.*)$/.exec(lower);
  if (!match || !YEAR_WORDS.test(match[2]!)) return { ok: false, raw: text };
  return checkAge(Number(match[1]!.replace(',', '.')), text);
}

/** A plausible age; only a DICOM age string may give a fraction of a year. */
function checkAge(age: number, raw: string, { fractions = false } = {}): Parsed<number> {
  if (!Number.isFinite(age) || age < 0 || age > MAX_AGE || (!fractions && !Number.isInteger(age))) {
    return { ok: false, raw };
  }
  return { ok: true, value: age };
}

const MALE = new Set(['м', 'm', 'male', 'муж', 'мужской', 'мужчина', 'man']);
const FEMALE = new Set(['ж', 'f', 'female', 'жен', 'женский', 'женщина', 'woman', 'w']);
/** Stated as unknown: read as "not specified", not as an error. */
const UNSPECIFIED = new Set([
  'o',
  'u',
  'unknown',
  'неизвестно',
  'не указан',
  'не указано',
  'н/д',
  'nd',
  '?',
]);

/**
 * Sex as `M`/`F`, from Russian or English words, abbreviations and DICOM codes.
 * @example parseSex('Ж') // { ok: true, value: 'F' }
 * @example parseSex('male') // { ok: true, value: 'M' }
 */
export function parseSex(value: Plain): Parsed<'M' | 'F'> {
  const text = toText(value);
  if (text === null) return { ok: true, value: null };
  const key = token(text);
  if (MALE.has(key)) return { ok: true, value: 'M' };
  if (FEMALE.has(key)) return { ok: true, value: 'F' };
  if (UNSPECIFIED.has(key)) return { ok: true, value: null };
  return { ok: false, raw: text };
}

/** Free text (conclusion, kernel, ids): any value is readable. */
export function parseText(value: Plain): Parsed<string> {
  return { ok: true, value: toText(value) };
}
