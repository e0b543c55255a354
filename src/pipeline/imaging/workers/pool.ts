/**
 * A bounded pool of worker threads running the tasks of worker.ts. At most `size` tasks run at
 * once, one per worker; the rest wait in a queue, so memory stays bounded by the pool size.
 */
import { Worker } from 'node:worker_threads';
import type { WorkerRequest, WorkerResponse, WorkerTask, WorkerTaskResult } from './worker.ts';

interface Pending {
  task: WorkerTask;
  resolve: (value: never) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  busy: Pending | null;
}

const WORKER_URL = new URL('./worker.ts', import.meta.url);

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 0;
  private closed = false;

  private readonly script: URL;

  /** `script` is the worker module; tests pass their own. */
  constructor(size: number, script: URL = WORKER_URL) {
    this.script = script;
    for (let i = 0; i < Math.max(1, size); i++) this.slots.push(this.spawn());
  }

  /** Runs a task on the next free worker. */
  run<T extends WorkerTask>(task: T): Promise<WorkerTaskResult<T>> {
    if (this.closed) return Promise.reject(new Error('worker pool is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ task, resolve: resolve as (value: never) => void, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const pending of this.queue.splice(0)) pending.reject(new Error('worker pool closed'));
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()));
  }

  private spawn(): Slot {
    const worker = new Worker(this.script);
    const slot: Slot = { worker, busy: null };
    worker.on('message', (response: WorkerResponse) => {
      const pending = slot.busy;
      slot.busy = null;
      if (pending) {
        if (response.ok) pending.resolve(response.result as never);
        else pending.reject(new Error(response.error));
      }
      this.dispatch();
    });
    worker.on('error', (error) => this.replace(slot, error));
    worker.on('exit', (code) => {
      if (!this.closed) this.replace(slot, new Error(`worker exited with code ${code}`));
    });
    return slot;
  }

  /** A crashed worker fails only its own task; a fresh one takes its place. */
  private replace(slot: Slot, error: Error): void {
    const index = this.slots.indexOf(slot);
    if (index < 0 || this.closed) return;
    slot.busy?.reject(error);
    slot.busy = null;
    slot.worker.removeAllListeners();
    void slot.worker.terminate();
    this.slots[index] = this.spawn();
    this.dispatch();
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.busy) continue;
      const pending = this.queue.shift();
      if (!pending) return;
      slot.busy = pending;
      const request: WorkerRequest = { id: this.nextId++, task: pending.task };
      slot.worker.postMessage(request);
    }
  }
}
