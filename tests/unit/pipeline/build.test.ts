import { existsSync } from 'node:fs';
import { mkdir, readFile, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { csvParse } from 'd3';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIELDS } from '../../../src/domain/field-table.ts';
import { qualityFileSchema, studiesFileSchema } from '../../../src/domain/schemas.ts';
import { computeStats } from '../../../src/domain/compute-stats.ts';
import { statsFileSchema } from '../../../src/domain/stats.ts';
import { runPipeline, type PipelineOptions } from '../../../src/pipeline/build.ts';
import { diskStages } from '../../../src/pipeline/disk-stages.ts';
import { scanImaging } from '../../../src/pipeline/imaging/index.ts';
import { fakeImaging } from './fake-imaging.ts';
import { tempDir, writeWorkbook, type CellValue } from '../../support/xlsx.ts';

const HEADERS = FIELDS.map((c) => c.header);

function row(uid: string, extra: Partial<Record<string, CellValue>> = {}): CellValue[] {
  const values: Record<string, CellValue> = {
    study_uid: uid,
    path: `studies/${uid}`,
    pathology: 1,
    subdural: 1,
    epidural: 0,
    subarachnoid: 0,
    intracerebral: 0,
    multiple: 0,
    fracture: 0,
    combined: 0,
    ventricular: 0,
    conclusion: 'Субдуральная гематома, "кавычки", запятая',
    age: 40,
    sex: 'М',
    slice_thickness: '0,625',
    kvp: 120,
    tube_current: 250,
    kernel: 'FC21',
    manufacturer: 'TOSHIBA',
    ...extra,
  };
  return FIELDS.map((c) => values[c.csv] ?? null);
}

/**
 * Dataset: rows 2-5 name studies a, b, c (no folder) and a again (duplicate); folders a, b
 * and d (no row) exist on disk.
 */
async function dataset() {
  const dir = await tempDir('pipeline-');
  await writeWorkbook(dir, [
    {
      name: 'Реестр',
      rows: [
        HEADERS,
        row('a'),
        row('b', { pathology: 0, subdural: 0, sex: 'Ж', age: '057Y' }),
        row('c', { age: 'unknown' }),
        row('a', { age: 90 }),
      ],
    },
  ]);
  for (const f of ['a', 'b', 'd']) await mkdir(join(dir, 'studies', f), { recursive: true });
  await utimes(join(dir, 'dataset_registry.xlsx'), 1_700_000_000, 1_700_000_000);
  return dir;
}

const imaging = () =>
  fakeImaging([
    { folder: 'a', overrides: { patientSex: 'F', patientAge: 40 } },
    { folder: 'b' },
    { folder: 'd' },
  ]);

async function run(datasetDir: string, generatedDir: string, extra: Partial<PipelineOptions> = {}) {
  return runPipeline(
    {
      datasetDir,
      registryFile: 'dataset_registry.xlsx',
      generatedDir,
      cacheDir: join(generatedDir, '.cache'),
      synthetic: false,
      ...extra,
    },
    { ...diskStages, scanImaging: imaging(), computeStats },
  );
}

