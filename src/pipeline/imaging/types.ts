/** Internal records of the imaging stage (cached between runs; never published as such). */
import type { PublishedHeaderValues } from '../../domain/dicom-attributes.ts';

/** Why a file is not used as a CT image; each becomes a quality finding. */
export type FileProblemCode =
  | 'empty'
  | 'not-dicom'
  | 'truncated'
  | 'unreadable'
  | 'no-pixel-data'
  | 'not-ct'
  | 'localizer'
  | 'secondary-capture'
  | 'too-large';

/**
 * The allow-listed facts of one CT image file (see allow-list.ts): the published attributes
 * (domain/dicom-attributes.ts, by their record keys) and the internal ones below.
 */
export interface ImageHeader extends PublishedHeaderValues {
  studyUid: string | null;
  seriesUid: string | null;
  position: [number, number, number] | null;
  orientation: [number, number, number, number, number, number] | null;
  instanceNumber: number | null;
  samplesPerPixel: number;
  photometric: string;
  bitsAllocated: number;
  bitsStored: number;
  pixelRepresentation: number;
  rescaleSlope: number;
  rescaleIntercept: number;
  patientSex: 'M' | 'F' | null;
  patientAge: number | null;
}

export interface FileStat {
  /** Dataset-relative path with `/` separators, e.g. `studies/<study>/<series>/1.dcm`. */
  rel: string;
  size: number;
  mtimeMs: number;
}

export type HeaderOutcome = { header: ImageHeader } | { problem: FileProblemCode; detail: string };

export type FileScan = FileStat & HeaderOutcome;
