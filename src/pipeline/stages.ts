/**
 * The stage interfaces the orchestrator is built from: the real stages fit them, and tests pass
 * fakes. The imaging types are the imaging stage's own.
 */
import type { Study } from '../domain/schemas.ts';
import type { Stats } from '../domain/stats.ts';
import type { ImagingOptions, ImagingResult } from './imaging/index.ts';

export type { ImagingOptions, ImagingResult, ImagingStudy } from './imaging/index.ts';

export type ScanImaging = (options: ImagingOptions) => Promise<ImagingResult>;
export type ComputeStats = (studies: Study[]) => Stats;
