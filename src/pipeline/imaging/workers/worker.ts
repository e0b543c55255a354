/**
 * Worker thread of the imaging pool: reads headers of a batch of files, or renders one series.
 */
import { parentPort } from 'node:worker_threads';
import sharp from 'sharp';
import { hashFile, type HashOutcome, type HashRequest } from '../checksums/hash-file.ts';
import { readFileHeader } from '../header/read-header.ts';
import { renderSeries, type RenderJob, type RenderResult } from '../render/render.ts';
import type { HeaderOutcome } from '../types.ts';

export type WorkerTask =
  | { kind: 'headers'; files: { path: string; size: number }[] }
  | { kind: 'hash'; files: HashRequest[] }
  | { kind: 'render'; job: RenderJob };

export type WorkerTaskResult<T extends WorkerTask> = T extends { kind: 'headers' }
  ? HeaderOutcome[]
  : T extends { kind: 'hash' }
    ? HashOutcome[]
    : RenderResult;

export interface WorkerRequest {
  id: number;
  task: WorkerTask;
}

export type WorkerResponse =
  { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };

async function handle(task: WorkerTask): Promise<unknown> {
  if (task.kind === 'headers') return task.files.map((f) => readFileHeader(f.path, f.size));
  if (task.kind === 'hash') return task.files.map(hashFile);
  return renderSeries(task.job);
}

if (parentPort) {
  // The pool already runs one series per core: libvips threads inside each would oversubscribe.
  sharp.concurrency(1);
  sharp.cache(false);
  const port = parentPort;
  port.on('message', (request: WorkerRequest) => {
    handle(request.task).then(
      (result) => port.postMessage({ id: request.id, ok: true, result } satisfies WorkerResponse),
      (error: unknown) =>
        port.postMessage({
          id: request.id,
          ok: false,
          error: error instanceof Error ? error.message : String(error),
        } satisfies WorkerResponse),
    );
  });
}
