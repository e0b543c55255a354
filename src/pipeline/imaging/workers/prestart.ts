/**
 * The imaging pool started ahead of the imaging stage. A worker's start-up (Node, sharp, the
 * codecs, the reader's modules) is about half a CPU-second each; begun first thing, it runs on
 * the other core while the main thread is still loading Astro, exceljs and the rest, instead of
 * after. The imaging stage takes the pool (`takePrestartedPool`); the build closes it when the
 * stage never did (`closePrestartedPool`: a warm build, a dataset error).
 */
import { availableParallelism } from 'node:os';
import { WorkerPool } from './pool.ts';

let prestarted: WorkerPool | null = null;
let prestartedSize = 0;

/** The imaging pool's size for a `--concurrency` (one worker per core by default). */
export function imagingPoolSize(concurrency?: number): number {
  return Math.max(1, concurrency ?? availableParallelism());
}

/** Starts the imaging pool now, to be taken by the imaging stage. */
export async function prestartPool(concurrency?: number): Promise<void> {
  // sharp is loaded on the main thread before any worker loads it (sharp's advice for workers).
  await import('sharp');
  await closePrestartedPool();
  prestartedSize = imagingPoolSize(concurrency);
  prestarted = new WorkerPool(prestartedSize);
}

/** The pool `prestartPool` started, if it has `size` workers; it is the caller's from then on. */
export function takePrestartedPool(size: number): WorkerPool | null {
  if (prestarted === null || prestartedSize !== size) return null;
  const pool = prestarted;
  prestarted = null;
  return pool;
}

/** Closes a prestarted pool nobody took. */
export async function closePrestartedPool(): Promise<void> {
  const pool = prestarted;
  prestarted = null;
  await pool?.close();
}
