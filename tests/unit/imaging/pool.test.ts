import { expect, it } from 'vitest';
import { WorkerPool } from '../../../src/pipeline/imaging/workers/pool.ts';
import type { WorkerTask } from '../../../src/pipeline/imaging/workers/worker.ts';

const script = new URL('./crash-worker.ts', import.meta.url);
const task = (kind: string, value?: number) => ({ kind, value }) as unknown as WorkerTask;

it('runs every task, more tasks than workers', async () => {
  const pool = new WorkerPool(2, script);
  try {
    const results = await Promise.all([1, 2, 3, 4, 5].map((n) => pool.run(task('echo', n))));
    expect(results).toEqual([1, 2, 3, 4, 5]);
  } finally {
    await pool.close();
  }
});

it('fails only the task of a worker that dies, and carries on with a new worker', async () => {
  const pool = new WorkerPool(1, script);
  try {
    const outcomes = await Promise.allSettled([
      pool.run(task('echo', 1)),
      pool.run(task('die')),
      pool.run(task('echo', 2)),
      pool.run(task('fail')),
      pool.run(task('echo', 3)),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual([
      'fulfilled',
      'rejected',
      'fulfilled',
      'rejected',
      'fulfilled',
    ]);
    expect(String((outcomes[1] as PromiseRejectedResult).reason)).toMatch(/exited with code 3/);
    expect(String((outcomes[3] as PromiseRejectedResult).reason)).toMatch(/task failed/);
  } finally {
    await pool.close();
  }
});
