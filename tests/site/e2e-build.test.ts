/**
 * The built site (tests/setup/build-site.ts) checked as a user would: a page in both
 * languages for every study, data files that match their schemas, and a quality report that
 * accounts for every registry row and every file of the dataset it was built from.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { csvParse } from 'd3';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { FIELDS, REGISTRY_CSV_COLUMNS } from '../../src/domain/field-table.ts';
import {
  qualityFileSchema,
  studiesFileSchema,
  type QualityFile,
  type StudiesFile,
} from '../../src/domain/schemas.ts';
import { statsFileSchema } from '../../src/domain/stats.ts';

const siteDir = inject('siteDir');
const datasetDir = inject('datasetDir');

const readJson = async (name: string): Promise<unknown> =>
  JSON.parse(await readFile(join(siteDir, 'data', name), 'utf8'));

async function allFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe('the built site', () => {
  let studies: StudiesFile;
  let quality: QualityFile;

  beforeAll(async () => {
    studies = studiesFileSchema.parse(await readJson('studies.json'));
    quality = qualityFileSchema.parse(await readJson('quality.json'));
  });

  it('ships data files that match their schemas', async () => {
    const stats = statsFileSchema.parse(await readJson('stats.json'));
    expect(studies.studies.length).toBeGreaterThan(0);
    expect(stats.total).toBe(studies.studies.length);
    expect(quality.counts.studies).toBe(studies.studies.length);
    expect(quality.counts.series).toBe(studies.studies.reduce((n, s) => n + s.series.length, 0));
  });

  it('has a Russian and an English page for every study', async () => {
    for (const study of studies.studies) {
      for (const lang of ['ru', 'en']) {
        const page = join(siteDir, lang, 'studies', study.slug, 'index.html');
        expect((await stat(page).catch(() => null))?.isFile(), page).toBe(true);
      }
    }
  });

  it('ships every sprite and cover the studies name', async () => {
    const urls = studies.studies.flatMap((s) => [
      ...(s.cover ? [s.cover] : []),
      ...s.series.flatMap((x) => x.sprites.map((p) => p.url)),
    ]);
    for (const url of urls) {
      expect((await stat(join(siteDir, url)).catch(() => null))?.isFile(), url).toBe(true);
    }
  });

  it.skipIf(!datasetDir)('accounts for every registry row', async () => {
    // Read the registry independently of the pipeline: every non-empty row under the header.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(datasetDir, quality.source.registryFile!));
    const sheet = workbook.worksheets[0]!;
    const headers: string[] = FIELDS.map((c) => c.header);
    let headerRow = 0;
    sheet.eachRow((row, n) => {
      if (!headerRow && headers.includes(String(row.getCell(1).value))) headerRow = n;
    });
    const dataRows: number[] = [];
    sheet.eachRow((row, n) => {
      if (n > headerRow && row.hasValues) dataRows.push(n);
    });
    expect(quality.counts.registryRows).toBe(dataRows.length);
    const studyRows = new Set(studies.studies.map((s) => s.registryRow));
    const findingRows = new Set(
      quality.findings.filter((f) => f.file === quality.source.registryFile).map((f) => f.row),
    );
    for (const r of dataRows) expect(studyRows.has(r) || findingRows.has(r), `row ${r}`).toBe(true);

    const csv = csvParse(await readFile(join(siteDir, 'data', 'registry.csv'), 'utf8'));
    expect(csv.columns).toEqual([...REGISTRY_CSV_COLUMNS]);
    expect(csv.columns.slice(-2)).toEqual(['study_files', 'study_bytes']);
    // Each row's handle is its row number in the sheet.
    expect(csv.every((r) => dataRows.includes(Number(r['handle'])))).toBe(true);
    const skipped = quality.findings.filter((f) => f.code === 'registry-row-without-study').length;
    expect(csv.length).toBe(dataRows.length - skipped);
  });

  it.skipIf(!datasetDir)('accounts for every file under studies/', async () => {
    const files = (await allFiles(join(datasetDir, 'studies'))).map((f) =>
      relative(datasetDir, f).split('\\').join('/'),
    );
    expect(quality.counts.files).toBe(files.length);
    const named = new Set(quality.findings.flatMap((f) => (f.file ? [f.file] : [])));
    const unparsed = files.filter((f) => named.has(f));
    expect(unparsed.length).toBeGreaterThanOrEqual(
      quality.counts.files - quality.counts.filesParsed,
    );
  });
});
