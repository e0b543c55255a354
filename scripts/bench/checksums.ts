/**
 * The checksum figure: the --checksums pass (computeChecksums over the imaging WorkerPool, empty
 * cache on disk) against GNU sha256sum on the same files, warm page cache, runs alternating. Ours is
 * timed from a started pool; starting the pool (each worker loading its modules) is timed on
 * its own, as a build starts the pool once for the header scan, the checksums and the
 * thumbnails. GNU runs as one process and as `xargs -P n` processes (the pool's parallelism).
 *
 * Part of `npm run bench` (each dataset size); also runs alone:
 * `node_modules/.bin/node scripts/bench/checksums.ts [datasetDir] [--concurrency n] [--runs n]`
 * (default dataset: the newest sample in .cache/sample).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openCache } from '../../src/pipeline/imaging/cache/cache.ts';
import { computeChecksums } from '../../src/pipeline/imaging/checksums/checksums.ts';
import { WorkerPool } from '../../src/pipeline/imaging/workers/pool.ts';
import type { FileStat } from '../../src/pipeline/imaging/types.ts';
import { listStudyFiles } from '../../src/pipeline/imaging/list/walk.ts';
import { scanFigure } from './aggregate.ts';
import type { ChecksumFigures, ScanFigure } from './results.ts';
import { summarize } from './stats.ts';

/** Files per sha256sum invocation under xargs (its start-up amortised as our batches are). */
const GNU_BATCH = 256;

export function runGnu(
  datasetDir: string,
  files: readonly FileStat[],
  parallel: number,
): Promise<number> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const child = execFile(
      'xargs',
      ['-0', '-P', String(parallel), '-n', String(GNU_BATCH), 'sha256sum', '--'],
      { cwd: datasetDir, maxBuffer: 1 << 30 },
      (error) => (error ? reject(error) : resolve(performance.now() - start)),
    );
    child.stdin!.end(files.map((f) => f.rel).join('\0'));
  });
}

/** One run of ours: the pool's start-up, then the pass itself. */
async function runOurs(
  datasetDir: string,
  files: readonly FileStat[],
  concurrency: number,
): Promise<{ startMs: number; hashMs: number }> {
  const begin = performance.now();
  const pool = new WorkerPool(concurrency);
  // An empty cache on disk, as a first build with --checksums has (each batch is stored).
  const cacheDir = mkdtempSync(join(tmpdir(), 'bench-checksums-'));
  const cache = openCache(cacheDir);
  try {
    // One empty task per worker: each answers once its modules are loaded.
    await Promise.all(
      Array.from({ length: concurrency }, () => pool.run({ kind: 'hash', files: [] })),
    );
    const started = performance.now();
    await computeChecksums(
      datasetDir,
      files,
      cache,
      () => pool,
      () => {},
    );
    return { startMs: started - begin, hashMs: performance.now() - started };
  } finally {
    await pool.close();
    cache.close();
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

/** The figure on files already listed and in the page cache (the bench warms it first). */
export async function measureChecksums(
  datasetDir: string,
  files: readonly FileStat[],
  concurrency: number,
  runs: number,
): Promise<ChecksumFigures> {
  const bytes = files.reduce((n, f) => n + f.size, 0);
  const times = {
    start: [] as number[],
    ours: [] as number[],
    gnu: [] as number[],
    gnuN: [] as number[],
  };
  for (let run = 0; run < runs; run++) {
    // Alternating order, so a slow spell on the machine does not always fall on one side.
    if (run % 2 === 1) times.gnu.push(await runGnu(datasetDir, files, 1));
    const ours = await runOurs(datasetDir, files, concurrency);
    times.start.push(ours.startMs);
    times.ours.push(ours.hashMs);
    times.gnuN.push(await runGnu(datasetDir, files, concurrency));
    if (run % 2 === 0) times.gnu.push(await runGnu(datasetDir, files, 1));
  }
  return {
    files: files.length,
    bytes,
    concurrency,
    poolStartMs: summarize(times.start),
    ours: scanFigure(times.ours, files.length, bytes),
    gnu: scanFigure(times.gnu, files.length, bytes),
    gnuParallel: scanFigure(times.gnuN, files.length, bytes),
  };
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { concurrency: { type: 'string' }, runs: { type: 'string' } },
  });
  const root = resolve(import.meta.dirname, '../..');
  const sampleRoot = join(root, '.cache/sample');
  const datasetDir = resolve(
    positionals[0] ?? join(sampleRoot, readdirSync(sampleRoot).sort().at(-1) ?? ''),
  );
  const concurrency = Number(values.concurrency ?? availableParallelism());
  const { files } = await listStudyFiles(datasetDir);
  await runGnu(datasetDir, files, concurrency); // warms the page cache for both
  const load = loadavg()[0]!;
  const f = await measureChecksums(datasetDir, files, concurrency, Number(values.runs ?? 1));
  const row = (name: string, s: ScanFigure) =>
    `${name.padEnd(28)} ${(s.ms.median / 1000).toFixed(2).padStart(7)} s  ${Math.round(s.filesPerSecond)} files/s  ${s.mbPerSecond.toFixed(0)} MB/s`;
  console.log(`dataset ${datasetDir}: ${f.files} files, ${(f.bytes / 1e6).toFixed(1)} MB`);
  console.log(`machine: ${availableParallelism()} cores, load ${load.toFixed(2)} at start`);
  console.log(`pool start (${concurrency} workers): ${(f.poolStartMs.median / 1000).toFixed(2)} s`);
  console.log(row(`ours (pool of ${concurrency})`, f.ours));
  console.log(row('sha256sum, 1 process', f.gnu));
  console.log(row(`sha256sum, ${concurrency} processes`, f.gnuParallel));
  console.log(
    `ratio ours / GNU: ${(f.ours.ms.median / f.gnu.ms.median).toFixed(2)} (1 process), ${(f.ours.ms.median / f.gnuParallel.ms.median).toFixed(2)} (${concurrency} processes); with the pool's start: ${((f.ours.ms.median + f.poolStartMs.median) / f.gnuParallel.ms.median).toFixed(2)}`,
  );
}

if (import.meta.main) await main();
