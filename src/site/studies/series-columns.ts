/**
 * The study page's series table as one list: its rows in display order (one row per published
 * DICOM attribute, by the attribute's word, between the series' own facts) and, for each, the
 * word that names it and how a series' value is written. The attributes, their words and their
 * kinds come from domain/dicom-attributes.ts; the table adds nothing to them but the order.
 */
import { PUBLISHED_ATTRIBUTES, type PublishedAttribute } from '../../domain/dicom-attributes.ts';
import type { Locale } from '../../i18n/locales.ts';
import type { Series } from '../../domain/schemas.ts';
import { CATALOG } from '../../i18n/catalog.ts';
import { useTranslations, type UiKey } from '../../i18n/index.ts';
import { formatNumber, studyLabels } from './format.ts';

type Word = PublishedAttribute['word'];

/** The series' own facts the table shows besides its attributes. */
type SeriesFact = 'folder' | 'imageCount' | 'status';

/**
 * The table's rows, top to bottom: the scan parameters in the order a reader compares them
 * (slice thickness beside the spacing between slices), then the file facts.
 */
export const SERIES_TABLE_ROWS = [
  'folder',
  'modality',
  'manufacturer',
  'model',
  'sliceThickness',
  'spacingBetweenSlices',
  'kvp',
  'tubeCurrent',
  'exposure',
  'kernel',
  'matrix',
  'pixelSpacing',
  'imageCount',
  'transferSyntax',
  'status',
] as const satisfies readonly (Word | SeriesFact)[];

export type SeriesTableRow = (typeof SERIES_TABLE_ROWS)[number];

/** The published attributes a row shows: Rows and Columns together, as one matrix. */
export const attributesShownIn = (row: SeriesTableRow): readonly PublishedAttribute[] =>
  PUBLISHED_ATTRIBUTES.filter((a) => a.word === row);

/** How a cell is marked up: a folder name as code, a UID with break points after its dots. */
export type CellStyle = 'code' | 'uid' | 'text';

const FACT_WORDS = {
  folder: 'studies.series.folder',
  imageCount: 'studies.series.imageCount',
  status: 'studies.series.status',
} as const satisfies Record<SeriesFact, UiKey>;

/** An attribute's word: its short form (`field.<word>.short`) in a table cell's width, if any. */
function wordKey(word: Word): UiKey {
  const short = `field.${word}.short`;
  return (short in CATALOG.fields.ru ? short : `field.${word}`) as UiKey;
}

/** The table for one locale: each row's heading, style and one cell per series. */
export function seriesTable(locale: Locale, series: readonly Series[]) {
  const t = useTranslations(locale);
  const label = studyLabels(locale);
  const numbers = (values: (number | null)[]) =>
    values.some((v) => v === null)
      ? label.unknown
      : values.map((v) => formatNumber(locale, v)).join(' × ');
  const attributeCell = (row: SeriesTableRow, s: Series): string => {
    const values = attributesShownIn(row).flatMap((a) => {
      const value = s[a.key];
      return a.value === 'pair' ? (value ?? [null, null]) : [value];
    });
    if (values.length > 1) return numbers(values as (number | null)[]);
    const [value = null] = values;
    return typeof value === 'number' ? label.number(value) : label.text(value as string | null);
  };
  const factCell = (row: SeriesFact, s: Series): string =>
    row === 'folder'
      ? s.folder
      : row === 'imageCount'
        ? String(s.imageCount)
        : t(`studies.series.status.${s.status}`);
  const isFact = (row: SeriesTableRow): row is SeriesTableRow & SeriesFact => row in FACT_WORDS;
  return SERIES_TABLE_ROWS.map((row) => ({
    row,
    heading: t(isFact(row) ? FACT_WORDS[row] : wordKey(row)),
    style: (row === 'folder' ? 'code' : row === 'transferSyntax' ? 'uid' : 'text') as CellStyle,
    cells: series.map((s) => (isFact(row) ? factCell(row, s) : attributeCell(row, s))),
  }));
}
