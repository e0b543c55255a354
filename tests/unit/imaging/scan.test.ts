/**
 * scanImaging end to end on a small dataset folder written with dcmtk: every file accounted
 * for, sprites in spatial order, unsupported and broken files reported, deterministic output,
 * and an incremental rebuild that rereads nothing unchanged.
 */
import {
  globSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qualityFindingSchema, seriesSchema } from '../../../src/domain/schemas.ts';
import type { ProgressEvent } from '../../../src/pipeline/progress.ts';
import { scanImaging, type ImagingResult } from '../../../src/pipeline/imaging/index.ts';
import {
  phantomHu,
  storedFromHu,
  writeCtFile,
  writeCtSeries,
} from '../../fixtures/dicom/ct-files.ts';

const root = mkdtempSync(join(tmpdir(), 'imaging-scan-'));
const dataset = join(root, 'dataset');
const out = (name: string) => ({
  thumbsDir: join(root, name, 'thumbs'),
  cacheDir: join(root, name, 'cache'),
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const A = '1.2.826.0.1.1';
const B = '1.2.826.0.1.2';
const C = '1.2.826.0.1.3';
const FILE_PROBLEMS =
  /^dicom-(empty|not-dicom|truncated|unreadable|no-pixel-data|not-ct|localizer|secondary-capture)$/;
const FIXED_TIME = 1_700_000_000;

/** Brain HU rises with the slice's spatial index, so tile brightness reveals the tile order. */
function brainLevel(i: number): Int16Array {
  const hu = phantomHu(32, 0).map((v) => (v > 0 && v < 100 ? 10 + 12 * i : v));
  return storedFromHu(hu);
}

let first: ImagingResult;
const events: ProgressEvent[] = [];

beforeAll(async () => {
  const seriesA = join(dataset, 'studies', A, `${A}.1`);
  // File names run opposite to space and InstanceNumber is shuffled: only position can order them.
  writeCtSeries(seriesA, {
    studyUid: A,
    seriesUid: `${A}.1`,
    count: 5,
    slice: (i) => ({
      stored: brainLevel(i),
      instanceNumber: ((i * 2) % 5) + 1,
      patientSex: 'M',
      patientAge: '061Y',
    }),
  });
  writeCtFile(join(seriesA, 'scout.dcm'), {
    rows: 32,
    columns: 32,
    stored: brainLevel(0),
    studyUid: A,
    seriesUid: `${A}.1`,
    instanceUid: `${A}.1.99`,
    imageType: 'ORIGINAL\\PRIMARY\\LOCALIZER',
  });
  writeFileSync(join(seriesA, 'empty.dcm'), '');
  writeFileSync(join(seriesA, 'README.txt'), 'not an image');

  writeCtSeries(join(dataset, 'studies', B, `${B}.1`), {
    studyUid: B,
    seriesUid: `${B}.1`,
    count: 3,
    syntax: 'rle',
  });
  writeCtSeries(join(dataset, 'studies', B, `${B}.2`), {
    studyUid: B,
    seriesUid: `${B}.2`,
    count: 2,
    syntax: 'jpeg-extended',
  });

  const seriesC = join(dataset, 'studies', C, `${C}.1`);
  writeCtSeries(seriesC, { studyUid: C, seriesUid: `${C}.1`, count: 2, syntax: 'jpeg-ls' });
  const whole = readFileSync(join(seriesC, '1.dcm'));
  writeFileSync(join(seriesC, 'cut.dcm'), whole.subarray(0, whole.length - 50));
  mkdirSync(join(dataset, 'studies', 'empty-study'), { recursive: true });

  for (const file of datasetFiles()) utimesSync(join(dataset, file), FIXED_TIME, FIXED_TIME);
  first = await scanImaging({
    datasetDir: dataset,
    ...out('first'),
    concurrency: 2,
    onProgress: (e) => events.push(e),
  });
}, 300_000); // dcmtk writes the fixtures: allow for a busy machine

function datasetFiles(): string[] {
  return globSync('studies/**/*', { cwd: dataset })
    .filter((p) => statSync(join(dataset, p)).isFile())
    .sort();
}
const study = (folder: string) => first.studies.find((s) => s.folder === folder)!;

describe('a first scan', () => {
  it('accounts for every file: in a series, or a finding naming it', () => {
    const files = datasetFiles();
    expect(first.files).toBe(files.length);
    const problemFiles = first.findings
      .filter((f) => FILE_PROBLEMS.test(f.code))
      .map((f) => f.file!);
    expect(new Set(problemFiles).size).toBe(problemFiles.length);
    const inSeries = first.studies.flatMap((s) => s.series).reduce((n, s) => n + s.imageCount, 0);
    expect(inSeries + problemFiles.length).toBe(files.length);
    expect(problemFiles.every((f) => files.includes(f))).toBe(true);
    expect(
      first.findings
        .filter((f) => FILE_PROBLEMS.test(f.code))
        .map((f) => [f.code, f.file!.split('/').at(-1)]),
    ).toEqual(
      expect.arrayContaining([
        ['dicom-empty', 'empty.dcm'],
        ['dicom-not-dicom', 'README.txt'],
        ['dicom-localizer', 'scout.dcm'],
        ['dicom-truncated', 'cut.dcm'],
      ]),
    );
    // Parsed: every DICOM data set read, including the localizer, not the broken files.
    expect(first.filesParsed).toBe(inSeries + 1);
  });

  it('returns data valid against the shared schemas', () => {
    for (const s of first.studies.flatMap((x) => x.series))
      expect(() => seriesSchema.parse(s)).not.toThrow();
    for (const f of first.findings) expect(() => qualityFindingSchema.parse(f)).not.toThrow();
    expect(study(A)).toMatchObject({ studyUid: A, patientSex: 'M', patientAge: 61 });
    expect(study('empty-study')).toMatchObject({ series: [], cover: null });
  });

  it('describes series with allow-listed parameters', () => {
    const series = study(A).series[0]!;
    expect(series).toMatchObject({
      uid: `${A}.1`,
      folder: `${A}.1`,
      modality: 'CT',
      manufacturer: 'TestVendor',
      model: 'Model 64',
      kernel: 'H30s',
      sliceThickness: 5,
      kvp: 120,
      tubeCurrent: 203, // median of 201..205
      rows: 32,
      columns: 32,
      pixelSpacing: [0.5, 0.5],
      spacingBetweenSlices: 2.5,
      imageCount: 5,
      transferSyntax: '1.2.840.10008.1.2.1',
      status: 'ok',
      reason: null,
    });
  });

  it('publishes exactly these series keys, in this order (the contract of studies.json)', () => {
    const keys = [
      'uid',
      'folder',
      'modality',
      'manufacturer',
      'model',
      'sliceThickness',
      'kvp',
      'tubeCurrent',
      'exposure',
      'kernel',
      'rows',
      'columns',
      'pixelSpacing',
      'spacingBetweenSlices',
      'imageCount',
      'size',
      'transferSyntax',
      'status',
      'reason',
      'sprites',
    ];
    for (const s of first.studies.flatMap((x) => x.series)) expect(Object.keys(s)).toEqual(keys);
    expect(Object.keys(seriesSchema.shape)).toEqual(keys);
  });

  it('marks a series in an unsupported syntax, naming it, with a finding', () => {
    const [rle, extended] = study(B).series;
    expect(rle!.status).toBe('ok');
    expect(extended!.status).toBe('unsupported');
    expect(extended!.sprites).toEqual([]);
    expect(extended!.reason!.en).toContain('1.2.840.10008.1.2.4.51');
    expect(extended!.reason!.ru).toContain('1.2.840.10008.1.2.4.51');
    const finding = first.findings.find((f) => f.code === 'dicom-unsupported-transfer-syntax')!;
    expect(finding.file).toMatch(new RegExp(`^studies/${B}/${B}\\.2/`));
    expect(study(C).series[0]).toMatchObject({ status: 'ok', imageCount: 2 });
  });

  it('writes one sprite sheet per preset, sized as its JSON says, without metadata', async () => {
    const { thumbsDir } = out('first');
    for (const series of first.studies.flatMap((s) => s.series).filter((s) => s.status === 'ok')) {
      expect(series.sprites.map((s) => s.preset)).toEqual(['brain', 'subdural', 'bone']);
      for (const sprite of series.sprites) {
        expect(sprite.url).toMatch(/^thumbs\/[^/]+\/[^/]+-(brain|subdural|bone)\.webp$/);
        const path = join(thumbsDir, relative('thumbs', sprite.url));
        const meta = await sharp(path).metadata();
        expect(meta.format).toBe('webp');
        expect(meta.width).toBe(sprite.tileWidth * sprite.columns);
        expect(meta.height).toBe(sprite.tileHeight * Math.ceil(sprite.count / sprite.columns));
        expect(sprite.slices).toHaveLength(sprite.count);
        expect(sprite.slices).toEqual([...sprite.slices].sort((a, b) => a - b));
        expect(Math.max(...sprite.slices)).toBe(series.imageCount - 1);
        expect([meta.exif, meta.icc, meta.xmp, meta.iptc]).toEqual([
          undefined,
          undefined,
          undefined,
          undefined,
        ]);
      }
    }
    for (const s of first.studies.filter((x) => x.cover)) {
      expect(s.cover).toBe(`thumbs/${s.folder}/cover.webp`);
      expect((await sharp(join(thumbsDir, relative('thumbs', s.cover!))).metadata()).format).toBe(
        'webp',
      );
    }
  });

  /** Mean grey of a region given in fractions of a tile at (x0, y0) of the image at `path`. */
  async function regionMeans(
    path: string,
    tiles: { x0: number; y0: number; w: number; h: number }[],
  ) {
    const { data, info } = await sharp(path)
      .greyscale()
      .raw()
      .toBuffer({ resolveWithObject: true });
    return tiles.map(({ x0, y0, w, h }) => {
      let sum = 0;
      let n = 0;
      // The centre quarter of the tile: brain, away from skull and ventricles' edges.
      for (let y = y0 + h * 0.6; y < y0 + h * 0.75; y++) {
        for (let x = x0 + w * 0.25; x < x0 + w * 0.4; x++) {
          sum += data[Math.floor(y) * info.width * info.channels + Math.floor(x) * info.channels]!;
          n++;
        }
      }
      return sum / n;
    });
  }

  /** Each brain-window tile's mean brightness in study A's sheet, in tile order. */
  async function tileMeans() {
    const sprite = study(A).series[0]!.sprites[0]!;
    const path = join(out('first').thumbsDir, relative('thumbs', sprite.url));
    return regionMeans(
      path,
      sprite.slices.map((_, t) => ({
        x0: (t % sprite.columns) * sprite.tileWidth,
        y0: Math.floor(t / sprite.columns) * sprite.tileHeight,
        w: sprite.tileWidth,
        h: sprite.tileHeight,
      })),
    );
  }

  it('lays tiles out in spatial order', async () => {
    const means = await tileMeans();
    for (let i = 1; i < means.length; i++) expect(means[i]!).toBeGreaterThan(means[i - 1]! + 5);
  });

  it('shows the middle slice on the cover, though later slices were read after it', async () => {
    // The render reads every slice into one reused buffer: the cover's frame must be its own.
    const means = await tileMeans();
    const cover = join(out('first').thumbsDir, relative('thumbs', study(A).cover!));
    const { width, height } = await sharp(cover).metadata();
    const [coverMean] = await regionMeans(cover, [{ x0: 0, y0: 0, w: width!, h: height! }]);
    const middle = Math.floor(means.length / 2);
    const nearest = means.reduce(
      (best, m, i) => (Math.abs(m - coverMean!) < Math.abs(means[best]! - coverMean!) ? i : best),
      0,
    );
    expect(nearest).toBe(middle);
  });

  it('reports progress for header scan and thumbnails', () => {
    for (const stage of ['scan headers', 'thumbnails']) {
      const last = events.filter((e) => e.stage === stage).at(-1)!;
      expect(last.total).toBeGreaterThan(0);
      expect(last.done).toBe(last.total);
    }
  });
});

describe('rebuilds', () => {
  it('are deterministic: a fresh run gives the same JSON and byte-identical images', async () => {
    const again = await scanImaging({ datasetDir: dataset, ...out('fresh'), concurrency: 1 });
    expect(JSON.stringify(again)).toBe(JSON.stringify(first));
    const images = globSync('**/*.webp', { cwd: out('first').thumbsDir }).sort();
    expect(images.length).toBeGreaterThan(0);
    expect(globSync('**/*.webp', { cwd: out('fresh').thumbsDir }).sort()).toEqual(images);
    for (const image of images) {
      expect(
        readFileSync(join(out('fresh').thumbsDir, image)).equals(
          readFileSync(join(out('first').thumbsDir, image)),
        ),
      ).toBe(true);
    }
  });

  it('reread nothing unchanged, and recompute only the series of a changed file', async () => {
    // Overwrite series A with garbage of the same size and mtime: a run that reread headers or
    // decoded pixels would now report them as broken.
    const seriesA = globSync(`studies/${A}/${A}.1/*.dcm`, { cwd: dataset });
    for (const file of seriesA) {
      const path = join(dataset, file);
      writeFileSync(path, Buffer.alloc(statSync(path).size, 0x5a));
      utimesSync(path, FIXED_TIME, FIXED_TIME);
    }
    // Really change one file of series C (new pixels, new mtime).
    const changed = join(dataset, 'studies', C, `${C}.1`, '1.dcm');
    writeCtFile(
      changed,
      {
        rows: 32,
        columns: 32,
        stored: storedFromHu(phantomHu(32, 9).map((v) => v + 300)),
        studyUid: C,
        seriesUid: `${C}.1`,
        instanceUid: `${C}.1.1`,
        instanceNumber: 1,
        position: [-8, -8, 10],
      },
      'jpeg-ls',
    );
    const { thumbsDir } = out('first');
    const spriteOf = (folder: string) =>
      readFileSync(join(thumbsDir, relative('thumbs', study(folder).series[0]!.sprites[0]!.url)));
    const beforeA = spriteOf(A);
    const beforeC = spriteOf(C);

    const second = await scanImaging({ datasetDir: dataset, ...out('first'), concurrency: 2 });
    expect(JSON.stringify(second.studies.find((s) => s.folder === A))).toBe(
      JSON.stringify(study(A)),
    );
    expect(second.findings.filter((f) => f.study === A)).toEqual(
      first.findings.filter((f) => f.study === A),
    );
    expect(spriteOf(A).equals(beforeA)).toBe(true);
    expect(spriteOf(C).equals(beforeC)).toBe(false);
  });
});
