/** Prints the SHA-256 of the registry of the plan used by registry.test.ts (run in another time zone). */
import { createHash } from 'node:crypto';
import { planSample } from '../../../src/sample/plan.ts';
import { registryWorkbook } from '../../../src/sample/registry.ts';

const bytes = await registryWorkbook(planSample({ studies: 12, seed: 4 }).studies);
console.log(createHash('sha256').update(bytes).digest('hex'));
