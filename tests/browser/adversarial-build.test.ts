/**
 * The real build (`scripts/build.ts` as a child process) on the adversarial dataset
 * (tests/fixtures/datasets/adversarial.ts): broken and non-CT files, every supported transfer
 * syntax and an unsupported one, identifying values in every Annex E attribute, script
 * payloads in registry cells and DICOM strings, bad registry rows. One cold build and one
 * rebuild with nothing changed (with --strict), shared by every assertion:
 * 1. exit codes; 2. every file and registry row accounted for; 3. sprites and the
 * unsupported-syntax placeholder; 4. no identifying value anywhere in the output (pages, data,
 * Pagefind index, images and their metadata); 5. no payload executes in Chromium, pages and
 * search; 6. the rebuild redoes no imaging work and gives byte-identical output.
 * Longer than 300 lines on purpose: the two builds are shared by every assertion, and a split
 * would build the dataset again for each file.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import sharp from 'sharp';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALES } from '../../src/i18n/locales.ts';
import {
  qualityFileSchema,
  studiesFileSchema,
  type QualityFile,
  type StudiesFile,
} from '../../src/domain/schemas.ts';
import { imagingCacheDir } from '../../scripts/lib/build-site.ts';
import { CACHE_DB } from '../../src/pipeline/imaging/cache/cache.ts';
import {
  buildAdversarialDataset,
  SUPPORTED_SYNTAXES,
  UNSUPPORTED_SYNTAX,
  type AdversarialDataset,
} from '../fixtures/datasets/adversarial.ts';
import { PRIVACY_MARKERS } from '../fixtures/dicom/privacy-dataset.ts';
import { HOSTILE_STRINGS } from '../support/gates/hostile-data.ts';
import { searchPageFor } from '../support/gates/page-states.ts';
import { sitePages, type SitePage } from '../support/gates/site-pages.ts';
import { inspectForXss, PAYLOAD_MARKER, type XssPageReport } from '../support/gates/xss-check.ts';
import { launchChromium, serveStatic, type StaticSite } from '../support/browser.ts';
import {
  filesUnder,
  hashTree,
  mtimeTree,
  ROOT,
  runBuild,
  stageTimes,
  type BuildRun,
} from '../support/run-build.ts';

const WORK = join(ROOT, '.cache/e2e-adversarial');
const datasetDir = join(WORK, 'dataset');
const outDir = join(WORK, 'dist');
const generatedDir = join(WORK, 'generated');
const cacheDir = imagingCacheDir(ROOT, datasetDir);
const buildArgs = ['--dataset', datasetDir, '--out', outDir, '--generated', generatedDir];

/** Codes of the findings that leave a file that was read out of every series. */
const LEFT_OUT_CODES = ['dicom-not-ct', 'dicom-secondary-capture', 'dicom-localizer'];

let dataset: AdversarialDataset;
let first: BuildRun;
let second: BuildRun;
let quality: QualityFile;
let studies: StudiesFile['studies'];
const snapshots: {
  outHashes: Map<string, string>[];
  dataTimes: Map<string, number>[];
  spriteTimes: Map<string, number>[];
  cacheIndex: string[];
} = { outHashes: [], dataTimes: [], spriteTimes: [], cacheIndex: [] };

async function snapshot() {
  snapshots.outHashes.push(await hashTree(outDir));
  snapshots.dataTimes.push(await mtimeTree(join(generatedDir, 'data')));
  snapshots.spriteTimes.push(await mtimeTree(join(cacheDir, 'sprites')));
  const index = join(cacheDir, CACHE_DB);
  const digest = createHash('sha256')
    .update(await readFile(index))
    .digest('hex');
  snapshots.cacheIndex.push(`${(await stat(index)).mtimeMs} ${digest}`);
}

