/** A registry read with one data row (row 2) for the study in `folder`: the join's input in tests. */
import type { RegistryValues } from '../../../src/domain/field-table.ts';
import type { RegistryResult } from '../../../src/pipeline/registry/read-registry.ts';

export function oneRowRegistry(values: RegistryValues, folder: string): RegistryResult {
  return {
    file: 'dataset_registry.xlsx',
    sha256: '0'.repeat(64),
    sheet: 'registry',
    headerRow: 1,
    headers: {},
    rows: [{ row: 2, values, folder, duplicateOf: null }],
    dataRows: 1,
    findings: [],
  };
}
