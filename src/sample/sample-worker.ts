/**
 * Worker thread entry: plans the sample again (cheap, and cheaper than cloning the plan into
 * the worker) and writes the studies with the given indices, reporting each to the parent.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadWasmEncoders } from './encode/index.ts';
import { planSample, type Matrix } from './plan.ts';
import { writeStudies } from './write-studies.ts';

export interface WorkerInput {
  outDir: string;
  seed: number;
  count: number;
  matrix: Matrix;
  indices: number[];
}

const input = workerData as WorkerInput;
const plan = planSample({ studies: input.count, seed: input.seed, matrix: input.matrix });
await loadWasmEncoders();
const studies = input.indices.map((i) => plan.studies[i]!);
writeStudies(input.outDir, input.seed, studies, (written) => {
  parentPort!.postMessage(written);
});
