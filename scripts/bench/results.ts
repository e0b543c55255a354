import type { RealScaleFigures } from './real-scale-report.ts';
import { check, type TargetCheck } from './target-check.ts';
/**
 * The bench's result file: what was measured, on which machine and commit, and each figure
 * against its target. Plain JSON, so two commits' files can be compared with any diff tool.
 */
import type { Measured } from './stats.ts';

export type { TargetCheck } from './target-check.ts';

export const RESULT_SCHEMA = 'mosmed-bench-1';

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memoryBytes: number;
  node: string;
  platform: string;
  /** 1-minute load average when the bench started: other work skews the figures. */
  loadAverage: number;
  /** 1-minute load average when the bench ended. */
  loadAverageAtEnd?: number;
}

/** One throughput figure: time over the same files, and the rates derived from its median. */
export interface ScanFigure {
  ms: Measured;
  filesPerSecond: number;
  /** Dataset megabytes (10^6 bytes of whole files) covered per second. */
  mbPerSecond: number;
}

/** The "Your copy" page checking a whole copy in Chromium, against GNU sha256sum (scripts/bench/verify.ts). */
export interface VerifyFigures {
  studies: number;
  matrix: number;
  files: number;
  bytes: number;
  /** The page's hashing workers (its rule: min(4, max(2, cores))). */
  workers: number;
  /** Pick to result, in Chromium. */
  chromium: ScanFigure;
  gnu: ScanFigure;
  gnuParallel: ScanFigure;
  /** Seconds the page would take for 100 GB at its median rate. */
  secondsPer100GB: number;
}

/** The checksum pass against GNU sha256sum on the same files (scripts/bench/checksums.ts). */
export interface ChecksumFigures {
  files: number;
  bytes: number;
  concurrency: number;
  /** Starting the pool's workers, before any file is hashed. */
  poolStartMs: Measured;
  /** Our pass, from a started pool. */
  ours: ScanFigure;
  /** GNU sha256sum, one process. */
  gnu: ScanFigure;
  /** GNU sha256sum, `concurrency` processes (xargs -P). */
  gnuParallel: ScanFigure;
}

export interface ScanComparison {
  ours: ScanFigure;
  ioFloor: ScanFigure;
  /** Null when dcmdump is not installed. */
  dcmdump: ScanFigure | null;
}

/** Warm page cache (`ours`, `ioFloor`, `dcmdump`), and `cold` when it could be evicted. */
export interface HeaderScanFigures extends ScanComparison {
  files: number;
  bytes: number;
  cold: ScanComparison | null;
}

export interface ThumbnailFigures {
  series: number;
  /** Slices decoded, windowed (3 presets) and scaled: tiles plus covers. */
  slices: number;
  sheets: number;
  ms: Measured;
  slicesPerSecond: number;
  /** WebP encoding of one sprite sheet, on one thread (median sheet of the dataset). */
  encodeMsPerSheet: Measured;
}

export interface BuildFigures {
  totalMs: Measured;
  /** Each stage of the build's own summary (sample, registry, imaging, ..., astro, pagefind). */
  stages: Record<string, Measured>;
  peakRssBytes: Measured;
}

export interface SizeFigures {
  studies: number;
  headerScan: HeaderScanFigures;
  /** Null when skipped (--skip). */
  thumbnails: ThumbnailFigures | null;
  /** The --checksums pass against GNU sha256sum; null when skipped, absent in older files. */
  checksums?: ChecksumFigures | null;
  build: { cold: BuildFigures; warm: BuildFigures } | null;
}

/** How much slower than GNU sha256sum (as many processes as our workers) the pass may be. */
export const CHECKSUM_LIMIT = 2;

export interface BenchResult {
  schema: typeof RESULT_SCHEMA;
  date: string;
  git: { sha: string; dirty: boolean };
  machine: MachineInfo;
  options: { studies: number; scale: number; runs: number; buildRuns: number; concurrency: number };
  /** How the page cache was treated for the scan figures. */
  pageCache: string;
  sizes: SizeFigures[];
  targets: TargetCheck[];
  /** The real-scale figure (scripts/bench/real-scale.ts), when measured. */
  realScale?: RealScaleFigures;
  /** The "Your copy" page's verify throughput in Chromium (scripts/bench/verify.ts), when measured. */
  verify?: VerifyFigures;
}

