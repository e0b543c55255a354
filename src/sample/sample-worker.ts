/**
 * Worker thread entry: plans the sample again (cheap, and cheaper than cloning the plan into
 * the worker) and writes the studies with the given indices, reporting each to the parent.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { planSample } from './plan.ts';
import { writeStudies } from './write-studies.ts';

export interface WorkerInput {
  outDir: string;
  seed: number;
  count: number;
  indices: number[];
}

const input = workerData as WorkerInput;
const plan = planSample({ studies: input.count, seed: input.seed });
const studies = input.indices.map((i) => plan.studies[i]!);
writeStudies(input.outDir, input.seed, studies, (written) => {
  parentPort!.postMessage(written);
});
