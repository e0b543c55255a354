/** Test helper: writes small registry workbooks with exceljs. */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';

export type CellValue = ExcelJS.CellValue;

export interface SheetSpec {
  name: string;
  /** Rows from row 1, each an array of cell values from column A. */
  rows: CellValue[][];
  /** Ranges to merge, e.g. 'A1:B1'. */
  merges?: string[];
}

export async function tempDir(prefix = 'registry-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/** Writes a workbook with the given sheets to `<dir>/<name>` and returns its path. */
export async function writeWorkbook(
  dir: string,
  sheets: SheetSpec[],
  name = 'dataset_registry.xlsx',
): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name);
    spec.rows.forEach((cells, i) => {
      const row = sheet.getRow(i + 1);
      cells.forEach((value, j) => {
        if (value !== undefined) row.getCell(j + 1).value = value;
      });
      row.commit();
    });
    for (const range of spec.merges ?? []) sheet.mergeCells(range);
  }
  const path = join(dir, name);
  await workbook.xlsx.writeFile(path);
  return path;
}
