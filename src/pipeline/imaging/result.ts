/** What the imaging stage is given and what it returns (the build's view of it). */
import type { QualityFinding, Series } from '../../domain/schemas.ts';
import type { Size } from '../../domain/size.ts';
import type { OnProgress } from '../progress.ts';

export interface ImagingOptions {
  datasetDir: string;
  thumbsDir: string;
  cacheDir: string;
  concurrency?: number;
  /** Compute the SHA-256 of every file (the default; off with --no-checksums). */
  checksums?: boolean;
  onProgress?: OnProgress;
}

/** The checksum pass's outputs (null in the result when it was not asked for). */
export interface ImagingChecksums {
  /** SHA256SUMS text, `sha256sum -c` format, paths relative to the dataset root. */
  sums: string;
  /** Digest per study folder (see folderDigests), null when a file of it has no checksum. */
  byFolder: Record<string, string | null>;
  /** Files with a checksum, and files without one (each has a finding). */
  files: number;
  failed: number;
  /** Files hashed in this run; the others came from the cache. */
  hashedNow: number;
  /** SHA-256 (hex) by dataset-relative path (the "Your copy" lists); absent in fakes. */
  byPath?: ReadonlyMap<string, string>;
}

export interface ImagingStudy {
  /** Study folder name under studies/. */
  folder: string;
  /** StudyInstanceUID inside the files: internal, for matching registry rows only. */
  studyUid: string | null;
  /** The same when it equals the folder name, otherwise its reference (uid-ref.ts): publishable. */
  studyUidRef: string | null;
  patientSex: 'M' | 'F' | null;
  patientAge: number | null;
  series: Series[];
  cover: string | null;
}

export interface ImagingResult {
  studies: ImagingStudy[];
  /** The folders under studies/ (list/walk.ts), each a study even without a readable file. */
  studyFolders: string[];
  findings: QualityFinding[];
  files: number;
  filesParsed: number;
  /** Files and bytes on disk per folder under studies/ (every file, images or not). */
  folderSizes: Record<string, Size>;
  /** Every file under studies/ with its size (the "Your copy" lists); absent in fakes. */
  listed?: readonly { rel: string; size: number }[];
  checksums: ImagingChecksums | null;
}
