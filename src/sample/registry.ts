/**
 * `dataset_registry.xlsx`: one row per study under the contract's Russian headers, written with
 * exceljs and then re-zipped with fixed timestamps so the same plan gives the same bytes.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { FIELDS, type FieldId } from '../domain/field-table.ts';
import { registryRow } from './plan.ts';
import type { StudyPlan } from './types.ts';

/** Every timestamp in the workbook: the dataset's publication date (README: 12.10.2023). */
export const REGISTRY_TIMESTAMP = new Date(Date.UTC(2023, 9, 12, 0, 0, 0));
export const REGISTRY_SHEET = 'registry';

/** Column widths that make the sheet readable when opened in a spreadsheet program. */
const WIDTHS: Partial<Record<FieldId, number>> = {
  studyUid: 48,
  path: 56,
  conclusion: 80,
};

/**
 * Rewrites a zip with every entry dated `date` and in the original order. exceljs (through
 * JSZip) stamps entries with the current time; this makes the archive reproducible.
 */
export async function normaliseZip(zipBytes: Uint8Array, date: Date): Promise<Uint8Array> {
  const source = await JSZip.loadAsync(zipBytes);
  const target = new JSZip();
  for (const entry of Object.values(source.files)) {
    if (entry.dir) continue;
    target.file(entry.name, await entry.async('uint8array'), { date, createFolders: false });
  }
  return target.generateAsync({
    type: 'uint8array',
    compression: 'DEFLATE',
    compressionOptions: { level: 6 },
    platform: 'DOS',
  });
}

/** The registry workbook's bytes for the given studies. */
export async function registryWorkbook(studies: readonly StudyPlan[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'mosmeddata-hemorrhage-site synthetic sample';
  workbook.lastModifiedBy = workbook.creator;
  workbook.created = REGISTRY_TIMESTAMP;
  workbook.modified = REGISTRY_TIMESTAMP;
  const sheet = workbook.addWorksheet(REGISTRY_SHEET);
  sheet.columns = FIELDS.map((column) => ({
    header: column.header,
    key: column.id,
    width: WIDTHS[column.id] ?? Math.max(12, Math.min(40, column.header.length + 2)),
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const study of studies) sheet.addRow(registryRow(study));
  const buffer = await workbook.xlsx.writeBuffer();
  return normaliseZip(new Uint8Array(buffer as ArrayBuffer), REGISTRY_TIMESTAMP);
}
