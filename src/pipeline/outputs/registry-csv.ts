/**
 * The normalised registry as CSV: one row per registry row, each field in its `csv` column of
 * the field table, numbers with a dot, booleans as 1/0, empty for unknown: the handle, the
 * registry's fields, then the study folder's size (REGISTRY_CSV_COLUMNS).
 */
import { rowHandle } from '../../domain/handle.ts';
import {
  FIELDS,
  HANDLE_COLUMN,
  REGISTRY_CSV_COLUMNS,
  STUDY_SIZE_COLUMNS,
  csvCell,
} from '../../domain/field-table.ts';
import type { RegistryRow } from '../registry/read-registry.ts';
import { safeCsvRecords } from '../../domain/csv-safe.ts';

export { REGISTRY_CSV_COLUMNS };

/** What the site knows about a registry row's study folder. */
export interface RowExtras {
  files: number;
  bytes: number;
}

/**
 * The registry rows as CSV text (RFC 4180 quoting by d3-dsv), ending with a newline; cells a
 * spreadsheet would run as formulas are made inert (src/domain/csv-safe.ts).
 */
export function registryCsv(
  rows: readonly RegistryRow[],
  extras: ReadonlyMap<number, RowExtras> = new Map(),
): string {
  const records = rows.map((r): Record<string, string> => {
    const extra = extras.get(r.row);
    return {
      [HANDLE_COLUMN]: rowHandle(r.row),
      ...Object.fromEntries(FIELDS.map((f) => [f.csv, csvCell(r.values[f.id])])),
      [STUDY_SIZE_COLUMNS.files]: csvCell(extra?.files ?? null),
      [STUDY_SIZE_COLUMNS.bytes]: csvCell(extra?.bytes ?? null),
    };
  });
  return safeCsvRecords(records, REGISTRY_CSV_COLUMNS);
}
