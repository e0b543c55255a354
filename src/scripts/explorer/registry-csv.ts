/**
 * The explorer's "registry rows of the subset" download: the rows of the site's own
 * `data/registry.csv` whose study is in the subset, with its columns untouched. When that
 * file is not available, the same columns (REGISTRY_CSV_COLUMNS) are written from the studies,
 * each field read from its study key (the field table's `study`).
 */
import { csvParseRows } from 'd3';
import { safeCsvCell, safeCsvRecords, safeCsvRows } from '../../domain/csv-safe.ts';
import {
  FIELD,
  FIELDS,
  HANDLE_COLUMN,
  REGISTRY_CSV_COLUMNS,
  STUDY_SIZE_COLUMNS,
  csvCell,
  type Field,
} from '../../domain/field-table.ts';
import type { ExplorerStudy } from '../../site/explorer-data.ts';

export { REGISTRY_CSV_COLUMNS };

/**
 * Keeps the rows of a registry CSV whose `study_uid` is in `ids`, in the file's order and
 * with the file's columns. Works on rows, not objects: d3-dsv builds row objects with
 * `new Function`, which the site's Content-Security-Policy (no 'unsafe-eval') forbids.
 * @example subsetRegistryCsv('study_uid,age\na,1\nb,2\n', new Set(['b'])) // 'study_uid,age\nb,2\n'
 */
export function subsetRegistryCsv(csv: string, ids: ReadonlySet<string>): string {
  // A byte-order mark (written for spreadsheet apps) would glue itself to the first header.
  const bom = csv.startsWith('\ufeff') ? '\ufeff' : '';
  const [header = [], ...rows] = csvParseRows(csv.slice(bom.length));
  const idColumn = header.indexOf(FIELD.studyUid.csv);
  // registry.csv holds ids made inert for spreadsheets (`'=…`): match those too.
  const inert = new Set([...ids].map(safeCsvCell));
  const kept = rows.filter((row) => {
    const id = row[idColumn] ?? '';
    return idColumn >= 0 && (ids.has(id) || inert.has(id));
  });
  // Written through the same guard, whatever file it was given.
  return bom + safeCsvRows([header, ...kept]);
}

/**
 * A study's value of a registry field, at the field's study key.
 * @example studyValue(study, FIELD.sliceThickness) // study.sliceThickness
 */
export function studyValue(study: ExplorerStudy, field: Field): string | number | boolean | null {
  if (field.study === 'findings') return study.findings[field.id];
  return study[field.study];
}

/** Registry rows rebuilt from the studies (booleans as 1/0, unknown as empty). */
export function registryCsvFromStudies(studies: readonly ExplorerStudy[]): string {
  const rows = studies.map((s): Record<string, string> => ({
    [HANDLE_COLUMN]: s.handle,
    ...Object.fromEntries(FIELDS.map((f) => [f.csv, csvCell(studyValue(s, f))])),
    [STUDY_SIZE_COLUMNS.files]: String(s.size.files),
    [STUDY_SIZE_COLUMNS.bytes]: String(s.size.bytes),
  }));
  return safeCsvRecords(rows, REGISTRY_CSV_COLUMNS);
}
