/** Turning runs into figures (pure): medians over runs, rates from the median time. */
import type { StageTime } from './build-summary.ts';
import type { BuildFigures, ScanFigure } from './results.ts';
import { perSecond, summarize } from './stats.ts';

/** What the build's own stage timings do not cover: Node start-up, imports, the summary. */
export const OTHER_STAGE = 'startup+other';

export interface BuildRunFigures {
  wallMs: number;
  stages: StageTime[];
  peakRssBytes: number;
}

/**
 * Median figures of several build runs; every stage that appears in any run is listed (0 where
 * a run did not have it), plus the wall time the stages do not account for.
 *
 * @example
 * buildFigures([{ wallMs: 1200, stages: [{ stage: 'astro', ms: 1000 }], peakRssBytes: 1 }])
 *   .stages['startup+other'].median // 200
 */
export function buildFigures(runs: readonly BuildRunFigures[]): BuildFigures {
  if (runs.length === 0) throw new RangeError('no build runs');
  const names: string[] = [];
  for (const run of runs)
    for (const s of run.stages) if (!names.includes(s.stage)) names.push(s.stage);
  const stages: Record<string, ReturnType<typeof summarize>> = {};
  for (const name of names) {
    stages[name] = summarize(
      runs.map((run) =>
        run.stages.filter((s) => s.stage === name).reduce((sum, s) => sum + s.ms, 0),
      ),
    );
  }
  stages[OTHER_STAGE] = summarize(
    runs.map((run) => Math.max(0, run.wallMs - run.stages.reduce((sum, s) => sum + s.ms, 0))),
  );
  return {
    totalMs: summarize(runs.map((r) => r.wallMs)),
    stages,
    peakRssBytes: summarize(runs.map((r) => r.peakRssBytes)),
  };
}

/**
 * A throughput figure from the run times over `files` files of `bytes` bytes in all.
 *
 * @example
 * scanFigure([2000, 1000, 3000], 100, 5e6).filesPerSecond // 50
 */
export function scanFigure(runsMs: readonly number[], files: number, bytes: number): ScanFigure {
  const ms = summarize(runsMs);
  return {
    ms,
    filesPerSecond: perSecond(files, ms.median),
    mbPerSecond: perSecond(bytes / 1e6, ms.median),
  };
}
