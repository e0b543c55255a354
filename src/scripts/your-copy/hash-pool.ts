/**
 * Several hashing workers (./hash-worker.ts), several files in flight: each worker takes the
 * next file as it finishes one. `cancel()` stops every worker at once (terminate), so a
 * cancelled check stops reading the disk immediately.
 */
import type { HashReply, HashRequest } from './hash-messages.ts';

export interface HashJob {
  path: string;
  file: Blob;
}

export interface HashPoolOptions {
  workers: number;
  wasm: boolean;
  /** Called as each file is hashed (or fails: sha256 null, the reason in `error`). */
  onHashed: (job: HashJob, sha256: string | null, error?: string) => void | Promise<void>;
}

export class Cancelled extends Error {}

export function hashFiles(
  jobs: readonly HashJob[],
  options: HashPoolOptions,
): { done: Promise<void>; cancel: () => void } {
  const workers: Worker[] = [];
  let next = 0;
  let cancel = () => {};
  const done = new Promise<void>((resolve, reject) => {
    let running = 0;
    let stopped = false;
    cancel = () => {
      stopped = true;
      for (const worker of workers) worker.terminate();
      reject(new Cancelled());
    };
    const feed = (worker: Worker) => {
      if (stopped) return;
      if (next >= jobs.length) {
        worker.terminate();
        running -= 1;
        if (running === 0) resolve();
        return;
      }
      const id = next++;
      const request: HashRequest = { id, file: jobs[id]!.file, wasm: options.wasm };
      worker.postMessage(request);
    };
    const count = Math.max(1, Math.min(options.workers, jobs.length));
    if (jobs.length === 0) return resolve();
    for (let i = 0; i < count; i++) {
      const worker = new Worker(new URL('./hash-worker.ts', import.meta.url), { type: 'module' });
      workers.push(worker);
      running += 1;
      worker.onmessage = async (event: MessageEvent<HashReply>) => {
        const reply = event.data;
        const job = jobs[reply.id]!;
        try {
          if ('sha256' in reply) await options.onHashed(job, reply.sha256);
          else await options.onHashed(job, null, reply.error);
        } catch (error) {
          stopped = true;
          for (const w of workers) w.terminate();
          reject(error);
          return;
        }
        feed(worker);
      };
      worker.onerror = (event) => {
        stopped = true;
        for (const w of workers) w.terminate();
        reject(new Error(event.message || 'hashing worker failed'));
      };
      feed(worker);
    }
  });
  return { done, cancel: () => cancel() };
}
