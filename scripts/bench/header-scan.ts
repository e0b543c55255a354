/**
 * The header-scan figures: our reader (the build's scanHeaders over the imaging WorkerPool,
 * cache empty), the I/O floor (same pool and batching, plain prefix reads, no parsing), and
 * dcmdump (dcmtk) printing the same attributes of the same files, batched and run in parallel.
 * Each is measured with a warm page cache (every file read once before) and, when python3 is
 * there to evict the files' pages, a cold one (the disk, as a first build on a real dataset).
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ALLOWED_ATTRIBUTES } from '../../src/pipeline/imaging/header/allow-list.ts';
import { openCache } from '../../src/pipeline/imaging/cache/cache.ts';
import { WorkerPool } from '../../src/pipeline/imaging/workers/pool.ts';
import { scanHeaders } from '../../src/pipeline/imaging/header/scan-headers.ts';
import type { FileScan, FileStat } from '../../src/pipeline/imaging/types.ts';

const IO_FLOOR_WORKER = new URL('./io-floor-worker.ts', import.meta.url);

/** Files per dcmdump invocation: amortises process start-up like our 64-file worker batches. */
export const DCMDUMP_BATCH = 64;

/** Evicts the files' pages from the page cache (posix_fadvise DONTNEED; no root needed). */
export function evictPageCache(datasetDir: string, files: readonly FileStat[]): Promise<void> {
  const script = [
    'import os, sys',
    "for p in sys.stdin.buffer.read().split(b'\\0'):",
    '    if p:',
    '        fd = os.open(p, os.O_RDONLY)',
    '        os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)',
    '        os.close(fd)',
  ].join('\n');
  return new Promise((resolve, reject) => {
    const child = spawn('python3', ['-c', script], { stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`page cache eviction failed: ${stderr.slice(0, 300)}`)),
    );
    child.stdin.end(files.map((f) => join(datasetDir, f.rel)).join('\0'));
  });
}

/** Whether the page cache can be evicted here (python3 with os.posix_fadvise). */
export function canEvictPageCache(): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn('python3', ['-c', 'import os; os.POSIX_FADV_DONTNEED'], {
      stdio: 'ignore',
    });
    child.on('error', () => resolve(false));
    child.on('close', (code) => resolve(code === 0));
  });
}

/** Reads every file whole once, so all measurements start from the same warm page cache. */
export async function warmPageCache(datasetDir: string, files: readonly FileStat[]): Promise<void> {
  const BATCH = 32;
  for (let i = 0; i < files.length; i += BATCH) {
    await Promise.all(files.slice(i, i + BATCH).map((f) => readFile(join(datasetDir, f.rel))));
  }
}

/**
 * Times scanHeaders over a pool built from `script` (the real worker or the I/O floor's).
 * The pool is started and given one task before the clock starts: worker start-up (loading
 * sharp and the codecs) is paid once per build, not per file, and is not what is compared.
 */
async function timedScan(
  datasetDir: string,
  files: FileStat[],
  concurrency: number,
  script?: URL,
): Promise<{ ms: number; scans: FileScan[] }> {
  const pool = script ? new WorkerPool(concurrency, script) : new WorkerPool(concurrency);
  try {
    const first = files.slice(0, concurrency);
    await Promise.all(
      first.map((f) =>
        pool.run({ kind: 'headers', files: [{ path: join(datasetDir, f.rel), size: f.size }] }),
      ),
    );
    // An empty cache in memory: the figure is the reading, not the cache's disk writes.
    const cache = openCache(null);
    const start = performance.now();
    const scans = await scanHeaders(
      datasetDir,
      files,
      cache,
      () => pool,
      () => {},
    );
    const ms = performance.now() - start;
    cache.close();
    return { ms, scans };
  } finally {
    await pool.close();
  }
}

/** One run of our header scan; returns its time and what it read (for the thumbnail figures). */
export function measureOurScan(datasetDir: string, files: FileStat[], concurrency: number) {
  return timedScan(datasetDir, files, concurrency);
}

/** One run of the I/O floor. */
export async function measureIoFloor(
  datasetDir: string,
  files: FileStat[],
  concurrency: number,
): Promise<number> {
  return (await timedScan(datasetDir, files, concurrency, IO_FLOOR_WORKER)).ms;
}

/**
 * dcmdump's arguments for one batch: quiet, pixel data not loaded (-M), and one `+P` per
 * allow-listed attribute, so it prints what our reader extracts.
 *
 * @example
 * dcmdumpArgs(['a.dcm']).slice(0, 4) // ['-q', '-M', '+P', '0002,0010']
 */
export function dcmdumpArgs(paths: readonly string[]): string[] {
  const search = ALLOWED_ATTRIBUTES.flatMap((a) => [
    '+P',
    `${a.tag.slice(1, 5)},${a.tag.slice(5, 9)}`,
  ]);
  return ['-q', '-M', ...search, ...paths];
}

function runDcmdump(paths: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn('dcmdump', dcmdumpArgs(paths), { stdio: ['ignore', 'pipe', 'pipe'] });
    let lines = 0;
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      for (const byte of chunk) if (byte === 10) lines++;
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve(lines)
        : reject(new Error(`dcmdump exited with ${code}: ${stderr.slice(0, 300)}`)),
    );
  });
}

/**
 * One run of dcmdump over every file, `concurrency` processes at a time. Throws if it printed
 * fewer lines than files (it did not really read them).
 */
export async function measureDcmdump(
  datasetDir: string,
  files: FileStat[],
  concurrency: number,
): Promise<number> {
  const batches: string[][] = [];
  for (let i = 0; i < files.length; i += DCMDUMP_BATCH) {
    batches.push(files.slice(i, i + DCMDUMP_BATCH).map((f) => join(datasetDir, f.rel)));
  }
  let next = 0;
  let lines = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < batches.length) lines += await runDcmdump(batches[next++]!);
    }),
  );
  const ms = performance.now() - start;
  if (lines < files.length) {
    throw new Error(`dcmdump printed ${lines} lines for ${files.length} files`);
  }
  return ms;
}

/** Whether dcmdump is installed (apt package dcmtk). */
export function hasDcmdump(): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn('dcmdump', ['--version'], { stdio: 'ignore' });
    child.on('error', () => resolve(false));
    child.on('close', (code) => resolve(code === 0));
  });
}
