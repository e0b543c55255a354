/**
 * Reading the registry workbook into normalised rows and findings. Never throws for bad
 * content: every problem (no header, missing or unknown columns, unreadable values, rows
 * without a study, duplicates) becomes a finding naming the file, row and column.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { FIELD, type FieldId } from '../../domain/field-table.ts';
import type { QualityFinding } from '../../domain/schemas.ts';
import { finding } from '../quality/finding.ts';
import { EXPECTED, emptyValues, parseField, type RegistryValues } from './fields.ts';
import { locateRegistry } from './locate-header.ts';
import { plainCell } from './normalize.ts';
import { studyFolderFromPath } from './study-folder.ts';

export interface RegistryRow {
  /** 1-based row number in the sheet. */
  row: number;
  values: RegistryValues;
  /** The study folder the row's path names (or its study id when the path is empty). */
  folder: string | null;
  /** Row number of an earlier row for the same study: this row is a duplicate. */
  duplicateOf: number | null;
}

export interface RegistryResult {
  /** Dataset-relative name of the registry file. */
  file: string;
  sha256: string;
  sheet: string | null;
  headerRow: number | null;
  /** The header as written for each field found (findings name columns this way). */
  headers: Partial<Record<FieldId, string>>;
  rows: RegistryRow[];
  /** Non-empty rows below the header, including those skipped with a finding. */
  dataRows: number;
  findings: QualityFinding[];
}

/**
 * Reads `path` (an .xlsx workbook). `file` is how findings name it (dataset-relative).
 * A file exceljs cannot open gives one `registry-unreadable` error and no rows.
 */
export async function readRegistry(path: string, file: string): Promise<RegistryResult> {
  const bytes = await readFile(path);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const empty = { file, sha256, sheet: null, headerRow: null, headers: {}, rows: [], dataRows: 0 };
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types expect its own Buffer alias; a Node Buffer is what it reads.
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ...empty,
      findings: [finding('registry-unreadable', { reason }, { file })],
    };
  }
  const layout = locateRegistry(workbook, file);
  if (layout === null) {
    return {
      ...empty,
      findings: [finding('registry-no-header', {}, { file })],
    };
  }

  const { sheet, columns, headers } = layout;
  const findings = [...layout.findings];
  const rows: RegistryRow[] = [];
  const headerAt = new Map(headers.map((h) => [h.column, h.header]));
  const firstRowOf = new Map<string, number>();
  let dataRows = 0;

  for (let r = layout.firstDataRow; r <= sheet.rowCount; r += 1) {
    const sheetRow = sheet.getRow(r);
    // A row with nothing in any header column is spacing or a footnote, not a study.
    const used = headers.some((h) => plainCell(sheetRow.getCell(h.column)) !== null);
    if (!used) continue;
    dataRows += 1;

    const values = emptyValues();
    for (const [field, column] of columns) {
      const parsed = parseField(field, plainCell(sheetRow.getCell(column)));
      const header = headerAt.get(column) ?? FIELD[field].header;
      if (parsed.ok) {
        (values as unknown as Record<string, unknown>)[field] = parsed.value;
      } else {
        findings.push(
          finding(
            'registry-unreadable-value',
            { raw: parsed.raw, expected: EXPECTED[FIELD[field].kind] },
            { file, row: r, column: header },
          ),
        );
      }
    }

    const folder = studyFolderFromPath(values.path) ?? values.studyUid;
    if (folder === null) {
      findings.push(
        finding('registry-row-without-study', {}, { file, row: r, column: FIELD.studyUid.header }),
      );
      continue;
    }

    const key = values.studyUid ?? folder;
    const earlier = firstRowOf.get(key) ?? firstRowOf.get(folder) ?? null;
    if (earlier !== null) {
      findings.push(
        finding(
          'registry-duplicate-study',
          { study: key, earlier },
          {
            file,
            row: r,
            column: headerAt.get(columns.get('studyUid') ?? -1) ?? FIELD.studyUid.header,
            study: key,
          },
        ),
      );
    } else {
      firstRowOf.set(key, r);
      firstRowOf.set(folder, r);
    }
    rows.push({ row: r, values, folder, duplicateOf: earlier });
  }

  const fieldHeaders = Object.fromEntries(
    [...columns].map(([field, column]) => [field, headerAt.get(column)!]),
  );
  return {
    file,
    sha256,
    sheet: sheet.name,
    headerRow: layout.headerRow,
    headers: fieldHeaders,
    rows,
    dataRows,
    findings,
  };
}
