/**
 * End to end: a small sample on disk, checked with the tools a user would use: dciodvfy and
 * dcmdump for the DICOM, exceljs for the registry, hashes for reproducibility.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIELDS } from '../../../src/domain/field-table.ts';
import { ageString } from '../../../src/sample/ct-image.ts';
import {
  generateSample,
  readSampleManifest,
  REGISTRY_FILE,
  SAMPLE_MANIFEST,
  SAMPLE_VERSION,
  type SampleSummary,
} from '../../../src/sample/index.ts';
import { planSample, registryRow } from '../../../src/sample/plan.ts';
import type { SeriesPlan, StudyPlan } from '../../../src/sample/types.ts';
import { dciodvfy, dcmdump } from './dicom-tools.ts';

// 10 is the smallest size that keeps a study of unknown sex (see demographicTargets).
const STUDIES = 10;

/** Kinds of file the sample writes: kernel family x pixel depth, and a study of unknown sex. */
function kindOf(series: SeriesPlan): string {
  return `${series.kernelKind}-${series.bitsStored}bit`;
}

/**
 * The first seed whose first studies contain every kind of file, so the checks below cover
 * them all without hard-coding a seed that a change to the generator could invalidate.
 */
function seedCoveringAllKinds(): number {
  for (let seed = 1; seed < 500; seed++) {
    const { studies } = planSample({ studies: STUDIES, seed });
    const kinds = new Set(studies.flatMap((s) => s.series.map(kindOf)));
    const unknownSex = studies.some((s) => s.sex === null);
    const pathology = studies.some((s) => s.pathology);
    if (kinds.size === 4 && unknownSex && pathology) return seed;
  }
  throw new Error('no seed covers every kind of file');
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

async function hashes(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const file of await listFiles(dir)) {
    out.set(
      file,
      createHash('sha256')
        .update(await readFile(join(dir, file)))
        .digest('hex'),
    );
  }
  return out;
}

const seed = seedCoveringAllKinds();
const plan = planSample({ studies: STUDIES, seed });
let root: string;
let first: string;
let summary: SampleSummary;
const progress: number[] = [];

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'sample-test-'));
  first = join(root, 'first');
  summary = await generateSample({
    outDir: first,
    studies: STUDIES,
    seed,
    workers: 0,
    onProgress: (event) => progress.push(event.done),
  });
}, 120_000);
afterAll(() => rm(root, { recursive: true, force: true }));

describe('generateSample', () => {
  it('writes the real layout: registry, both READMEs, studies/<study>/<series>/<instance>.dcm', async () => {
    const files = await listFiles(first);
    expect(files).toContain(REGISTRY_FILE);
    expect(files).toContain('README_RU.md');
    expect(files).toContain('README_EN.md');
    const dicom = files.filter((f) => f.endsWith('.dcm'));
    const expected = plan.studies.flatMap((study) =>
      study.series.flatMap((series) =>
        series.instanceUids.map((uid) => join('studies', study.uid, series.uid, `${uid}.dcm`)),
      ),
    );
    expect(dicom.sort()).toEqual(expected.sort());
    expect(summary.files).toBe(files.length - 1); // all but the manifest
    expect(summary.series).toBe(plan.studies.reduce((n, s) => n + s.series.length, 0));
    expect(progress.at(-1)).toBe(STUDIES);
    const manifest = await readSampleManifest(first);
    expect(manifest).toMatchObject({
      synthetic: true,
      version: SAMPLE_VERSION,
      seed,
      studies: STUDIES,
    });
  });

  it('is byte-identical on a second run with the same seed, with or without worker threads', async () => {
    const second = join(root, 'second');
    await generateSample({ outDir: second, studies: STUDIES, seed, workers: 2 });
    expect(await hashes(second)).toEqual(await hashes(first));
    await rm(second, { recursive: true, force: true });
  }, 120_000);

  it('writes files that dciodvfy accepts without errors and dcmdump reads back, for every kind', async () => {
    const checked = new Set<string>();
    for (const study of plan.studies) {
      for (const series of study.series) {
        const kind = kindOf(series);
        const unknownSex = study.sex === null;
        const key = unknownSex ? `${kind}-nosex` : kind;
        if (checked.has(key)) continue;
        checked.add(key);
        // First and last instance of the series.
        for (const slice of [0, series.instanceUids.length - 1]) {
          const path = join(
            first,
            'studies',
            study.uid,
            series.uid,
            `${series.instanceUids[slice]}.dcm`,
          );
          const { errors, warnings } = await dciodvfy(path);
          expect(errors, `${key}: ${errors.join('\n')}`).toEqual([]);
          expect(warnings, `${key}: ${warnings.join('\n')}`).toEqual([]);
          checkTags(await dcmdump(path), study, series, slice);
        }
      }
    }
    expect(checked.size).toBeGreaterThanOrEqual(4);
  }, 120_000);

  it('names files by UID, so the folder order is not the spatial order', async () => {
    const series = plan.studies.flatMap((s) => s.series).find((s) => s.sliceZ.length > 2)!;
    const byName = [...series.instanceUids.keys()].sort((a, b) =>
      series.instanceUids[a]! < series.instanceUids[b]! ? -1 : 1,
    );
    const byPosition = [...series.sliceZ.keys()].sort(
      (a, b) => series.sliceZ[a]! - series.sliceZ[b]!,
    );
    expect(byName).not.toEqual(byPosition);
    expect(byName).not.toEqual([...byPosition].reverse());
  });

  it('writes a registry that reads back through exceljs with exactly the values written', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(join(first, REGISTRY_FILE));
    const sheet = workbook.worksheets[0]!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual(FIELDS.map((c) => c.header));
    expect(sheet.rowCount).toBe(STUDIES + 1);
    plan.studies.forEach((study, i) => {
      const cells = (sheet.getRow(i + 2).values as unknown[]).slice(1);
      const expected = Object.values(registryRow(study));
      // exceljs leaves trailing/empty cells undefined.
      expect(FIELDS.map((_, c) => cells[c] ?? null)).toEqual(expected);
    });
  });

  it('keeps registry and DICOM in agreement: sex, age and the first series protocol', async () => {
    for (const study of plan.studies) {
      const row = registryRow(study);
      const series = study.series[0]!;
      const tags = await dcmdump(
        join(first, 'studies', study.uid, series.uid, `${series.instanceUids[0]}.dcm`),
      );
      expect(tags.get('0010,0040')).toBe(row.sex === 'М' ? 'M' : row.sex === 'Ж' ? 'F' : '');
      expect(tags.get('0010,1010')).toBe(ageString(row.age as number));
      expect(Number(tags.get('0018,0050'))).toBe(row.sliceThickness);
      expect(Number(tags.get('0018,0060'))).toBe(row.kvp);
      expect(Number(tags.get('0018,1151'))).toBe(row.tubeCurrent);
      expect(tags.get('0018,1210')).toBe(row.kernel);
      expect(tags.get('0008,0070')).toBe(row.manufacturer);
    }
  });

  it('puts a synthetic-sample notice on top of both READMEs', async () => {
    const ru = await readFile(join(first, 'README_RU.md'), 'utf8');
    const en = await readFile(join(first, 'README_EN.md'), 'utf8');
    expect(ru.split('\n')[0]).toMatch(/СИНТЕТИЧЕСКИЙ ОБРАЗЕЦ/);
    expect(en.split('\n')[0]).toMatch(/SYNTHETIC SAMPLE/);
    expect(ru).toContain('| Количество исследований, ед.     | 800       |');
    expect(en).toContain('CC BY-NC-ND 3.0');
  });

  it('refuses to replace a folder that is not a sample, and replaces an earlier sample', async () => {
    const precious = join(root, 'precious');
    await mkdir(precious);
    await writeFile(join(precious, 'thesis.txt'), 'do not delete');
    await expect(generateSample({ outDir: precious, studies: 1, seed })).rejects.toThrow(
      /not a synthetic sample/,
    );
    expect(await readFile(join(precious, 'thesis.txt'), 'utf8')).toBe('do not delete');

    const again = join(root, 'again');
    await generateSample({ outDir: again, studies: 1, seed, workers: 0 });
    await generateSample({ outDir: again, studies: 2, seed, workers: 0 });
    expect((await readSampleManifest(again))?.studies).toBe(2);
    expect(await readdir(join(again))).toContain(SAMPLE_MANIFEST);
    // No temporary folders are left beside the output.
    expect((await readdir(root)).filter((name) => name.includes('.partial-'))).toEqual([]);
  }, 60_000);
});

