/** A stand-in worker for pool.test.ts: echoes a value, fails a task, or dies. */
import { parentPort } from 'node:worker_threads';

parentPort?.on('message', (request: { id: number; task: { kind: string; value?: number } }) => {
  const { id, task } = request;
  if (task.kind === 'die') process.exit(3);
  if (task.kind === 'fail') parentPort!.postMessage({ id, ok: false, error: 'task failed' });
  else parentPort!.postMessage({ id, ok: true, result: task.value });
});
