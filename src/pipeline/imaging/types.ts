/** Internal records of the imaging stage (cached between runs; never published as such). */

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

/** The allow-listed facts of one CT image file (see allow-list.ts). */
export interface ImageHeader {
  transferSyntax: string;
  studyUid: string | null;
  seriesUid: string | null;
  modality: string | null;
  manufacturer: string | null;
  model: string | null;
  kernel: string | null;
  sliceThickness: number | null;
  kvp: number | null;
  tubeCurrent: number | null;
  exposure: number | null;
  rows: number;
  columns: number;
  pixelSpacing: [number, number] | null;
  spacingBetweenSlices: number | null;
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
