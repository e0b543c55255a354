/**
 * The explorer's "registry rows of the subset" download: the rows of the site's own
 * `data/registry.csv` whose study is in the subset, with its columns untouched. When that
 * file is not available, the same columns (REGISTRY_CSV_COLUMNS) are written from the studies.
 */
import { csvFormat, csvFormatRows, csvParseRows } from 'd3';
import { FINDING_IDS } from '../../domain/labels.ts';
import { HANDLE_COLUMN, REGISTRY_CSV_COLUMNS } from '../../domain/registry-columns.ts';
import type { ExplorerStudy } from './explorer-data.ts';

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
  const idColumn = header.indexOf('study_uid');
  const kept = rows.filter((row) => idColumn >= 0 && ids.has(row[idColumn] ?? ''));
  return bom + csvFormatRows([header, ...kept]) + '\n';
}

const bool = (v: boolean | null) => (v === null ? '' : v ? '1' : '0');
const num = (v: number | null) => (v === null ? '' : String(v));

/** Registry rows rebuilt from the studies (booleans as 1/0, unknown as empty). */
export function registryCsvFromStudies(studies: readonly ExplorerStudy[]): string {
  const rows = studies.map((s) => {
    const row: Record<string, string> = {
      [HANDLE_COLUMN]: s.handle,
      study_uid: s.id,
      path: s.path,
      pathology: bool(s.pathology),
      conclusion: s.conclusion ?? '',
      age: num(s.age),
      sex: s.sex ?? '',
      slice_thickness: num(s.sliceThickness),
      kvp: num(s.kvp),
      tube_current: num(s.tubeCurrent),
      kernel: s.kernel ?? '',
      manufacturer: s.manufacturer ?? '',
      study_files: String(s.size.files),
      study_bytes: String(s.size.bytes),
    };
    for (const id of FINDING_IDS) row[id] = bool(s.findings[id]);
    return row;
  });
  return csvFormat(rows, [...REGISTRY_CSV_COLUMNS]) + '\n';
}