/** The tags dcmdump reads equal what the plan says was written. */
function checkTags(tags: Map<string, string>, study: StudyPlan, series: SeriesPlan, slice: number) {
  // dcmdump names well-known UIDs (=LittleEndianExplicit) instead of printing them.
  expect(tags.get('0002,0010')).toBe('=LittleEndianExplicit');
  expect(tags.get('0008,0016')).toBe('=CTImageStorage');
  expect(tags.get('0008,0060')).toBe('CT');
  expect(tags.get('0008,0005')).toBe('ISO_IR 192');
  expect(tags.get('0020,000d')).toBe(study.uid);
  expect(tags.get('0020,000e')).toBe(series.uid);
  expect(tags.get('0008,0018')).toBe(series.instanceUids[slice]);
  expect(tags.get('0008,0070')).toBe(series.manufacturer);
  expect(tags.get('0008,1090')).toBe(series.model);
  expect(tags.get('0018,1210')).toBe(series.kernel);
  expect(Number(tags.get('0018,0050'))).toBe(series.sliceThickness);
  expect(Number(tags.get('0018,0060'))).toBe(series.kvp);
  expect(Number(tags.get('0018,1151'))).toBe(series.tubeCurrent);
  expect(Number(tags.get('0018,0088'))).toBeCloseTo(series.spacing, 6);
  expect(Number(tags.get('0020,0013'))).toBe(slice + 1);
  expect(tags.get('0020,0037')).toBe('1\\0\\0\\0\\1\\0');
  const position = tags.get('0020,0032')!.split('\\').map(Number);
  expect(position[2]).toBeCloseTo(study.head.offset[2] + series.sliceZ[slice]!, 3);
  expect(tags.get('0028,0010')).toBe(String(series.rows));
  expect(tags.get('0028,0011')).toBe(String(series.columns));
  expect(tags.get('0028,0100')).toBe('16');
  expect(tags.get('0028,0101')).toBe(String(series.bitsStored));
  expect(tags.get('0028,0103')).toBe('1');
  expect(tags.get('0028,1052')).toBe('-1024');
  expect(tags.get('0028,1053')).toBe('1');
  expect(tags.get('0010,0040')).toBe(study.sex ?? '');
  expect(tags.get('0010,1010')).toBe(ageString(study.age));
  expect(tags.get('0010,0030')).toBe(''); // no birth date
  expect(tags.has('7fe0,0010')).toBe(true);
}