beforeAll(async () => {
  await rm(WORK, { recursive: true, force: true });
  await rm(cacheDir, { recursive: true, force: true });
  await mkdir(WORK, { recursive: true });
  dataset = await buildAdversarialDataset(datasetDir);
  first = await runBuild(buildArgs);
  if (first.code === 0) await snapshot();
  second = await runBuild([...buildArgs, '--strict']);
  if (second.code === 1) await snapshot();
  quality = qualityFileSchema.parse(
    JSON.parse(await readFile(join(generatedDir, 'data/quality.json'), 'utf8')),
  );
  studies = studiesFileSchema.parse(
    JSON.parse(await readFile(join(generatedDir, 'data/studies.json'), 'utf8')),
  ).studies;
}, 1_200_000); // two full builds; slow when the whole suite shares 2 cores

const findings = (code: string) => quality.findings.filter((f) => f.code === code);
const allSeries = () => studies.flatMap((s) => s.series.map((series) => ({ study: s, series })));

describe('the real build on the adversarial dataset', () => {
  it('completes (exit 0), and --strict on the same data exits 1 naming the errors', () => {
    expect(first.code, first.stderr).toBe(0);
    expect(second.code, second.stderr).toBe(1);
    expect(second.stdout).toContain('--strict');
    expect(quality.counts.error).toBeGreaterThan(0);
  });

  it('accounts for every file under studies/: in a series, or named by a finding', async () => {
    const files = (await filesUnder(datasetDir)).filter((f) => f.startsWith('studies/'));
    expect(quality.counts.files).toBe(files.length);
    const expected: [string, string][] = [
      [dataset.broken.empty, 'dicom-empty'],
      [dataset.broken.notDicom, 'dicom-not-dicom'],
      [dataset.broken.truncated, 'dicom-truncated'],
      [dataset.excluded.mr, 'dicom-not-ct'],
      [dataset.excluded.secondaryCapture, 'dicom-secondary-capture'],
      [dataset.excluded.localizer, 'dicom-localizer'],
    ];
    for (const [file, code] of expected) {
      expect(quality.findings, `${code} for ${file}`).toContainEqual(
        expect.objectContaining({ code, file }),
      );
    }
    // Unparsed files: each named by an error; parsed files: in a series or left out by name.
    const unparsed = new Set(
      quality.findings
        .filter((f) => f.severity === 'error' && f.file?.startsWith('studies/'))
        .map((f) => f.file),
    );
    expect(unparsed.size).toBe(quality.counts.files - quality.counts.filesParsed);
    const leftOut = new Set(
      quality.findings.filter((f) => LEFT_OUT_CODES.includes(f.code)).map((f) => f.file),
    );
    const inSeries = allSeries().reduce((sum, { series }) => sum + series.imageCount, 0);
    expect(inSeries + leftOut.size).toBe(quality.counts.filesParsed);
    for (const file of [...unparsed, ...leftOut]) expect(files).toContain(file);
  });

  it('accounts for every registry row and names each problem by file, row and column', () => {
    const { registry } = dataset;
    expect(quality.counts.registryRows).toBe(registry.rows);
    const inRegistry = { file: 'dataset_registry.xlsx' };
    expect(findings('registry-unreadable-value')).toContainEqual(
      expect.objectContaining({ ...inRegistry, ...registry.unreadable }),
    );
    expect(findings('registry-duplicate-study')).toEqual([
      expect.objectContaining({ ...inRegistry, row: registry.duplicateRow }),
    ]);
    expect(findings('registry-folder-missing')).toEqual([
      expect.objectContaining({ ...inRegistry, study: registry.missingFolderStudy }),
    ]);
    expect(findings('study-folder-without-row')).toEqual([
      expect.objectContaining({ study: registry.folderWithoutRow }),
    ]);
    expect(findings('registry-unknown-column')).toContainEqual(
      expect.objectContaining({ ...inRegistry, column: registry.unknownColumn }),
    );
    for (const finding of quality.findings.filter((f) => f.code.startsWith('registry-')))
      expect(finding.file, finding.code).toBe('dataset_registry.xlsx');
    // Every data row is a study, or named by the finding that explains why it is not.
    for (let row = 2; row <= registry.rows + 1; row++) {
      const used = studies.some((s) => s.registryRow === row);
      const explained = quality.findings.some(
        (f) =>
          f.row === row &&
          ['registry-duplicate-study', 'registry-row-without-study'].includes(f.code),
      );
      expect(used || explained, `registry row ${row}`).toBe(true);
    }
  });

  it('renders sprites for every decodable series, in every supported syntax', async () => {
    // Series are found by folder: their own UIDs differ from their folder names (`s-<syntax>`),
    // so the data names each only by a reference, never by the UID inside its files.
    const bySeries = new Map(allSeries().map((x) => [x.series.folder, x]));
    for (const syntax of SUPPORTED_SYNTAXES) {
      const found = bySeries.get(`s-${syntax}`);
      expect(found?.series.status, syntax).toBe('ok');
      expect(found?.series.uid, syntax).toMatch(/^ref-[0-9a-f]{12}$/);
      expect(JSON.stringify(found?.series)).not.toContain(dataset.syntaxSeries[syntax]!);
    }
    const decodable = allSeries().filter(({ series }) => series.status === 'ok');
    expect(decodable.length).toBeGreaterThan(SUPPORTED_SYNTAXES.length);
    const shipped = new Set(await filesUnder(outDir));
    for (const { study, series } of decodable) {
      expect(series.sprites.length, series.uid).toBeGreaterThan(0);
      for (const sprite of series.sprites) expect(shipped, sprite.url).toContain(sprite.url);
      if (study.cover) expect(shipped).toContain(study.cover);
    }
  });

  it('marks the unsupported series with the transfer syntax, and its page shows a placeholder', async () => {
    const found = allSeries().find(
      ({ series }) => series.folder === `s-${UNSUPPORTED_SYNTAX.fixture}`,
    );
    expect(found?.series.status).toBe('unsupported');
    expect(found!.series.sprites).toEqual([]);
    for (const locale of LOCALES)
      expect(found!.series.reason?.[locale]).toContain(UNSUPPORTED_SYNTAX.uid);
    expect(findings('dicom-unsupported-transfer-syntax')).toContainEqual(
      expect.objectContaining({ study: found!.study.id }),
    );
    for (const { series } of allSeries().filter(({ series }) => series.status !== 'ok')) {
      expect(series.status).toBe('unsupported');
      expect(series.reason?.en).toContain(series.transferSyntax);
    }
    for (const locale of LOCALES) {
      const html = await readFile(
        join(outDir, locale, 'studies', found!.study.slug, 'index.html'),
        'utf8',
      );
      expect(html).toContain('data-gallery-unavailable');
      expect(html).toContain(escapeHtml(found!.series.reason![locale]));
    }
  });
});