describe('runPipeline', () => {
  let datasetDir: string;
  let generatedDir: string;
  let result: Awaited<ReturnType<typeof runPipeline>>;
  const readData = (name: string) => readFile(join(generatedDir, 'data', name), 'utf8');

  beforeAll(async () => {
    datasetDir = await dataset();
    generatedDir = await tempDir('generated-');
    result = await run(datasetDir, generatedDir);
  });

  it('writes schema-valid studies.json, stats.json and quality.json', async () => {
    const studies = studiesFileSchema.parse(JSON.parse(await readData('studies.json')));
    const quality = qualityFileSchema.parse(JSON.parse(await readData('quality.json')));
    const stats = statsFileSchema.parse(JSON.parse(await readData('stats.json')));
    expect(studies.studies.map((s) => s.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(stats.total).toBe(4);
    expect(quality.counts).toMatchObject({
      files: 61,
      filesParsed: 60,
      registryRows: 4,
      studies: 4,
      series: 6,
    });
    expect(studies.source).toEqual({
      synthetic: false,
      registryFile: 'dataset_registry.xlsx',
      registrySha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      registryLayout: {
        file: 'dataset_registry.xlsx',
        sheet: 'Реестр',
        headerRow: 1,
        idColumn: HEADERS[0],
      },
      builtAt: new Date(1_700_000_000_000).toISOString(),
    });
  });

  it('joins registry labels with imaging series; registry wins for sex and age', () => {
    const [a, b, c, d] = result.studies;
    expect(a).toMatchObject({
      slug: 'a',
      path: 'studies/a',
      registryRow: 2,
      pathology: true,
      sex: 'M',
      age: 40,
      sliceThickness: 0.625,
      model: 'Model 1',
      cover: 'thumbs/a/cover.webp',
    });
    expect(a!.findings.subdural).toBe(true);
    expect(a!.series).toHaveLength(2);
    expect(b).toMatchObject({ pathology: false, sex: 'F', age: 57, registryRow: 3 });
    expect(c).toMatchObject({ registryRow: 4, series: [], cover: null, age: null });
    expect(d).toMatchObject({ registryRow: null, pathology: null, model: 'Model 1' });
  });

  it('accounts for every registry row: a study or a finding naming the row', () => {
    const findingRows = new Set(result.quality.findings.map((f) => f.row));
    const studyRows = new Set(result.studies.map((s) => s.registryRow));
    for (let r = 2; r <= 5; r += 1) expect(studyRows.has(r) || findingRows.has(r)).toBe(true);
    const codes = result.quality.findings.map((f) => [f.code, f.row ?? f.file]);
    expect(codes).toEqual(
      expect.arrayContaining([
        ['registry-duplicate-study', 5],
        ['registry-folder-missing', 4],
        ['registry-unreadable-value', 4],
        ['registry-dicom-sex-mismatch', 2],
        ['study-folder-without-row', 'studies/d'],
        ['dicom-truncated', 'studies/a/x/bad.dcm'],
      ]),
    );
    expect(
      result.quality.findings.find((f) => f.code === 'registry-dicom-sex-mismatch'),
    ).toMatchObject({
      column: 'Пол',
      study: 'a',
    });
  });

  it('sorts findings by severity and counts them', () => {
    const severities = result.quality.findings.map((f) => f.severity);
    const rank = { error: 0, warning: 1, info: 2 };
    expect(severities).toEqual([...severities].sort((x, y) => rank[x] - rank[y]));
    expect(result.quality.counts.error).toBe(severities.filter((s) => s === 'error').length);
    expect(result.quality.overview.find((o) => o.key === 'studies')).toMatchObject({
      declared: 800,
      computed: 4,
      match: false,
    });
  });

  it('writes registry.csv with canonical ids, dots for decimals and 1/0 booleans', async () => {
    const text = await readData('registry.csv');
    const rows = csvParse(text);
    // The handle (its registry row number), the registry's fields, then the folder's size.
    expect(rows.columns).toEqual([
      'handle',
      ...FIELDS.map((c) => c.csv),
      'study_files',
      'study_bytes',
    ]);
    expect(rows).toHaveLength(4);
    expect(rows.map((r) => r['handle'])).toEqual(['2', '3', '4', '5']);
    // The fake imaging gives each study folder 20 files of 1000 bytes.
    expect(rows[0]).toMatchObject({ study_files: '20', study_bytes: '20000' });
    expect(rows[0]).toMatchObject({
      study_uid: 'a',
      pathology: '1',
      slice_thickness: '0.625',
      sex: 'M',
    });
    expect(rows[1]).toMatchObject({ pathology: '0', sex: 'F', age: '57' });
    expect(rows[2]!.age).toBe('');
    expect(rows[0]!.conclusion).toBe('Субдуральная гематома, "кавычки", запятая');
  });

  it('is deterministic: a second run writes nothing and gives identical bytes', async () => {
    const before = await Promise.all(
      ['studies.json', 'quality.json', 'registry.csv'].map(readData),
    );
    const again = await run(datasetDir, generatedDir);
    expect(again.changed).toEqual([]);
    const after = await Promise.all(['studies.json', 'quality.json', 'registry.csv'].map(readData));
    expect(after).toEqual(before);
  });

  it('reads and writes only through the stages it is given', async () => {
    // Paths that do not exist: a read or write that bypassed the stages would miss or create them.
    const nowhere = join(await tempDir('nowhere-'), 'absent');
    const written: string[] = [];
    const there = (path: string) => path.replace(nowhere, datasetDir);
    const r = await runPipeline(
      {
        datasetDir: nowhere,
        registryFile: 'dataset_registry.xlsx',
        generatedDir: nowhere,
        cacheDir: nowhere,
        synthetic: false,
      },
      {
        ...diskStages,
        readDatasetReadmes: (dir, synthetic) =>
          diskStages.readDatasetReadmes(there(dir), synthetic),
        readRegistry: (path, file) => diskStages.readRegistry(there(path), file),
        mtimeIso: (path) => diskStages.mtimeIso(there(path)),
        scanImaging: imaging(),
        computeStats,
        writeDataFiles: async (dir) => {
          written.push(dir);
          return ['studies.json'];
        },
        writeCopyLists: async () => [],
        writeReleaseFiles: async () => [],
      },
    );
    expect(r.studies.map((s) => s.id)).toEqual(result.studies.map((s) => s.id));
    expect(r.source.builtAt).toBe(result.source.builtAt);
    expect(r.quality.findings.map((f) => f.code)).not.toContain('dataset-no-studies-folder');
    expect(written).toEqual([join(nowhere, 'data')]);
    expect(r.changed).toEqual(['studies.json']);
    expect(existsSync(nowhere)).toBe(false);
  });

  it('takes the build date from SOURCE_DATE_EPOCH when given', async () => {
    const out = await tempDir('generated-');
    const r = await run(datasetDir, out, { sourceDateEpoch: 86_400, synthetic: true });
    expect(r.source).toMatchObject({ builtAt: '1970-01-02T00:00:00.000Z', synthetic: true });
  });

  it('reports a dataset without registry or studies folder and still writes valid data', async () => {
    const empty = await tempDir('empty-');
    const out = await tempDir('generated-');
    const r = await runPipeline(
      { datasetDir: empty, registryFile: null, generatedDir: out, cacheDir: out, synthetic: false },
      { ...diskStages, scanImaging, computeStats },
    );
    const codes = r.quality.findings.map((f) => f.code);
    expect(codes).toContain('registry-missing');
    // The missing studies/ folder is said once, under one code.
    expect(codes.filter((c) => c.includes('studies-folder'))).toEqual(['dicom-no-studies-folder']);
    expect(r.studies).toEqual([]);
    qualityFileSchema.parse(JSON.parse(await readFile(join(out, 'data/quality.json'), 'utf8')));
  });
});
