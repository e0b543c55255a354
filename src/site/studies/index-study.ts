/**
 * One study as the studies index shows it: the facet fields (so the browser can filter and
 * count with src/domain/facets.ts), the table's columns and the grid's cover. The build renders
 * the first page's rows from it, `/data/studies-index.json` carries it for every study, and the
 * browser renders the rows of any filter or order from it: one row model for both.
 */
import { CATEGORICAL_FACETS, facetValues, type FacetStudy } from '../../domain/facets.ts';
import { UNKNOWN } from '../../domain/field-values.ts';
import { urlValue } from '../../domain/facet-url.ts';
import { classOf } from '../../domain/field-table.ts';
import { inOrder } from '../../domain/record-fields.ts';
import type { Locale } from '../../i18n/locales.ts';
import type { Study } from '../../domain/schemas.ts';
import { handleLabel } from '../../domain/handle.ts';
import type { Size } from '../../domain/size.ts';
import { coverSize, imageCount, studyLabels } from './format.ts';

export interface IndexStudy extends FacetStudy {
  id: string;
  /** The short handle (registry row), shown as `#124` before the UID. */
  handle: string;
  slug: string;
  /** The study folder relative to the dataset root (the subset kit's folder list). */
  path: string;
  model: string | null;
  seriesCount: number;
  imageCount: number;
  /** Files and bytes of the study folder, for the live total of a filter. */
  size: Size;
  /** The study's digest (see schemas.ts), or null: the subset kit's manifest. */
  sha256: string | null;
  /** Site-relative cover path (`thumbs/...`), or null when no series could be rendered. */
  cover: string | null;
  coverWidth: number;
  coverHeight: number;
}

/**
 * The record's keys the index carries: its names, the facets' fields and the model, in the order
 * studies-index.json has always written them (a new facet field: after them).
 */
const INDEX_KEYS = [
  'id',
  'handle',
  'slug',
  'path',
  ...inOrder([...CATEGORICAL_FACETS, 'findings', 'age', 'model'] as const, [
    'pathology',
    'findings',
    'age',
    'sex',
    'manufacturer',
    'model',
    'kernel',
    'sliceThickness',
    'kvp',
  ]),
] as const satisfies readonly (keyof IndexStudy & keyof Study)[];

export function toIndexStudy(study: Study): IndexStudy {
  const size = coverSize(study);
  const picked = Object.fromEntries(INDEX_KEYS.map((key) => [key, study[key]]));
  return {
    ...(picked as Pick<Study, (typeof INDEX_KEYS)[number]>),
    seriesCount: study.series.length,
    imageCount: imageCount(study),
    size: study.size,
    sha256: study.sha256,
    cover: study.cover,
    coverWidth: size.width,
    coverHeight: size.height,
  };
}

/** The table's columns, in order; each header is a sort button named by `studies.col.<id>`. */
export const INDEX_COLUMNS = [
  'id',
  'class',
  'findings',
  'age',
  'sex',
  'scanner',
  'kernel',
  'thickness',
  'series',
  'images',
] as const;
export type IndexColumn = (typeof INDEX_COLUMNS)[number];

/** Columns sorted as numbers. */
export const NUMERIC_COLUMNS: ReadonlySet<IndexColumn> = new Set([
  'age',
  'thickness',
  'series',
  'images',
]);

/** A cell: the text shown and the value it sorts by ('' when unknown: sorted last). */
export interface IndexCell {
  text: string;
  value: string;
}

/**
 * How the index names a study: its handle, then its UID.
 * @example studyName({ handle: '124', id: '1.2.643…' }) // '#124 1.2.643…'
 */
export function studyName(study: Pick<IndexStudy, 'handle' | 'id'>): string {
  return `${handleLabel(study.handle)} ${study.id}`;
}

/**
 * The row of a study: one cell per column of INDEX_COLUMNS.
 * @example indexCells(study, 'en', 'none')[3] // { text: '57', value: '57' } (age)
 */
export function indexCells(study: IndexStudy, locale: Locale, noFindings: string): IndexCell[] {
  const label = studyLabels(locale);
  const facets = facetValues(study);
  const cls = classOf(study.pathology);
  const scanner = [study.manufacturer, study.model].filter(Boolean).join(' ');
  const cells: Record<IndexColumn, IndexCell> = {
    id: { text: studyName(study), value: study.id },
    // Sorted by the class as links spell it (`normal` before `pathology`), as it always was.
    class: { text: label.classOf(cls), value: urlValue('pathology', cls) },
    findings: {
      text: facets.findings.length ? facets.findings.map(label.finding).join(', ') : noFindings,
      value: String(facets.findings.length),
    },
    age: { text: label.number(study.age), value: study.age === null ? '' : String(study.age) },
    sex: { text: label.sexOf(study.sex ?? UNKNOWN), value: facets.categorical.sex },
    scanner: { text: scanner || label.unknown, value: scanner },
    kernel: { text: label.text(study.kernel), value: study.kernel ?? '' },
    thickness: {
      text: label.number(study.sliceThickness),
      value: study.sliceThickness === null ? '' : String(study.sliceThickness),
    },
    series: { text: String(study.seriesCount), value: String(study.seriesCount) },
    images: { text: String(study.imageCount), value: String(study.imageCount) },
  };
  return INDEX_COLUMNS.map((column) => cells[column]);
}

/**
 * The grid card's caption: class, and the findings present.
 * @example cardMeta(study, 'en') // 'With signs of hemorrhage: Subdural hemorrhage'
 */
export function cardMeta(study: IndexStudy, locale: Locale): string {
  const label = studyLabels(locale);
  const facets = facetValues(study);
  const findings = facets.findings.map(label.finding).join(', ');
  return label.classOf(classOf(study.pathology)) + (findings ? `: ${findings}` : '');
}
