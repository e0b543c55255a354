/**
 * The `npm run bench` command line. Pure (argv in, options out) so it is tested without a process.
 */
import { join, resolve } from 'node:path';
import { integerOption, parseOptions, UsageError } from '../lib/cli.ts';

export interface BenchArgs {
  /** Size of the base dataset (studies). */
  studies: number;
  /** The second dataset is `studies × scale` studies; 1 measures the base size only. */
  scale: number;
  /** Runs of the quick figures (header scan, thumbnails). */
  runs: number;
  /** Runs of each whole build (cold, warm). */
  buildRuns: number;
  /** Results folder. */
  out: string;
  /** Worker count (header scan, thumbnails, build, dcmdump processes). */
  concurrency: number;
  /** Figures not measured (`builds`: use the sample already generated for each size). */
  skip: Set<SkippableFigure>;
  /** Studies of the real-scale sample (512×512, thick + thin series). */
  realScaleStudies: number;
  /** Runs of ours and of the peer in the real-scale figure (alternating). */
  realScaleRuns: number;
  /** Measure only the real-scale figure. */
  realScaleOnly: boolean;
  /** Studies of the 512×512 sample the "Your copy" page verifies in Chromium. */
  verifyStudies: number;
  /** Measure only the verify figure. */
  verifyOnly: boolean;
  /** Compare two result files instead of measuring: `before` with `after`. */
  compare: { before: string; after: string } | null;
  help: boolean;
}

export const SKIPPABLE = [
  'builds',
  'thumbnails',
  'checksums',
  'real-scale',
  'verify',
  'small-sample',
] as const;
export type SkippableFigure = (typeof SKIPPABLE)[number];

/** `--quick`: a smoke run in a minute or two, to check the tool itself, not the figures. */
export const QUICK = { studies: 40, scale: 2, runs: 1, buildRuns: 1, verifyStudies: 2 } as const;

export const DEFAULTS = {
  studies: 800,
  scale: 5,
  runs: 3,
  out: 'bench/results',
  realScaleStudies: 20,
  verifyStudies: 20,
} as const;

export const USAGE = `Usage: npm run bench -- [options]

Measures the build on generated synthetic datasets and writes
<out>/<date>-<git sha>.json and <out>/latest.json.

  --studies <n>       base dataset size in studies (default ${DEFAULTS.studies})
  --scale <k>         also measure a dataset k times larger; 1 = base only (default ${DEFAULTS.scale})
  --runs <n>          runs of the header-scan and thumbnail figures (default ${DEFAULTS.runs})
  --build-runs <n>    runs of each whole build, cold and warm (default: max(2, runs))
  --concurrency <n>   worker threads / dcmdump processes (default: number of cores)
  --out <dir>         results folder (default ${DEFAULTS.out})
  --skip <list>       figures to leave out, comma-separated: builds, thumbnails, checksums,
                      real-scale, verify, small-sample
                      (without builds, each size's sample must already exist)
  --real-scale-studies <n>
                      studies of the real-scale sample, 512×512 (default ${DEFAULTS.realScaleStudies})
  --real-scale-runs <n>
                      rounds of our cold build, the encode floor and both peers,
                      alternating ABCD, DCBA (default 2)
  --real-scale-only   measure only the real-scale figure (ours against the encode floor and
                      the pydicom peers)
  --verify-studies <n>
                      studies of the 512×512 sample the "Your copy" page verifies in
                      Chromium, against sha256sum (default ${DEFAULTS.verifyStudies}; --quick: ${QUICK.verifyStudies})
  --verify-only       measure only the verify figure
  --compare <file>    measure nothing: print <file>'s figures next to <out>/latest.json's
  --to <file>         with --compare: the result file to compare with, instead of latest.json
  --quick             smoke run: --studies ${QUICK.studies} --scale ${QUICK.scale} --runs ${QUICK.runs} --build-runs ${QUICK.buildRuns}
                      (explicit options still win)
  -h, --help          show this help`;

/**
 * Parses bench arguments; a relative --out resolves against `cwd`.
 *
 * @example
 * parseBenchArgs(['--quick'], '/p', 2).studies // 40
 */
export function parseBenchArgs(argv: readonly string[], cwd: string, cores: number): BenchArgs {
  const values = parseOptions(argv, {
    studies: { type: 'string' },
    scale: { type: 'string' },
    runs: { type: 'string' },
    'build-runs': { type: 'string' },
    concurrency: { type: 'string' },
    out: { type: 'string' },
    quick: { type: 'boolean', default: false },
    skip: { type: 'string' },
    compare: { type: 'string' },
    'real-scale-studies': { type: 'string' },
    'real-scale-only': { type: 'boolean', default: false },
    'real-scale-runs': { type: 'string' },
    'verify-studies': { type: 'string' },
    'verify-only': { type: 'boolean', default: false },
    to: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  });
  const base = values.quick ? QUICK : DEFAULTS;
  const runs = integerOption('runs', values.runs) ?? base.runs;
  const buildRuns =
    integerOption('build-runs', values['build-runs']) ??
    (values.quick ? QUICK.buildRuns : Math.max(2, runs));
  const skip = new Set<SkippableFigure>();
  for (const name of (values.skip ?? '').split(',').filter(Boolean)) {
    if (!(SKIPPABLE as readonly string[]).includes(name)) {
      throw new UsageError(`--skip takes ${SKIPPABLE.join(', ')}; got "${name}"`);
    }
    skip.add(name as SkippableFigure);
  }
  if (values.to !== undefined && values.compare === undefined) {
    throw new UsageError('--to is only used with --compare');
  }
  const out = resolve(cwd, values.out ?? DEFAULTS.out);
  const compare =
    values.compare === undefined
      ? null
      : {
          before: resolve(cwd, values.compare),
          after: resolve(cwd, values.to ?? join(out, 'latest.json')),
        };
  return {
    skip,
    compare,
    studies: integerOption('studies', values.studies) ?? base.studies,
    scale: integerOption('scale', values.scale) ?? base.scale,
    runs,
    buildRuns,
    concurrency: integerOption('concurrency', values.concurrency) ?? Math.max(1, cores),
    realScaleStudies:
      integerOption('real-scale-studies', values['real-scale-studies']) ??
      DEFAULTS.realScaleStudies,
    realScaleOnly: values['real-scale-only'],
    verifyStudies:
      integerOption('verify-studies', values['verify-studies']) ??
      (values.quick ? QUICK.verifyStudies : DEFAULTS.verifyStudies),
    verifyOnly: values['verify-only'],
    realScaleRuns: integerOption('real-scale-runs', values['real-scale-runs']) ?? 2,
    out,
    help: values.help,
  };
}
