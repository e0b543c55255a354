import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { WINDOW_PRESETS, WINDOW_PRESET_IDS } from '../../../src/domain/window-presets.ts';
import {
  UnsupportedTransferSyntax,
  decodeHu,
  decodeSamples,
  storedToHu,
} from '../../../src/pipeline/imaging/pixels/pixels.ts';
import { parseDicomBytes } from '../../../src/pipeline/imaging/dicom/parse.ts';
import { readFileHeader } from '../../../src/pipeline/imaging/header/read-header.ts';
import { decodeRle } from '../../../src/pipeline/imaging/pixels/rle.ts';
import type { ImageHeader } from '../../../src/pipeline/imaging/types.ts';
import { applyLut, applyWindow, windowLut } from '../../../src/pipeline/imaging/render/window.ts';
import {
  phantomHu,
  storedFromHu,
  writeCtFile,
  type FixtureSyntax,
  type SliceSpec,
} from '../../fixtures/dicom/ct-files.ts';

const dir = mkdtempSync(join(tmpdir(), 'imaging-pixels-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SIZE = 48;
/**
 * The phantom plus two ramps in the top rows, so the windows see many grey levels: one over
 * the whole CT range, one 1 HU per pixel through the soft-tissue range.
 */
function testHu(): Int16Array {
  const hu = phantomHu(SIZE, 3);
  const half = SIZE * 4;
  for (let i = 0; i < half; i++) hu[i] = Math.round(-1100 + (i * 3300) / half);
  for (let i = 0; i < half; i++) hu[half + i] = -40 + i;
  return hu;
}
const hu = testHu();
const spec: SliceSpec = {
  rows: SIZE,
  columns: SIZE,
  stored: storedFromHu(hu),
  studyUid: '1.2.3',
  seriesUid: '1.2.3.4',
  instanceUid: '1.2.3.4.5',
  position: [0, 0, 0],
};

let n = 0;
function write(syntax: FixtureSyntax, overrides: Partial<SliceSpec> = {}): string {
  const path = join(dir, `${syntax}-${n++}.dcm`);
  writeCtFile(path, { ...spec, ...overrides }, syntax);
  return path;
}
function headerOf(path: string): ImageHeader {
  const outcome = readFileHeader(path, statSync(path).size);
  if (!('header' in outcome)) throw new Error(outcome.detail);
  return outcome.header;
}
/** Pearson correlation of two equally long series. */
function correlation(a: readonly number[], b: readonly number[]): number {
  const mean = (x: readonly number[]) => x.reduce((sum, v) => sum + v, 0) / x.length;
  const [ma, mb] = [mean(a), mean(b)];
  let [ab, aa, bb] = [0, 0, 0];
  a.forEach((v, i) => {
    ab += (v - ma) * (b[i]! - mb);
    aa += (v - ma) ** 2;
    bb += (b[i]! - mb) ** 2;
  });
  return ab / Math.sqrt(aa * bb);
}

async function decode(path: string) {
  return decodeHu(new Uint8Array(readFileSync(path)), headerOf(path));
}

describe('lossless syntaxes decode to exactly the original HU', () => {
  const lossless: FixtureSyntax[] = [
    'explicit-le',
    'implicit-le',
    'explicit-be',
    'deflated',
    'raw-explicit-le',
    'raw-implicit-le',
    'raw-explicit-be',
    'rle',
    'jpeg-lossless',
    'jpeg-lossless-sv1',
    'jpeg-ls',
    'jpeg-2000',
  ];
  it.each(lossless)('%s', async (syntax) => {
    const image = await decode(write(syntax));
    expect(image.width).toBe(SIZE);
    expect(image.height).toBe(SIZE);
    expect(Array.from(image.hu)).toEqual(Array.from(hu));
  });
});

it('joins a frame split over several fragments', async () => {
  const path = write('jpeg-ls-fragments');
  const { dataSet } = parseDicomBytes(
    new Uint8Array(readFileSync(path)),
    statSync(path).size,
    false,
  );
  expect(dataSet.elements['x7fe00010']!.fragments!.length).toBeGreaterThan(1);
  expect(Array.from((await decode(path)).hu)).toEqual(Array.from(hu));
});

it('decodes 8-bit JPEG baseline close to the original (lossy)', async () => {
  // Baseline JPEG is 8-bit: store HU/8 + 128 with slope 8, intercept -1024.
  const stored = Uint8Array.from(hu, (v) => Math.max(0, Math.min(255, Math.round((v + 1024) / 8))));
  const expected = Array.from(stored, (v) => v * 8 - 1024);
  const path = write('jpeg-baseline', { bits: 8, stored, slope: 8, intercept: -1024 });
  const image = await decode(path);
  const meanError =
    expected.reduce((sum, v, i) => sum + Math.abs(v - image.hu[i]!), 0) / expected.length;
  expect(meanError).toBeLessThan(8 * 4); // a few 8-bit levels
  // Control: the file really is lossy (not bit-exact), so this is the baseline decoder's test.
  expect(meanError).toBeGreaterThan(0);
  // And the picture is the same picture, pixel for pixel in place (not shifted, transposed or
  // flattened, which a mean error alone could let through on a mostly uniform image).
  expect(correlation(expected, Array.from(image.hu))).toBeGreaterThan(0.99);
});

it('refuses a transfer syntax without a decoder, naming it', async () => {
  const path = write('jpeg-extended');
  await expect(decode(path)).rejects.toBeInstanceOf(UnsupportedTransferSyntax);
  await expect(decode(path)).rejects.toThrow(/JPEG Extended.*1\.2\.840\.10008\.1\.2\.4\.51/);
});

describe('our window against dcmtk (dcmj2pnm +Ww) on the same slice', () => {
  const path = write('explicit-le');
  it.each(WINDOW_PRESET_IDS)('%s preset is within ±1 grey level', async (preset) => {
    const { center, width } = WINDOW_PRESETS[preset];
    const pgm = execFileSync('dcmj2pnm', ['+Ww', String(center), String(width), '+op', path]);
    const reference = parsePgm(pgm);
    expect([reference.width, reference.height]).toEqual([SIZE, SIZE]);
    const ours = applyWindow((await decode(path)).hu, center, width);
    let worst = 0;
    for (let i = 0; i < ours.length; i++)
      worst = Math.max(worst, Math.abs(ours[i]! - reference.pixels[i]!));
    expect(worst).toBeLessThanOrEqual(1);
    // The ramp makes the comparison meaningful: the window spans many grey levels.
    expect(new Set(ours).size).toBeGreaterThan(40);
    // The renderer's lookup-table path gives exactly the same grey levels.
    const header = headerOf(path);
    const frame = await decodeSamples(new Uint8Array(readFileSync(path)), header);
    expect(Array.from(applyLut(frame.samples, windowLut(header, center, width)))).toEqual(
      Array.from(ours),
    );
  });
});

it('inverts MONOCHROME1 after the window, as dcmtk displays it', async () => {
  const path = write('explicit-le', { photometric: 'MONOCHROME1' });
  const { center, width } = WINDOW_PRESETS.brain;
  const reference = parsePgm(
    execFileSync('dcmj2pnm', ['+Ww', String(center), String(width), '+op', path]),
  );
  const ours = applyWindow(
    (await decode(path)).hu,
    center,
    width,
    headerOf(path).photometric === 'MONOCHROME1',
  );
  let worst = 0;
  for (let i = 0; i < ours.length; i++)
    worst = Math.max(worst, Math.abs(ours[i]! - reference.pixels[i]!));
  expect(worst).toBeLessThanOrEqual(1);
  expect(ours[0]).toBe(255); // air (-1100 HU) is white in MONOCHROME1
});

function parsePgm(bytes: Buffer): { width: number; height: number; pixels: Uint8Array } {
  // P5 <width> <height> <maxval> then one whitespace byte and binary pixels.
  const match = /^P5\s+(?:#.*\s+)*(\d+)\s+(\d+)\s+(\d+)\s/.exec(
    bytes.subarray(0, 200).toString('latin1'),
  );
  if (!match) throw new Error('not a binary PGM');
  const width = Number(match[1]);
  const height = Number(match[2]);
  return {
    width,
    height,
    pixels: bytes.subarray(match[0].length, match[0].length + width * height),
  };
}

describe('stored values to HU', () => {
  const h = { rescaleSlope: 1, rescaleIntercept: 0 };
  it('masks to BitsStored and sign-extends signed pixels', () => {
    expect(
      Array.from(
        storedToHu([0x0fff, 0x0800, 0x07ff, 0xf001], {
          ...h,
          bitsStored: 12,
          pixelRepresentation: 1,
        }),
      ),
    ).toEqual([-1, -2048, 2047, 1]);
  });
  it('keeps unsigned values and applies slope and intercept', () => {
    expect(
      Array.from(
        storedToHu([0, 1000, 0xffff], {
          bitsStored: 16,
          pixelRepresentation: 0,
          rescaleSlope: 2,
          rescaleIntercept: -1024,
        }),
      ),
    ).toEqual([-1024, 976, 130046]);
  });
  it('accepts signed input samples', () => {
    expect(
      Array.from(
        storedToHu(Int16Array.from([-1024, 0, 3071]), {
          ...h,
          bitsStored: 16,
          pixelRepresentation: 1,
        }),
      ),
    ).toEqual([-1024, 0, 3071]);
  });
});

describe('VOI window', () => {
  it('follows the DICOM linear function at its edges', () => {
    // c=40, w=80: x <= 0 → 0, x > 79 → 255, else ((x - 39.5) / 79 + 0.5) × 255.
    expect(Array.from(applyWindow(Float32Array.from([-1, 0, 1, 40, 78, 79, 80]), 40, 80))).toEqual([
      0, 0, 3, 129, 252, 255, 255,
    ]);
  });
  it('inverts for MONOCHROME1', () => {
    expect(Array.from(applyWindow(Float32Array.from([-1000, 1000]), 40, 80, true))).toEqual([
      255, 0,
    ]);
  });
});

describe('RLE decoder (PS3.5 Annex G)', () => {
  function frame(segments: number[][]): Uint8Array {
    const header = new Uint8Array(64);
    const view = new DataView(header.buffer);
    view.setUint32(0, segments.length, true);
    let offset = 64;
    segments.forEach((s, i) => {
      view.setUint32(4 + 4 * i, offset, true);
      offset += s.length;
    });
    return Uint8Array.from([...header, ...segments.flat()]);
  }
  it('decodes literal and replicate runs', () => {
    expect(Array.from(decodeRle(frame([[1, 5, 6, 0xfe, 9]]), 1, 5, 8))).toEqual([5, 6, 9, 9, 9]);
  });
  it('puts the first segment in the high byte of 16-bit samples', () => {
    expect(
      Array.from(
        decodeRle(
          frame([
            [0xff, 0x12],
            [1, 0x34, 0x56],
          ]),
          1,
          2,
          16,
        ),
      ),
    ).toEqual([0x1234, 0x1256]);
  });
  it('rejects a frame whose segments are too short', () => {
    expect(() => decodeRle(frame([[0, 1]]), 2, 2, 8)).toThrow(/1 of 4 bytes/);
  });
});
