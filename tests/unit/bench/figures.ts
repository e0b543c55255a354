/** Made-up bench figures for the bench's pure helpers' tests. */
import { buildFigures, scanFigure } from '../../../scripts/bench/aggregate.ts';
import {
  RESULT_SCHEMA,
  evaluateTargets,
  type BenchResult,
  type SizeFigures,
} from '../../../scripts/bench/results.ts';

/** A dataset's figures where every time is proportional to `studies` times `perStudy`. */
export function size(
  studies: number,
  perStudy = 1,
  over: Partial<Record<string, number>> = {},
): SizeFigures {
  const build = (totalMs: number, peak: number) =>
    buildFigures([
      { wallMs: totalMs, stages: [{ stage: 'imaging', ms: totalMs * 0.8 }], peakRssBytes: peak },
    ]);
  const files = studies * 25;
  return {
    studies,
    headerScan: {
      files,
      bytes: files * 34_000,
      ours: scanFigure([over['scan'] ?? studies * perStudy * 12], files, files * 34_000),
      ioFloor: scanFigure([studies * perStudy * 10], files, files * 34_000),
      dcmdump: scanFigure([over['dcmdump'] ?? studies * perStudy * 30], files, files * 34_000),
      cold: null,
    },
    thumbnails: {
      series: studies,
      slices: studies * 25,
      sheets: studies * 3,
      ms: { median: studies * perStudy * 100, min: 0, max: 0, runs: [] },
      slicesPerSecond: 1,
      encodeMsPerSheet: { median: 20, min: 20, max: 20, runs: [20] },
    },
    build: {
      cold: build(over['cold'] ?? studies * perStudy * 150, over['coldPeak'] ?? 400e6),
      warm: build(over['warm'] ?? studies * perStudy * 10, 300e6),
    },
  };
}

/** A whole result file of these sizes, its targets evaluated. */
export function resultOf(sizes: SizeFigures[]): BenchResult {
  return {
    schema: RESULT_SCHEMA,
    date: '2026-11-27T00:10:05.000Z',
    git: { sha: 'abc1234', dirty: false },
    machine: {
      cpuModel: 'Test CPU',
      cores: 2,
      memoryBytes: 24 * 2 ** 30,
      node: 'v24.0.0',
      platform: 'linux',
      loadAverage: 0.5,
    },
    options: { studies: 800, scale: 5, runs: 3, buildRuns: 2, concurrency: 2 },
    pageCache: 'warm',
    sizes,
    targets: evaluateTargets(sizes),
  };
}
