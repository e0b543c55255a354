/**
 * Privacy: files carrying identifying values in the attributes of DICOM PS3.15 Annex E (Basic
 * Application Level Confidentiality Profile) that CT files carry or can carry, each a unique
 * marker, and UIDs with the acquisition date and time inside that differ from their folder
 * names; after scanImaging, no marker may appear in anything it returns or writes (result
 * JSON, cache, sprite and cover images, image metadata), except the files' own UIDs where the
 * stage keeps them for itself (said below).
 *
 * The integrator extends this to the built site: build the site from buildPrivacyDataset()
 * (tests/fixtures/dicom/privacy-dataset.ts) plus a registry, and search `dist/` (HTML, JSON,
 * CSV, Pagefind index, images) for the same PRIVACY_MARKERS.
 */
import { globSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { scanImaging, type ImagingResult } from '../../../src/pipeline/imaging/index.ts';
import {
  PRIVACY_MARKERS as MARKERS,
  UID_MARKERS,
  buildPrivacyDataset,
} from '../../fixtures/dicom/privacy-dataset.ts';

const root = mkdtempSync(join(tmpdir(), 'imaging-privacy-'));
const dataset = join(root, 'dataset');
const thumbsDir = join(root, 'out', 'thumbs');
const cacheDir = join(root, 'out', 'cache');
let result: ImagingResult;

beforeAll(async () => {
  buildPrivacyDataset(dataset);
  result = await scanImaging({ datasetDir: dataset, thumbsDir, cacheDir, concurrency: 2 });
}, 300_000); // dcmtk writes the fixtures: allow for a busy machine
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Every marker, searched as UTF-8 and as single-byte text. */
function leaks(bytes: Buffer): string[] {
  const utf8 = bytes.toString('utf8');
  const latin1 = bytes.toString('latin1');
  return MARKERS.filter((m) => utf8.includes(m) || latin1.includes(m));
}
function filesUnder(dir: string): string[] {
  return globSync('**/*', { cwd: dir })
    .map((p) => join(dir, p))
    .filter((p) => statSync(p).isFile());
}

it('the input really carries every marker (the test is not vacuous)', () => {
  const found = new Set(filesUnder(dataset).flatMap((f) => leaks(readFileSync(f))));
  expect([...found].sort()).toEqual([...MARKERS].sort());
  // And the stage really used those files.
  const series = result.studies[0]!.series;
  expect(series.filter((s) => s.status === 'ok')).toHaveLength(3);
  expect(series.find((s) => s.status === 'unsupported')).toBeDefined();
  expect(result.findings.map((f) => f.code)).toEqual(
    expect.arrayContaining(['dicom-truncated', 'dicom-not-ct']),
  );
});

it('names the UIDs inside the files only by reference where they differ from the folders', () => {
  const ref = /ref-[0-9a-f]{12}/;
  const study = result.findings.find((f) => f.code === 'dicom-study-folder-uid-mismatch')!;
  const series = result.findings.filter((f) => f.code === 'dicom-series-folder-uid-mismatch');
  expect(study.message.en).toMatch(ref);
  // The same UID has the same reference in both languages and in the data.
  const studyRef = study.message.en.match(ref)![0];
  expect(study.message.ru).toContain(studyRef);
  expect(result.studies[0]!.studyUidRef).toBe(studyRef);
  expect(series.length).toBeGreaterThanOrEqual(3);
  for (const f of series) expect(f.message.ru.match(ref)![0]).toBe(f.message.en.match(ref)![0]);
  for (const s of result.studies[0]!.series) expect(s.uid).toMatch(/^ref-[0-9a-f]{12}$/);
});

it('returns no identifying value (the internal StudyInstanceUID aside)', () => {
  // `studyUid` is the one place the files' own UID stays: the join matches registry rows by it
  // and never publishes it (the adversarial build, tests/browser/adversarial-build.test.ts, searches every output for it).
  const returned = {
    ...result,
    studies: result.studies.map(({ studyUid, ...rest }) => {
      expect(UID_MARKERS).toContain(studyUid);
      return rest;
    }),
  };
  expect(leaks(Buffer.from(JSON.stringify(returned)))).toEqual([]);
});

it('writes no identifying value into its cache', () => {
  const files = filesUnder(cacheDir);
  expect(files.length).toBeGreaterThan(1);
  // The local cache keeps each file's UIDs (for grouping and registry matching on a warm
  // build); it is never published. Everything else identifying must stay out of it.
  for (const file of files) {
    const found = leaks(readFileSync(file)).filter((m) => !UID_MARKERS.includes(m));
    expect({ file, leaks: found }).toEqual({ file, leaks: [] });
  }
});

it('writes images without identifying values or metadata', async () => {
  const images = filesUnder(thumbsDir);
  expect(images.length).toBe(3 * 3 + 1); // three ok series × three presets, one cover
  for (const image of images) {
    expect({ image, leaks: leaks(readFileSync(image)) }).toEqual({ image, leaks: [] });
    const meta = await sharp(image).metadata();
    expect([meta.exif, meta.xmp, meta.iptc, meta.icc, meta.comments]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  }
});
