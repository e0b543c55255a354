/**
 * `node scripts/bench/checksums.ts [datasetDir] [--concurrency n]`: the --checksums pass (worker
 * pool, empty cache) against GNU sha256sum on the same files, one run each, warm page cache
 * (both read the files once before timing). Prints seconds, MB/s and the ratio ours/GNU, for
 * GNU as one process and as `xargs -P <n>` processes (the same parallelism as our pool).
 * Default dataset: the test sample in .cache/sample (build once first). Not part of npm test.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openCache } from '../../src/pipeline/imaging/cache/cache.ts';
import { computeChecksums } from '../../src/pipeline/imaging/checksums/checksums.ts';
import { WorkerPool } from '../../src/pipeline/imaging/workers/pool.ts';
import { listStudyFiles } from '../../src/pipeline/imaging/list/walk.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { concurrency: { type: 'string' } },
});
const root = resolve(import.meta.dirname, '../..');
const sampleRoot = join(root, '.cache/sample');
const datasetDir = resolve(
  positionals[0] ?? join(sampleRoot, readdirSync(sampleRoot).sort().at(-1) ?? ''),
);
const concurrency = Number(values.concurrency ?? availableParallelism());

const { files } = await listStudyFiles(datasetDir);
const bytes = files.reduce((n, f) => n + f.size, 0);
const list = files.map((f) => f.rel).join('\0');
const gnu = (parallel: number) => {
  const start = performance.now();
  execFileSync('xargs', ['-0', '-P', String(parallel), '-n', '256', 'sha256sum'], {
    cwd: datasetDir,
    input: list,
    maxBuffer: 1 << 30,
  });
  return (performance.now() - start) / 1000;
};
gnu(concurrency); // warm the page cache for both

const pool = new WorkerPool(concurrency);
const cache = openCache(null);
const start = performance.now();
await computeChecksums(
  datasetDir,
  files,
  cache,
  () => pool,
  () => {},
);
const ours = (performance.now() - start) / 1000;
await pool.close();
cache.close();
const gnuOne = gnu(1);
const gnuParallel = gnu(concurrency);

const mbps = (s: number) => (bytes / 1e6 / s).toFixed(0);
console.log(`dataset ${datasetDir}: ${files.length} files, ${(bytes / 1e6).toFixed(1)} MB`);
console.log(`machine: ${availableParallelism()} cores, load ${loadavg()[0]!.toFixed(2)}`);
console.log(`ours (pool of ${concurrency}):  ${ours.toFixed(2)} s  ${mbps(ours)} MB/s`);
console.log(`sha256sum, 1 process:  ${gnuOne.toFixed(2)} s  ${mbps(gnuOne)} MB/s`);
console.log(
  `sha256sum, ${concurrency} processes: ${gnuParallel.toFixed(2)} s  ${mbps(gnuParallel)} MB/s`,
);
console.log(
  `ratio ours / GNU: ${(ours / gnuOne).toFixed(2)} (1 process), ${(ours / gnuParallel).toFixed(2)} (${concurrency} processes)`,
);
