/**
 * The thumbnail figures: the build's renderThumbnails (worker pool, cache empty) over every
 * series of the dataset, and the WebP encoding of one sprite sheet timed on its own.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { WINDOW_PRESET_IDS } from '../../src/domain/window-presets.ts';
import { openCache } from '../../src/pipeline/imaging/cache/cache.ts';
import { spritesCacheDir } from '../../src/pipeline/imaging/cache/sprites.ts';
import { WorkerPool } from '../../src/pipeline/imaging/workers/pool.ts';
import { planStudies } from '../../src/pipeline/imaging/plan/plan-studies.ts';
import { pickSlices } from '../../src/pipeline/imaging/render/sprite-layout.ts';
import { WEBP } from '../../src/pipeline/imaging/render/sheets.ts';
import { renderThumbnails } from '../../src/pipeline/imaging/render/thumbnails.ts';
import type { FileScan } from '../../src/pipeline/imaging/types.ts';

/** Sheets re-encoded for the per-sheet figure: enough for a stable median, quick to run. */
const ENCODE_SAMPLE = 24;

export interface RenderRun {
  ms: number;
  series: number;
  slices: number;
  sheets: number;
  /** Median single-thread WebP encoding time of a sample of the produced sheets. */
  encodeMs: number;
}

/** Renders every series of the scanned dataset into a throw-away cache and times it. */
export async function measureThumbnails(
  datasetDir: string,
  scans: FileScan[],
  studyFolders: string[],
  concurrency: number,
): Promise<RenderRun> {
  // UIDs stay as they are: the benchmark publishes no findings.
  const plan = planStudies(scans, studyFolders, (uid) => uid);
  const series = plan.studies.flatMap((s) => s.series);
  // Each series decodes its tiles and, separately, its cover slice.
  const slices = series.reduce((sum, s) => sum + pickSlices(s.files.length).length + 1, 0);
  const work = await mkdtemp(join(tmpdir(), 'mosmed-bench-thumbs-'));
  const pool = new WorkerPool(concurrency);
  try {
    const cacheDir = join(work, 'cache');
    const cache = openCache(cacheDir);
    const start = performance.now();
    const renders = await renderThumbnails(plan.studies, {
      datasetDir,
      cacheDir,
      cache,
      getPool: () => pool,
      progress: () => {},
    });
    const ms = performance.now() - start;
    cache.close();
    const failed = [...renders.values()].flatMap(({ result }) =>
      result.status === 'failed' ? [result.file] : [],
    );
    if (failed.length > 0)
      throw new Error(`${failed.length} series failed to render, e.g. ${failed[0]}`);
    const sheetFiles = (await readdir(spritesCacheDir(cacheDir))).filter((name) =>
      WINDOW_PRESET_IDS.some((preset) => name.endsWith(`-${preset}.webp`)),
    );
    const encodeMs = await medianEncodeMs(spritesCacheDir(cacheDir), sheetFiles);
    return { ms, series: series.length, slices, sheets: sheetFiles.length, encodeMs };
  } finally {
    await pool.close();
    await rm(work, { recursive: true, force: true });
  }
}

/** Decodes a spread-out sample of sheets to raw grey, then times encoding each back to WebP. */
async function medianEncodeMs(dir: string, names: string[]): Promise<number> {
  const step = Math.max(1, Math.floor(names.length / ENCODE_SAMPLE));
  const sample = names.filter((_, i) => i % step === 0).slice(0, ENCODE_SAMPLE);
  if (sample.length === 0) throw new Error('no sprite sheet was rendered');
  sharp.concurrency(1); // as in the build's workers: one libvips thread per sheet
  const times: number[] = [];
  for (const name of sample) {
    const { data, info } = await sharp(join(dir, name))
      .greyscale()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const raw = { width: info.width, height: info.height, channels: 1 as const };
    const pixels = info.channels === 1 ? data : extractFirstChannel(data, info.channels);
    const start = performance.now();
    await sharp(pixels, { raw }).webp(WEBP).toBuffer();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

function extractFirstChannel(data: Buffer, channels: number): Buffer {
  const out = Buffer.alloc(data.length / channels);
  for (let i = 0; i < out.length; i++) out[i] = data[i * channels]!;
  return out;
}