const escapeHtml = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;');

/** A file's bytes as a reader would see them: Pagefind's gzip files decompressed. */
function readable(file: string, bytes: Buffer): Buffer {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  const inflated = gunzipSync(bytes);
  // Pagefind's index, fragment, filter and meta files: gzip around a `pagefind_dcd` record.
  if (/\.pf_[a-z]+$/.test(file)) expect(inflated.subarray(0, 12).toString()).toBe('pagefind_dcd');
  return inflated;
}

describe('privacy through the real build', () => {
  it('control: the dataset carries every identifying marker', async () => {
    const blobs = await Promise.all(
      (await filesUnder(join(datasetDir, 'studies'))).map((f) =>
        readFile(join(datasetDir, 'studies', f)),
      ),
    );
    for (const marker of PRIVACY_MARKERS) {
      const needle = Buffer.from(marker, 'utf8');
      expect(
        blobs.some((b) => b.includes(needle)),
        marker,
      ).toBe(true);
    }
  });

  it('no identifying value in any output file, the Pagefind index decompressed included', async () => {
    const leaks: string[] = [];
    let pagefindRecords = 0;
    for (const root of [outDir, generatedDir]) {
      for (const file of await filesUnder(root)) {
        const bytes = readable(file, await readFile(join(root, file)));
        if (/\.pf_[a-z]+$/.test(file)) pagefindRecords++;
        for (const marker of PRIVACY_MARKERS) {
          if (bytes.includes(Buffer.from(marker, 'utf8'))) leaks.push(`${root}/${file}: ${marker}`);
        }
      }
    }
    expect(pagefindRecords).toBeGreaterThan(0);
    expect(leaks).toEqual([]);
  });

  it('images carry no EXIF, XMP, IPTC or comments', async () => {
    const images = (await filesUnder(outDir)).filter((f) => /\.(webp|png|jpe?g|avif|gif)$/.test(f));
    expect(images.some((f) => f.startsWith('thumbs/'))).toBe(true);
    for (const image of images) {
      const meta = await sharp(join(outDir, image)).metadata();
      expect(
        { exif: meta.exif, xmp: meta.xmp, iptc: meta.iptc, comments: meta.comments },
        image,
      ).toEqual({ exif: undefined, xmp: undefined, iptc: undefined, comments: undefined });
    }
  });
});

