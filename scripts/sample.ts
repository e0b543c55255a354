/**
 * `npm run sample -- --out <dir> [--studies N] [--seed S] [--workers W]`
 * Writes a synthetic MosMedData HEMORRHAGE dataset folder (see src/sample/index.ts).
 */
import cliProgress from 'cli-progress';
import type { OnProgress } from '../src/pipeline/progress.ts';
import { DEFAULT_SEED, DEFAULT_STUDIES, generateSample } from '../src/sample/index.ts';
import { MATRICES, type Matrix } from '../src/sample/plan.ts';
import { integerOption, parseOptions, runCommand, UsageError, type HelpAsked } from './lib/cli.ts';

const USAGE = `Usage: npm run sample -- --out <dir> [--studies N] [--seed S] [--matrix M] [--workers W]

Writes a synthetic sample dataset (DICOM studies, dataset_registry.xlsx, README_RU.md,
README_EN.md) into <dir>. An existing <dir> is replaced only if it is empty or an earlier sample.

Options:
  --out <dir>      output folder (required)
  --studies <N>    number of studies, positive integer (default ${DEFAULT_STUDIES})
  --seed <S>       random seed, non-negative integer (default ${DEFAULT_SEED})
  --matrix <M>     128 (default): small layout, 12/16 slices a series, uncompressed;
                   256 or 512: real scale, a thick (5 mm) and a thin (0.625-1.25 mm) series
                   covering the head, 40 % of series JPEG Lossless/JPEG-LS/JPEG 2000/RLE
  --workers <W>    worker threads, 0 = none (default: one per core)
  -h, --help       show this help`;

function matrixOption(value: string | undefined): Matrix | undefined {
  if (value === undefined) return undefined;
  const matrix = MATRICES.find((m) => String(m) === value);
  if (!matrix)
    throw new UsageError(`--matrix must be one of ${MATRICES.join(', ')}, got "${value}"`);
  return matrix;
}

function parse(argv: string[]) {
  const values = parseOptions(argv, {
    out: { type: 'string' },
    studies: { type: 'string' },
    seed: { type: 'string' },
    workers: { type: 'string' },
    matrix: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) return { help: true } as const;
  if (!values.out) throw new UsageError('--out <dir> is required');
  return {
    outDir: values.out,
    studies: integerOption('studies', values.studies, 1),
    seed: integerOption('seed', values.seed, 0),
    workers: integerOption('workers', values.workers, 0),
    matrix: matrixOption(values.matrix),
  };
}

/** A progress bar on a terminal; a line per 10% otherwise (logs, CI). */
function progressReporter(): { onProgress: OnProgress; stop: () => void } {
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        format: 'sample [{bar}] {value}/{total} studies | {eta_formatted} left',
        stream: process.stderr,
      },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      onProgress: ({ done, total }) => {
        if (!started) bar.start(total ?? 0, done);
        started = true;
        bar.update(done);
      },
      stop: () => bar.stop(),
    };
  }
  let lastTenth = -1;
  return {
    onProgress: ({ done, total }) => {
      if (!total) return;
      const tenth = Math.floor((done / total) * 10);
      if (tenth !== lastTenth) {
        lastTenth = tenth;
        console.error(`sample: ${done}/${total} studies`);
      }
    },
    stop: () => {},
  };
}

async function main(options: Exclude<ReturnType<typeof parse>, HelpAsked>): Promise<number> {
  const started = performance.now();
  const { onProgress, stop } = progressReporter();
  try {
    const summary = await generateSample({ ...options, onProgress });
    stop();
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const megabytes = (summary.bytes / 1024 / 1024).toFixed(1);
    console.log(
      `sample: wrote ${summary.studies} studies, ${summary.series} series, ${summary.files} files (${megabytes} MiB) to ${options.outDir} in ${seconds} s`,
    );
    return 0;
  } catch (error) {
    stop();
    console.error(`sample: failed: ${(error as Error).message}`);
    return 1;
  }
}

process.exitCode = await runCommand({
  name: 'sample',
  usage: USAGE,
  parse: () => parse(process.argv.slice(2)),
  main,
});
