/**
 * The full viewer on a real-scale sample (`npm run sample -- --matrix 256`): three studies whose
 * six series use every transfer syntax the real-scale sample writes (uncompressed, JPEG
 * Lossless SV1, JPEG-LS, JPEG 2000, RLE; the seed is chosen so, and checked). Each series,
 * put under the test site's study folder as a reader's copy would be, displays at full
 * resolution; End shows its last slice in spatial order, and a click reads the HU the
 * pipeline's own decoders (checked against dcmtk in the unit tests) give at that pixel.
 */
import {
  linkSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
} from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { StudiesFile, Study } from '../../src/domain/schemas.ts';
import { readFileHeader } from '../../src/pipeline/imaging/header/read-header.ts';
import { decodeHu } from '../../src/pipeline/imaging/pixels/pixels.ts';
import { spatialOrder } from '../../src/pipeline/imaging/plan/spatial-order.ts';
import type { ImageHeader } from '../../src/pipeline/imaging/types.ts';
import { generateSample, readSampleManifest, SAMPLE_VERSION } from '../../src/sample/index.ts';
import { REAL_SCALE_SYNTAX_MIX } from '../../src/sample/syntaxes.ts';
import { useBrowserSite } from './use-browser-site.ts';
import { ROOT } from '../support/run-build.ts';
import { formatWhole } from '../../src/scripts/viewer/viewer-math.ts';

const DATASET = join(ROOT, '.cache/test-viewer-scale/sample');
/** Three studies of this seed cover every syntax of REAL_SCALE_SYNTAX_MIX with the fewest slices. */
const SAMPLE = { studies: 3, matrix: 256, seed: 2586 } as const;
const STATUS = '#viewer [role="status"]';

const web = useBrowserSite();
let study: Study;
const work = mkdtempSync(join(ROOT, '.cache/viewer-copy-'));

interface SeriesDir {
  dir: string;
  files: { path: string; header: ImageHeader }[];
}
let series: SeriesDir[] = [];

beforeAll(async () => {
  await mkdir(DATASET, { recursive: true });
  const manifest = await readSampleManifest(DATASET);
  if (
    manifest?.version !== SAMPLE_VERSION ||
    manifest.matrix !== SAMPLE.matrix ||
    manifest.studies !== SAMPLE.studies ||
    manifest.seed !== SAMPLE.seed
  ) {
    await generateSample({ outDir: DATASET, ...SAMPLE });
  }
  const studiesDir = join(DATASET, 'studies');
  series = readdirSync(studiesDir).flatMap((s) =>
    readdirSync(join(studiesDir, s)).map((x) => {
      const dir = join(studiesDir, s, x);
      const files = readdirSync(dir).map((name) => {
        const path = join(dir, name);
        const outcome = readFileHeader(path, statSync(path).size);
        if (!('header' in outcome)) throw new Error(`${path}: ${outcome.detail}`);
        return { path, header: outcome.header };
      });
      return { dir, files };
    }),
  );
  const data = JSON.parse(
    readFileSync(join(inject('generatedDir'), 'data/studies.json'), 'utf8'),
  ) as StudiesFile;
  study = data.studies[0]!;
}, 600_000);
afterAll(async () => {
  rmSync(work, { recursive: true, force: true });
});

it('covers every transfer syntax the real-scale sample writes', () => {
  const syntaxes = new Set(series.map((s) => s.files[0]!.header.transferSyntax));
  expect([...syntaxes].sort()).toEqual(REAL_SCALE_SYNTAX_MIX.map(([uid]) => uid).sort());
});

it("displays every series at full resolution: its last slice, with the decoders' HU", async () => {
  // The reader's copy: each series under this study's folder, named by its transfer syntax.
  const studyDir = join(work, 'copy', 'studies', study.path.split('/').at(-1)!);
  const names = series.map((s, i) => `${i + 1}-${s.files[0]!.header.transferSyntax}`);
  series.forEach((s, i) => {
    mkdirSync(join(studyDir, names[i]!), { recursive: true });
    for (const file of s.files)
      linkSync(file.path, join(studyDir, names[i]!, file.path.split('/').at(-1)!));
  });
  const context = await web.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${web.site.url}/en/studies/${study.slug}/#viewer`);
  await page.locator('#viewer input[type="file"]').setInputFiles(join(work, 'copy'));
  await page
    .locator(STATUS)
    .filter({ hasText: /^Slice \d/ })
    .waitFor({ timeout: 120_000 });
  const canvas = page.locator('#viewer canvas');
  for (const [i, s] of series.entries()) {
    const n = s.files.length;
    await page.locator('#viewer select').selectOption({ index: i });
    await canvas.focus();
    await page.keyboard.press('End');
    const name = names[i]!.replaceAll('.', '\\.');
    await expect
      .poll(() => canvas.getAttribute('aria-label'), { timeout: 30_000 })
      .toMatch(new RegExp(`^${name} \\(${n}\\), slice ${n} of ${n},`));
    expect(await canvas.evaluate((c: HTMLCanvasElement) => [c.width, c.height])).toEqual([
      256, 256,
    ]);
    const sorted = spatialOrder(
      s.files,
      (f) => f.header,
      (f) => f.path,
    ).items;
    // The last slice (the vertex), then the first (the skull base, tissue at the centre).
    for (const [key, k] of [
      ['End', n],
      ['Home', 1],
    ] as const) {
      if (key === 'Home') {
        await page.keyboard.press('Home');
        await expect
          .poll(() => canvas.getAttribute('aria-label'))
          .toMatch(new RegExp(`slice 1 of ${n},`));
      }
      await page.locator(STATUS).evaluate((status) => status.removeAttribute('data-pixel'));
      const box = (await canvas.boundingBox())!;
      await page.mouse.click(box.x + box.width * 0.5, box.y + box.height * 0.55);
      await page.locator(`${STATUS}[data-pixel*=","]`).waitFor();
      const [x, y] = (await page.locator(STATUS).getAttribute('data-pixel'))!
        .split(',')
        .map(Number);
      const status = (await page.locator(STATUS).textContent())!;
      expect(status).toMatch(new RegExp(`^Slice ${k} of ${n} · window 40/80 · HU -?\\d+$`));
      const file = sorted[k - 1]!;
      const hu = await decodeHu(new Uint8Array(readFileSync(file.path)), file.header);
      const expected = hu.hu[y! * 256 + x!]!;
      expect(/HU (-?\d+)/.exec(status)![1], `${names[i]}: ${status}`).toBe(formatWhole(expected));
      // Not air: the pixel tells one decoder from another.
      if (key === 'Home') expect(expected, `${names[i]} at the skull base`).toBeGreaterThan(-500);
    }
  }
  await context.close();
  expect(errors).toEqual([]);
}, 300_000);