describe('hostile strings through the real build', () => {
  let site: StaticSite;
  let browser: Browser;
  let context: BrowserContext;
  let carrying: SitePage[];
  beforeAll(async () => {
    carrying = [];
    for (const page of await sitePages(outDir)) {
      if ((await readFile(join(outDir, page.file), 'utf8')).includes(PAYLOAD_MARKER))
        carrying.push(page);
    }
    site = await serveStatic(outDir);
    browser = await launchChromium();
    // The CSP bypassed: this tests the escaping itself (tests/browser/csp.test.ts tests the policy).
    context = await browser.newContext({ bypassCSP: true });
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('never execute on any page that carries them, and are shown as text', async () => {
    const types = new Set(carrying.map((p) => p.type));
    expect([...types].some((t) => t.includes('studies'))).toBe(true);
    const reports: XssPageReport[] = [];
    for (const page of carrying)
      reports.push(await inspectForXss(context, site.url + page.urlPath));
    const executed = reports.flatMap((r) => [
      ...r.dialogs.map((d) => `${r.url}: dialog ${d}`),
      ...r.injected.map((i) => `${r.url}: injected ${i}`),
    ]);
    expect(executed, executed.join('\n')).toEqual([]);
    const text = reports.map((r) => r.text).join('\n');
    for (const hostile of HOSTILE_STRINGS) expect(text).toContain(hostile);
  }, 600_000);

  for (const locale of LOCALES) {
    it(`never execute in search results (${locale})`, async () => {
      const probe = await context.newPage();
      const target = await searchPageFor(probe, site.url, carrying, locale);
      await probe.close();
      expect(target, 'a page with a search box').toBeTruthy();
      const report = await inspectForXss(context, site.url + target!.urlPath, 'alert');
      expect([...report.dialogs, ...report.injected]).toEqual([]);
    });
  }
});

describe('a rebuild with nothing changed', () => {
  it('reads no header, renders no image, rewrites no data file, and gives identical output', () => {
    const [a, b] = [stageTimes(first.stdout), stageTimes(second.stdout)];
    // Reported, not asserted: timing depends on the machine's load.
    console.log(
      `adversarial build: cold ${(first.ms / 1000).toFixed(1)} s, rebuild ${(second.ms / 1000).toFixed(1)} s ` +
        `(×${(first.ms / second.ms).toFixed(2)}); imaging stage ${a.imaging} ms → ${b.imaging} ms ` +
        `(×${((a.imaging ?? 0) / (b.imaging ?? 1)).toFixed(0)})`,
    );
    expect(snapshots.outHashes).toHaveLength(2);
    // The imaging cache: its database not written to, and no sprite written again.
    expect(snapshots.cacheIndex[1]).toBe(snapshots.cacheIndex[0]);
    expect(snapshots.spriteTimes[1]).toEqual(snapshots.spriteTimes[0]);
    expect(snapshots.spriteTimes[0]!.size).toBeGreaterThan(0);
    // Data files are not rewritten when unchanged.
    expect(snapshots.dataTimes[1]).toEqual(snapshots.dataTimes[0]);
    // And the site is byte-identical.
    expect(snapshots.outHashes[1]).toEqual(snapshots.outHashes[0]);
  });
});
