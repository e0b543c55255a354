/**
 * The real pipeline (sample → registry → DICOM → join → outputs) on a dataset with the
 * problems a publisher's folder can have: broken files, bad and duplicate registry rows, a row
 * without a folder, a folder without a row. The build completes, and quality.json accounts for
 * every file and every registry row.
 */
import { copyFile, readdir, readFile, truncate, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIELDS } from '../../../src/domain/field-table.ts';
import {
  qualityFileSchema,
  studiesFileSchema,
  type QualityFile,
} from '../../../src/domain/schemas.ts';
import { generateSample } from '../../../src/sample/index.ts';
import { buildSite } from '../../../scripts/lib/build-site.ts';
import { realDeps } from '../../../scripts/lib/real-deps.ts';
import { tempDir } from '../../support/xlsx.ts';

const column = (id: string) => FIELDS.findIndex((c) => c.id === id) + 1;

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe('a dataset with broken files and registry rows', () => {
  let datasetDir: string;
  let quality: QualityFile;
  let dicomFiles: string[];
  let registryRows: number;
  const broken = {
    empty: 'studies/empty.dcm',
    notDicom: '',
    truncated: '',
  };

  beforeAll(async () => {
    const root = await tempDir('messy-');
    datasetDir = join(root, 'dataset');
    await generateSample({ outDir: datasetDir, studies: 4, seed: 7, workers: 0 });
    const studyFolders = (await readdir(join(datasetDir, 'studies'))).sort();
    const files = (await filesUnder(join(datasetDir, 'studies'))).sort();

    // Broken files: empty, not DICOM, truncated in the middle of the header.
    const seriesDir = join(files[0]!, '..');
    broken.notDicom = relative(datasetDir, join(seriesDir, 'notes.txt'));
    await writeFile(join(datasetDir, broken.notDicom), 'scanner export log\n');
    await writeFile(join(datasetDir, 'studies', studyFolders[0]!, 'empty.dcm'), '');
    broken.empty = `studies/${studyFolders[0]}/empty.dcm`;
    broken.truncated = relative(datasetDir, join(seriesDir, 'truncated.dcm'));
    await copyFile(files[1]!, join(datasetDir, broken.truncated));
    await truncate(join(datasetDir, broken.truncated), 300);

    // Registry: an unreadable age, a duplicate of the first row, a row whose folder does not
    // exist, and the last study's row removed (its folder has no row).
    const path = join(datasetDir, 'dataset_registry.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.worksheets[0]!;
    const first = sheet.getRow(2);
    sheet.getRow(3).getCell(column('age')).value = 'сорок';
    const last = sheet.rowCount;
    sheet.spliceRows(last, 1);
    const duplicate = sheet.getRow(last);
    duplicate.values = first.values;
    const ghost = sheet.getRow(last + 1);
    ghost.values = first.values;
    ghost.getCell(column('studyUid')).value = '1.2.3.999';
    ghost.getCell(column('path')).value = 'studies/1.2.3.999';
    await workbook.xlsx.writeFile(path);
    registryRows = sheet.actualRowCount - 1;

    dicomFiles = (await filesUnder(join(datasetDir, 'studies'))).map((f) =>
      relative(datasetDir, f),
    );
    await buildSite(
      {
        dataset: datasetDir,
        out: null,
        generated: join(root, 'generated'),
        root,
        sourceDateEpoch: 0,
      },
      realDeps,
    );
    quality = qualityFileSchema.parse(
      JSON.parse(await readFile(join(root, 'generated/data/quality.json'), 'utf8')),
    );
    studiesFileSchema.parse(
      JSON.parse(await readFile(join(root, 'generated/data/studies.json'), 'utf8')),
    );
  }, 300_000);

  it('accounts for every file: parsed, or named by a finding', () => {
    expect(quality.counts.files).toBe(dicomFiles.length);
    const named = new Set(quality.findings.flatMap((f) => (f.file ? [f.file] : [])));
    for (const file of [broken.empty, broken.notDicom, broken.truncated]) {
      expect(named.has(file), file).toBe(true);
    }
    const unparsed = dicomFiles.filter((f) => named.has(f));
    expect(unparsed.length).toBe(quality.counts.files - quality.counts.filesParsed);
  });

  it('accounts for every registry row and names each problem by row and column', () => {
    expect(quality.counts.registryRows).toBe(registryRows);
    const byCode = (code: string) => quality.findings.filter((f) => f.code === code);
    expect(byCode('registry-unreadable-value')).toEqual([
      expect.objectContaining({ row: 3, column: 'Возраст', file: 'dataset_registry.xlsx' }),
    ]);
    expect(byCode('registry-duplicate-study')).toHaveLength(1);
    expect(byCode('registry-folder-missing')).toEqual([
      expect.objectContaining({ study: '1.2.3.999' }),
    ]);
    expect(byCode('study-folder-without-row')).toHaveLength(1);
    expect(quality.counts.error).toBeGreaterThan(0);
  });
});
