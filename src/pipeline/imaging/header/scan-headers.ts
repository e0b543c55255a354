/** The header stage: cached outcomes for unchanged files, worker batches for the rest. */
import { join } from 'node:path';
import type { OnProgress } from '../../progress.ts';
import type { CachedFile, ImagingCache } from '../cache/cache.ts';
import type { WorkerPool } from '../workers/pool.ts';
import type { FileScan, FileStat, HeaderOutcome } from '../types.ts';
import { errorText } from '../error-text.ts';

/** Files per header task: large enough to amortise messaging, small enough to balance load. */
const HEADER_BATCH = 64;

/** Reads every file's header, or takes it from the cache when its size and mtime are unchanged. */
export async function scanHeaders(
  datasetDir: string,
  files: FileStat[],
  cache: ImagingCache,
  getPool: () => WorkerPool,
  progress: OnProgress,
): Promise<FileScan[]> {
  const scans: FileScan[] = [];
  const toRead: FileStat[] = [];
  for (const file of files) {
    const hit = cache.file(file.rel);
    if (hit && hit.size === file.size && hit.mtimeMs === file.mtimeMs) {
      scans.push({ ...file, ...hit.outcome });
    } else {
      toRead.push(file);
    }
  }
  const total = files.length;
  let done = scans.length;
  progress({ stage: 'scan headers', done, total });
  const batches: FileStat[][] = [];
  for (let i = 0; i < toRead.length; i += HEADER_BATCH)
    batches.push(toRead.slice(i, i + HEADER_BATCH));
  const readBatch = (batch: FileStat[]) =>
    getPool().run({
      kind: 'headers',
      files: batch.map((f) => ({ path: join(datasetDir, f.rel), size: f.size })),
    });
  await Promise.all(
    batches.map(async (batch) => {
      let outcomes: HeaderOutcome[];
      try {
        outcomes = await readBatch(batch);
      } catch {
        // A worker died on this batch (e.g. out of memory): retry file by file, so only the
        // file that kills it is reported, and do not cache that verdict.
        outcomes = await Promise.all(
          batch.map((file) =>
            readBatch([file]).then(
              ([outcome]) => outcome!,
              (error: unknown): HeaderOutcome => ({
                problem: 'unreadable',
                detail: `reader crashed: ${errorText(error)}`,
              }),
            ),
          ),
        );
      }
      const verdicts: [string, CachedFile][] = [];
      batch.forEach((file, i) => {
        const outcome = outcomes[i]!;
        scans.push({ ...file, ...outcome });
        if (!('problem' in outcome && outcome.detail.startsWith('reader crashed'))) {
          verdicts.push([file.rel, { size: file.size, mtimeMs: file.mtimeMs, outcome }]);
        }
      });
      // Stored as each batch finishes: a build killed now keeps the headers it has read.
      cache.putFiles(verdicts);
      done += batch.length;
      progress({ stage: 'scan headers', done, total });
    }),
  );
  return scans;
}
