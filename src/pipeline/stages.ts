/**
 * The stage interfaces the orchestrator is built from. The imaging stage's types mirror the
 * contract of `src/pipeline/imaging/index.ts` (built in parallel), so the real `scanImaging`
 * fits `ScanImaging` structurally and tests can pass fakes.
 */
import type { QualityFinding, Series, Study } from '../domain/schemas.ts';
import type { Stats } from '../domain/stats.ts';
import type { OnProgress } from './progress.ts';

export interface ImagingOptions {
  datasetDir: string;
  thumbsDir: string;
  cacheDir: string;
  concurrency?: number;
  onProgress?: OnProgress;
}

export interface ImagingStudy {
  /** Study folder name under `studies/`. */
  folder: string;
  studyUid: string | null;
  patientSex: 'M' | 'F' | null;
  patientAge: number | null;
  /** Series with sprite URLs `thumbs/<folder>/...`. */
  series: Series[];
  cover: string | null;
}

export interface ImagingResult {
  studies: ImagingStudy[];
  findings: QualityFinding[];
  files: number;
  filesParsed: number;
}

export type ScanImaging = (options: ImagingOptions) => Promise<ImagingResult>;
export type ComputeStats = (studies: Study[]) => Stats;
