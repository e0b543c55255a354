/**
 * The normalised registry as CSV: one row per registry row, canonical field ids as columns,
 * numbers with a dot, booleans as 1/0, empty for unknown: the handle, the registry's fields,
 * then the study folder's size (REGISTRY_CSV_COLUMNS).
 */
import { csvFormat } from 'd3';
import { rowHandle } from '../../domain/handle.ts';
import {
  HANDLE_COLUMN,
  REGISTRY_COLUMNS,
  REGISTRY_CSV_COLUMNS,
} from '../../domain/registry-columns.ts';
import type { RegistryRow } from '../registry/read-registry.ts';

export { REGISTRY_CSV_COLUMNS };

/** What the site knows about a registry row's study folder. */
export interface RowExtras {
  files: number;
  bytes: number;
}

/**
 * One CSV cell.
 * @example csvCell(true) // '1'
 * @example csvCell(0.625) // '0.625'
 * @example csvCell(null) // ''
 */
export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? '1' : '0';
  return String(value);
}

/** The registry rows as CSV text (RFC 4180 quoting by d3-dsv), ending with a newline. */
export function registryCsv(
  rows: readonly RegistryRow[],
  extras: ReadonlyMap<number, RowExtras> = new Map(),
): string {
  const records = rows.map((r): Record<string, string> => {
    const extra = extras.get(r.row);
    return {
      [HANDLE_COLUMN]: rowHandle(r.row),
      ...Object.fromEntries(
        REGISTRY_COLUMNS.map(({ id }) => [
          id,
          csvCell(r.values[id as keyof RegistryRow['values']] as string | number | boolean | null),
        ]),
      ),
      study_files: csvCell(extra?.files ?? null),
      study_bytes: csvCell(extra?.bytes ?? null),
    };
  });
  return `${csvFormat(records, [...REGISTRY_CSV_COLUMNS])}\n`;
}
