/**
 * Reading the registry workbook into normalised rows and findings. Never throws for bad
 * content: every problem (no header, missing or unknown columns, unreadable values, rows
 * without a study, duplicates) becomes a finding naming the file, row and column.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import ExcelJS, { type Row } from 'exceljs';
import { FIELD, type FieldId } from '../../domain/field-table.ts';
import type { QualityFinding } from '../../domain/schemas.ts';
import { finding } from '../quality/finding.ts';
import { EXPECTED, emptyValues, parseField, type RegistryValues } from './fields.ts';
import { locateRegistry, sheetName, type RegistryLayout } from './locate-header.ts';
import { cellFinding } from './cell-findings.ts';
import { readCell } from './read-cell.ts';
import { isSafeFolder, studyFolderFromPath } from './study-folder.ts';
import { preparePackage } from './xlsx-package.ts';

/**
 * Rows read at most: a real registry has thousands. A row at 1,048,576 (Excel's last) is read
 * as the one row it is, never by walking the rows above it.
 */
export const MAX_REGISTRY_ROWS = 100_000;

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
  const prepared = await preparePackage(bytes);
  if (!prepared.ok) {
    const reason = prepared.kind === 'not-zip' ? notZipReason(bytes) : prepared.reason;
    return {
      ...empty,
      findings: [
        prepared.kind === 'bomb'
          ? finding('registry-too-large', { reason }, { file })
          : finding('registry-unreadable', { reason }, { file }),
      ],
    };
  }
  const cleaned = prepared.cleaned.map((c) =>
    finding('registry-forbidden-characters', { part: c.part, count: c.removed }, { file }),
  );
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types expect its own Buffer alias; a Node Buffer is what it reads.
    await workbook.xlsx.load(prepared.bytes as unknown as ArrayBuffer);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ...empty,
      findings: [
        ...cleaned,
        finding('registry-unreadable', { reason: reason.slice(0, 300) }, { file }),
      ],
    };
  }
  const layout = locateRegistry(workbook, file);
  if (layout.sheet === null) return { ...empty, findings: [...cleaned, ...layout.findings] };

  const { sheet, columns, headers } = layout as RegistryLayout;
  const findings = [...cleaned, ...layout.findings];
  const rows: RegistryRow[] = [];
  const headerAt = new Map(headers.map((h) => [h.column, h.header]));
  const firstRowOf = new Map<string, number>();
  let dataRows = 0;

  // Only the rows the file holds, in order (exceljs keeps them in a sparse array).
  const sheetRows: Row[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, r) => {
    if (r >= layout.firstDataRow) sheetRows.push(row);
  });
  for (const sheetRow of sheetRows) {
    const r = sheetRow.number;
    const cells = headers.map((h) => ({
      column: h.column,
      read: readCell(sheetRow.getCell(h.column)),
    }));
    // A row with nothing in any header column is spacing or a footnote, not a study.
    const used = cells.some((c) => c.read.value !== null || c.read.issue !== null);
    if (!used) continue;
    dataRows += 1;
    if (dataRows > MAX_REGISTRY_ROWS) {
      findings.push(
        finding('registry-too-many-rows', { limit: MAX_REGISTRY_ROWS }, { file, row: r }),
      );
      dataRows -= 1;
      break;
    }
    const readAt = new Map(cells.map((c) => [c.column, c.read]));
    for (const c of cells) {
      if (c.read.issue === null) continue;
      const column = headerAt.get(c.column) ?? '';
      findings.push(cellFinding(c.read.issue, { file, row: r, column }));
    }

    const values = emptyValues();
    for (const [field, column] of columns) {
      const parsed = parseField(field, readAt.get(column)?.value ?? null);
      const header = headerAt.get(column) ?? FIELD[field].header;
      if (parsed.ok) {
        (values as unknown as Record<string, unknown>)[field] = parsed.value;
      } else {
        findings.push(
          finding(
            'registry-unreadable-value',
            { raw: parsed.raw.slice(0, 200), expected: EXPECTED[FIELD[field].kind] },
            { file, row: r, column: header },
          ),
        );
      }
    }

    if (values.path !== null && !isSafeFolder(studyFolderFromPath(values.path))) {
      findings.push(
        finding(
          'registry-path-outside-studies',
          { path: values.path.slice(0, 200) },
          { file, row: r, column: headerAt.get(columns.get('path') ?? -1) ?? FIELD.path.header },
        ),
      );
      values.path = null;
    }
    const byUid = values.path === null ? values.studyUid : null;
    if (byUid !== null && !isSafeFolder(byUid)) {
      // Without a path the study id names the folder: it must not leave studies/ either.
      findings.push(
        finding(
          'registry-path-outside-studies',
          { path: byUid.slice(0, 200) },
          {
            file,
            row: r,
            column: headerAt.get(columns.get('studyUid') ?? -1) ?? FIELD.studyUid.header,
          },
        ),
      );
    }
    const folder =
      studyFolderFromPath(values.path) ?? (byUid !== null && isSafeFolder(byUid) ? byUid : null);
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
    sheet: sheetName(sheet),
    headerRow: layout.headerRow,
    headers: fieldHeaders,
    rows,
    dataRows,
    findings,
  };
}

/**
 * Why a file that is not a zip cannot be the workbook, in words: a CSV or text export saved
 * with an .xlsx name is the usual case, and its encoding is worth naming.
 */
function notZipReason(bytes: Buffer): string {
  const head = bytes.subarray(0, 4096);
  // Binary (control bytes other than whitespace) is not text.
  // eslint-disable-next-line no-control-regex
  const text = /[\x00-\x08]/.test(head.toString('latin1'))
    ? null
    : new TextDecoder('utf-8', { fatal: false }).decode(head);
  if (text === null) return 'not an .xlsx workbook (not a zip package)';
  const utf8 = !text.includes('\ufffd');
  return `not an .xlsx workbook but text (${utf8 ? 'UTF-8' : 'probably windows-1251'}): save the registry as .xlsx`;
}