/** How much slower per study the larger dataset may be and still count as linear. */
export const LINEAR_TOLERANCE = 1.25;

/**
 * Every target of issue 8 checked against the figures; `sizes[0]` is the base dataset and
 * `sizes[1]`, when present, the scaled one.
 *
 * @example
 * evaluateTargets([base]).find((t) => t.id === 'warm-vs-cold')?.limit // 0.1
 */
export function evaluateTargets(sizes: readonly SizeFigures[]): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const size of sizes) {
    const n = `${size.studies} studies`;
    const compare = (scan: ScanComparison, cache: string) => {
      const suffix = cache === 'warm' ? '' : `-${cache}`;
      checks.push(
        check(
          `scan-vs-io-floor${suffix}@${size.studies}`,
          `${n}, ${cache} page cache: header scan time / I/O floor time`,
          scan.ours.ms.median / scan.ioFloor.ms.median,
          1.5,
          'max',
        ),
      );
      if (scan.dcmdump) {
        checks.push(
          check(
            `scan-vs-dcmdump${suffix}@${size.studies}`,
            `${n}, ${cache} page cache: header scan throughput / dcmdump throughput`,
            scan.ours.filesPerSecond / scan.dcmdump.filesPerSecond,
            2,
            'min',
          ),
        );
      }
    };
    compare(size.headerScan, 'warm');
    if (size.headerScan.cold) compare(size.headerScan.cold, 'cold');
    if (size.checksums) {
      checks.push(
        check(
          `checksums-vs-sha256sum@${size.studies}`,
          `${n}: checksum pass time (pool started) / GNU sha256sum time, ${size.checksums.concurrency} processes`,
          size.checksums.ours.ms.median / size.checksums.gnuParallel.ms.median,
          CHECKSUM_LIMIT,
          'max',
        ),
      );
    }
    if (size.build) {
      checks.push(
        check(
          `warm-vs-cold@${size.studies}`,
          `${n}: warm build time / cold build time`,
          size.build.warm.totalMs.median / size.build.cold.totalMs.median,
          0.1,
          'max',
        ),
      );
    }
  }
  const base = sizes[0];
  if (base?.build) {
    checks.push(
      check(
        'cold-build-seconds',
        `${base.studies} studies: cold build from a fresh clone (sample included), seconds`,
        base.build.cold.totalMs.median / 1000,
        180,
        'max',
      ),
    );
  }
  const large = sizes[1];
  if (base && large) {
    const scale = large.studies / base.studies;
    const perStudyRatio = (a: number, b: number) => b / large.studies / (a / base.studies);
    const linear = (id: string, what: string, a: number, b: number) =>
      checks.push(
        check(
          `linear-${id}`,
          `×${scale}: ${what} time per study, large / base`,
          perStudyRatio(a, b),
          LINEAR_TOLERANCE,
          'max',
        ),
      );
    linear(
      'header-scan',
      'header scan',
      base.headerScan.ours.ms.median,
      large.headerScan.ours.ms.median,
    );
    if (base.thumbnails && large.thumbnails) {
      linear('thumbnails', 'thumbnails', base.thumbnails.ms.median, large.thumbnails.ms.median);
    }
    if (base.build && large.build) {
      linear(
        'cold-build',
        'cold build',
        base.build.cold.totalMs.median,
        large.build.cold.totalMs.median,
      );
      checks.push(
        check(
          'peak-memory-scaling',
          `×${scale}: cold build peak memory, large / base`,
          large.build.cold.peakRssBytes.median / base.build.cold.peakRssBytes.median,
          1.5,
          'max',
        ),
      );
    }
  }
  return checks;
}

/**
 * The result file's name: sortable by date, tied to the commit.
 *
 * @example
 * resultFileName(new Date('2026-11-27T00:10:00Z'), 'abc1234') // '2026-11-27T00-10-00Z-abc1234.json'
 */
export function resultFileName(date: Date, sha: string): string {
  const stamp = date
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replaceAll(':', '-');
  return `${stamp}-${sha}.json`;
}
