/**
 * The stage interfaces the orchestrator is built from: the real stages fit them, and tests pass
 * fakes. Every stage that touches the disk or the worker pool is one of these, so `runPipeline`
 * itself reads and writes nothing (the real ones: disk-stages.ts and scripts/lib/real-deps.ts).
 * The imaging types are the imaging stage's own.
 */
import type { Study } from '../domain/schemas.ts';
import type { Stats } from '../domain/stats.ts';
import type { mtimeIso } from './dataset.ts';
import type { ImagingOptions, ImagingResult } from './imaging/index.ts';
import type { writeCopyLists } from './outputs/copy-lists.ts';
import type { writeDataFiles } from './outputs/write-data.ts';
import type { readDatasetReadmes } from './readme/index.ts';
import type { readRegistry } from './registry/read-registry.ts';
import type { writeReleaseFiles } from './releases/index.ts';

export type { ImagingOptions, ImagingResult, ImagingStudy } from './imaging/index.ts';

export type ScanImaging = (options: ImagingOptions) => Promise<ImagingResult>;
export type ComputeStats = (studies: Study[]) => Stats;

/** Every stage of `runPipeline` with a side effect, in run order. */
export interface PipelineStages {
  /** README_RU.md / README_EN.md → facts and findings. */
  readDatasetReadmes: typeof readDatasetReadmes;
  /** The registry workbook → rows and findings. */
  readRegistry: typeof readRegistry;
  scanImaging: ScanImaging;
  computeStats: ComputeStats;
  /** A file's modification date: the build date when SOURCE_DATE_EPOCH is not set. */
  mtimeIso: typeof mtimeIso;
  writeDataFiles: typeof writeDataFiles;
  writeCopyLists: typeof writeCopyLists;
  writeReleaseFiles: typeof writeReleaseFiles;
}
