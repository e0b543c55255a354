/**
 * The normalised registry as CSV: one row per registry row, canonical field ids as columns,
 * numbers with a dot, booleans as 1/0, empty for unknown; then the columns the site adds
 * (SITE_CSV_COLUMNS, named `study_*` so they cannot be mistaken for the registry's own).
 */
import { csvFormat } from 'd3';
import { REGISTRY_COLUMNS } from '../../domain/registry-columns.ts';
import type { RegistryRow } from '../registry/read-registry.ts';

export const REGISTRY_CSV_COLUMNS = REGISTRY_COLUMNS.map((c) => c.id);

/** Columns the site adds from the study folder on disk; empty for a row without a study. */
export const SITE_CSV_COLUMNS = ['study_files', 'study_bytes'] as const;

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
  const records = rows.map((r) => {
    const extra = extras.get(r.row);
    return Object.fromEntries([
      ...REGISTRY_CSV_COLUMNS.map((id) => [
        id,
        csvCell(r.values[id as keyof RegistryRow['values']] as string | number | boolean | null),
      ]),
      ['study_files', csvCell(extra?.files ?? null)],
      ['study_bytes', csvCell(extra?.bytes ?? null)],
    ]);
  });
  return `${csvFormat(records, [...REGISTRY_CSV_COLUMNS, ...SITE_CSV_COLUMNS])}\n`;
}
