/**
 * The pipeline's real stages that read the dataset folder or write `<generated>/data/` (see
 * stages.ts). The build wires them in (scripts/lib/real-deps.ts); tests that work on real
 * temporary folders spread them and fake the rest.
 */
import { mtimeIso } from './dataset.ts';
import { writeCopyLists } from './outputs/copy-lists.ts';
import { writeDataFiles } from './outputs/write-data.ts';
import { readDatasetReadmes } from './readme/index.ts';
import { readRegistry } from './registry/read-registry.ts';
import { writeReleaseFiles } from './releases/index.ts';
import type { PipelineStages } from './stages.ts';

export const diskStages: Omit<PipelineStages, 'scanImaging' | 'computeStats'> = {
  readDatasetReadmes,
  readRegistry,
  mtimeIso,
  writeDataFiles,
  writeCopyLists,
  writeReleaseFiles,
};
