/**
 * The I/O floor's worker: answers the imaging pool's `headers` task like
 * src/pipeline/imaging/workers/worker.ts, but only reads each file's first prefix (the same
 * FIRST_PREFIX_BYTES the real reader starts with) with plain reads, and parses nothing.
 * Run through the same WorkerPool and scanHeaders, so batching and messaging are identical.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { FIRST_PREFIX_BYTES } from '../../src/pipeline/imaging/header/read-header.ts';
import type { HeaderOutcome } from '../../src/pipeline/imaging/types.ts';
import type { WorkerRequest, WorkerResponse } from '../../src/pipeline/imaging/workers/worker.ts';

function readPrefix(path: string, size: number): HeaderOutcome {
  const length = Math.min(size, FIRST_PREFIX_BYTES);
  const buffer = Buffer.alloc(length);
  const fd = openSync(path, 'r');
  let done = 0;
  try {
    while (done < length) {
      const n = readSync(fd, buffer, done, length - done, done);
      if (n === 0) break;
      done += n;
    }
  } finally {
    closeSync(fd);
  }
  // Not a verdict: scanHeaders needs an outcome per file; the bench only counts them.
  return { problem: 'unreadable', detail: `io-floor read ${done} bytes` };
}

if (parentPort) {
  const port = parentPort;
  port.on('message', (request: WorkerRequest) => {
    let response: WorkerResponse;
    try {
      if (request.task.kind !== 'headers')
        throw new Error('the I/O floor worker only reads headers');
      const result = request.task.files.map((f) => readPrefix(f.path, f.size));
      response = { id: request.id, ok: true, result };
    } catch (error) {
      response = {
        id: request.id,
        ok: false,
        error: error instanceof Error ? error.message : String(error),
      };
    }
    port.postMessage(response);
  });
}
