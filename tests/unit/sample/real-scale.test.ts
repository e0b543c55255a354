/**
 * The real-scale layout (`--matrix 256|512`): series shaped like the real dataset's, a share of
 * every compressed syntax the pipeline supports, files that dciodvfy accepts and that dcmtk and
 * our own decoders read back to exactly the pixels written; and a phantom whose low slices show
 * the skull base and whose noise follows the dose.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeSamples } from '../../../src/pipeline/imaging/pixels/pixels.ts';
import { readFileHeader } from '../../../src/pipeline/imaging/header/read-header.ts';
import { ctImageFile } from '../../../src/sample/ct-image.ts';
import { loadWasmEncoders } from '../../../src/sample/encode/index.ts';
import { buildGrid } from '../../../src/sample/geometry.ts';
import { phantomSlice } from '../../../src/sample/phantom.ts';
import { planSample } from '../../../src/sample/plan.ts';
import { noiseSd, renderSlice } from '../../../src/sample/render.ts';
import { createRng } from '../../../src/sample/rng.ts';
import {
  JPEG_2000_LOSSLESS,
  JPEG_LOSSLESS_SV1,
  JPEG_LS_LOSSLESS,
  NATIVE_SYNTAX,
  RLE_LOSSLESS,
} from '../../../src/sample/syntaxes.ts';
import { dciodvfy } from './dicom-tools.ts';

const run = promisify(execFile);
const plan = planSample({ studies: 200, seed: 5, matrix: 512 });

describe('real-scale plan', () => {
  it('gives every study a thick and a thin series covering the head, slice counts from thickness', () => {
    for (const study of plan.studies) {
      expect(study.series).toHaveLength(2);
      const [thick, thin] = study.series;
      expect(thick!.sliceThickness).toBe(5);
      expect(thick!.sliceZ.length).toBeGreaterThanOrEqual(30);
      expect(thick!.sliceZ.length).toBeLessThanOrEqual(40);
      expect(thin!.sliceThickness).toBeGreaterThanOrEqual(0.6);
      expect(thin!.sliceThickness).toBeLessThanOrEqual(1.25);
      expect(thin!.sliceZ.length).toBeGreaterThanOrEqual(115);
      expect(thin!.sliceZ.length).toBeLessThanOrEqual(300);
      for (const series of study.series) {
        expect(series.rows).toBe(512);
        expect(series.spacing).toBe(series.sliceThickness);
        // From below the foramen magnum to near the vertex (head-centred z).
        expect(Math.min(...series.sliceZ)).toBeLessThanOrEqual(-70);
        expect(Math.max(...series.sliceZ)).toBeGreaterThanOrEqual(70);
      }
    }
  });

  it('keeps the labels and demographics of the small layout', () => {
    const small = planSample({ studies: 200, seed: 5 });
    const strip = (p: typeof plan) =>
      p.studies.map(({ uid, age, sex, findings, conclusion }) => ({
        uid,
        age,
        sex,
        findings,
        conclusion,
      }));
    expect(strip(plan)).toEqual(strip(small));
  });

  it('writes about 60 % of series uncompressed and each lossless compressed syntax in the rest', () => {
    const counts = new Map<string, number>();
    for (const series of plan.studies.flatMap((s) => s.series)) {
      counts.set(series.transferSyntax, (counts.get(series.transferSyntax) ?? 0) + 1);
    }
    const total = plan.studies.length * 2;
    expect(counts.get(NATIVE_SYNTAX)! / total).toBeGreaterThan(0.5);
    expect(counts.get(NATIVE_SYNTAX)! / total).toBeLessThan(0.7);
    for (const syntax of [JPEG_LOSSLESS_SV1, JPEG_LS_LOSSLESS, JPEG_2000_LOSSLESS, RLE_LOSSLESS]) {
      expect(counts.get(syntax) ?? 0).toBeGreaterThan(total * 0.05);
    }
  });
});

describe('compressed files', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'real-scale-'));
    await loadWasmEncoders();
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  // A 512 study's thick series with a low and a mid slice, written in each syntax.
  const study = plan.studies.find((s) => s.series[0]!.bitsStored === 16)!;
  const base = study.series[0]!;
  const grid = buildGrid(base, study.head);
  const pixels = renderSlice(
    {
      grid,
      head: study.head,
      lesions: study.lesions,
      z: -45,
      kernelKind: 'bone',
      rng: createRng(3),
    },
    16,
    noiseSd({ ...base, kernelKind: 'bone' }),
  );
  const dcmtkDecoder: Record<string, string | null> = {
    [JPEG_LOSSLESS_SV1]: 'dcmdjpeg',
    [JPEG_LS_LOSSLESS]: 'dcmdjpls',
    [RLE_LOSSLESS]: 'dcmdrle',
    [JPEG_2000_LOSSLESS]: null, // dcmtk has no JPEG 2000 codec
  };

  for (const syntax of Object.keys(dcmtkDecoder)) {
    it(`writes ${syntax} that dciodvfy accepts and that dcmtk and the pipeline decode exactly`, async () => {
      const series = { ...base, transferSyntax: syntax };
      const path = join(dir, `${syntax}.dcm`);
      const bytes = ctImageFile({ study, series, slice: 0, pixels });
      await writeFile(path, bytes);
      expect((await dciodvfy(path)).errors).toEqual([]);
      expect(bytes.length).toBeLessThan(pixels.length * 2); // it did compress

      const outcome = readFileHeader(path, bytes.length);
      if (!('header' in outcome)) throw new Error(`header not read: ${JSON.stringify(outcome)}`);
      expect(outcome.header.transferSyntax).toBe(syntax);
      const frame = await decodeSamples(bytes, outcome.header);
      const decoded = Int16Array.from(frame.samples, (v) => (v << 16) >> 16);
      expect(decoded).toEqual(pixels);

      const tool = dcmtkDecoder[syntax];
      if (tool) {
        const plain = join(dir, `${syntax}-plain.dcm`);
        await run(tool, [path, plain]);
        const out = await readFile(plain);
        // dcmtk writes native explicit little endian: the pixel data is the file's tail.
        const tail = out.subarray(out.length - pixels.length * 2);
        expect(
          new Int16Array(tail.buffer.slice(tail.byteOffset, tail.byteOffset + tail.length)),
        ).toEqual(pixels);
      }
    });
  }
});

describe('real-scale phantom', () => {
  const study = plan.studies[0]!;
  const series = study.series[0]!;
  const grid = buildGrid(series, study.head);
  const slice = (z: number) =>
    phantomSlice({ grid, head: study.head, lesions: [], z, kernelKind: 'soft', rng: createRng(1) });
  const share = (image: Float32Array, test: (hu: number) => boolean) =>
    image.filter(test).length / image.length;

  it('shows orbital fat, air sinuses and dense petrous bone near the skull base, none at the vertex', () => {
    const low = slice(-42);
    const high = slice(50);
    expect(share(low, (hu) => hu > -120 && hu < -70)).toBeGreaterThan(0.002); // orbital fat
    expect(share(low, (hu) => hu >= 1850)).toBeGreaterThan(0.002); // petrous ridges
    expect(share(high, (hu) => hu > -120 && hu < -70)).toBe(0);
    // Air inside the head (sinuses, mastoid cells) only low down.
    const insideAir = (image: Float32Array) => {
      let count = 0;
      for (let i = 0; i < image.length; i++) {
        if (image[i]! < -900 && grid.rho[i]! < 0.6 * grid.outerRadius[i]!) count++;
      }
      return count;
    };
    expect(insideAir(low)).toBeGreaterThan(100);
    expect(insideAir(high)).toBe(0);
  });

  it('makes noise grow as the tube current and the slice thickness fall', () => {
    const measure = (tubeCurrent: number, sliceThickness: number) => {
      const sd = noiseSd({ kernelKind: 'bone', tubeCurrent, sliceThickness });
      const input = { grid, head: study.head, lesions: [], z: 20, kernelKind: 'bone' as const };
      const clean = phantomSlice({ ...input, rng: createRng(1) });
      const noisy = renderSlice({ ...input, rng: createRng(2) }, 16, sd);
      let sum = 0;
      let sum2 = 0;
      let n = 0;
      for (let i = 0; i < clean.length; i++) {
        if (clean[i]! < 0 || clean[i]! > 100) continue; // brain and CSF, away from bone and air
        const d = noisy[i]! - 1024 - clean[i]!;
        sum += d;
        sum2 += d * d;
        n++;
      }
      return Math.sqrt(sum2 / n - (sum / n) ** 2);
    };
    const full = measure(300, 5);
    expect(measure(75, 5) / full).toBeCloseTo(2, 0.5);
    expect(measure(300, 1.25) / full).toBeCloseTo(2, 0.5);
  });
});
