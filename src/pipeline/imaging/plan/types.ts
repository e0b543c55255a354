/** The plan of the imaging stage: studies and series, their images in order (internal). */
import type { QualityFinding } from '../../../domain/schemas.ts';
import type { FileStat, ImageHeader } from '../types.ts';

export type ImageFile = FileStat & { header: ImageHeader };

export interface SeriesPlan {
  studyFolder: string;
  /** Folder of the series inside the study folder (Series.folder). */
  folder: string;
  /** Base of its sprite file names: URL- and file-safe, unique within the study. */
  spriteBase: string;
  /** SeriesInstanceUID of the files (internal: used for grouping, never published). */
  uid: string;
  /** What may be published for it: the UID when the folder is named so, else its reference. */
  publicUid: string;
  /** CT images in spatial order. */
  files: ImageFile[];
  spacingBetweenSlices: number | null;
}

export interface StudyPlan {
  folder: string;
  /** File- and URL-safe name of the study's thumbnail folder. */
  thumbFolder: string;
  /** StudyInstanceUID of the files (internal: used to match registry rows, never published). */
  studyUid: string | null;
  /** What may be published for it: the UID when it equals the folder name, else its reference. */
  studyUidRef: string | null;
  patientSex: 'M' | 'F' | null;
  patientAge: number | null;
  series: SeriesPlan[];
}

export interface Plan {
  studies: StudyPlan[];
  findings: QualityFinding[];
}

/** A CT image of a study folder, and the folder (inside the study's) it was found in. */
export interface StudyEntry {
  seriesFolder: string;
  file: ImageFile;
}

/** Image files with one series folder and one SeriesInstanceUID: one series. */
export interface SeriesGroup {
  folder: string;
  uid: string;
  files: ImageFile[];
}
