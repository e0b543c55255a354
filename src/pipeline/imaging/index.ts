/**
 * The imaging stage: every file under `<datasetDir>/studies/` → allow-listed headers → studies
 * and series in spatial order → WebP sprite sheets per series and window preset, and a cover
 * per study; every file not used is a quality finding. Incremental through `cacheDir`.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import 'sharp'; // loaded on the main thread before any worker does (sharp's advice for worker use)
import type { QualityFinding, Series } from '../../domain/schemas.ts';
import type { Size } from '../../domain/size.ts';
import type { OnProgress } from '../progress.ts';
import { finding, sortFindings } from '../quality/finding.ts';
import { openCache } from './cache.ts';
import { computeChecksums, folderDigests, sha256sumsText } from './checksums.ts';
import { WorkerPool } from './pool.ts';
import { scanHeaders } from './scan-headers.ts';
import { planStudies } from './series.ts';
import { uidRef, uidRefKey } from './uid-ref.ts';
import { renderStudies } from './thumbnails.ts';
import type { FileStat } from './types.ts';
import { listStudyFiles } from './walk.ts';

export interface ImagingOptions {
  datasetDir: string;
  thumbsDir: string;
  cacheDir: string;
  concurrency?: number;
  /** Compute the SHA-256 of every file (--checksums). */
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
  findings: QualityFinding[];
  files: number;
  filesParsed: number;
  /** Files and bytes on disk per folder under studies/ (every file, images or not). */
  folderSizes: Record<string, Size>;
  checksums: ImagingChecksums | null;
}

export { ALLOWED_ATTRIBUTES } from './allow-list.ts';
export { IMAGING_CACHE_VERSION } from './cache.ts';

/**
 * Scans `<datasetDir>/studies/`, writes sprites and covers under `thumbsDir`, keeps its cache in
 * `cacheDir`. Never throws for bad data: every unusable file or series is a finding. Studies,
 * series and findings come back in a stable order, so the same input gives the same output.
 */
export async function scanImaging(options: ImagingOptions): Promise<ImagingResult> {
  const { datasetDir, cacheDir } = options;
  const progress: OnProgress = options.onProgress ?? (() => {});
  if (!existsSync(join(datasetDir, 'studies'))) {
    return {
      studies: [],
      findings: [finding('dicom-no-studies-folder', {}, { file: 'studies' })],
      files: 0,
      filesParsed: 0,
      folderSizes: {},
      checksums: null,
    };
  }
  progress({ stage: 'list files', done: 0, total: null });
  const listing = await listStudyFiles(datasetDir, (done) =>
    progress({ stage: 'list files', done, total: null }),
  );
  const cache = openCache(cacheDir);
  const size = Math.max(1, options.concurrency ?? availableParallelism());
  let pool: WorkerPool | null = null;
  const getPool = () => (pool ??= new WorkerPool(size));
  try {
    const scans = await scanHeaders(datasetDir, listing.files, cache, getPool, progress);
    const key = await uidRefKey(
      datasetDir,
      listing.files.map((f) => f.rel),
    );
    const plan = planStudies(scans, listing.studyFolders, (uid) => uidRef(uid, key));
    const findings = [...plan.findings];
    const studies = await renderStudies(plan.studies, options, cache, getPool, progress, findings);
    let checksums: ImagingChecksums | null = null;
    if (options.checksums) {
      const result = await computeChecksums(datasetDir, listing.files, cache, getPool, progress);
      findings.push(...result.findings);
      checksums = {
        sums: sha256sumsText(result.sha256),
        byFolder: folderDigests(listing.files, result.sha256),
        files: result.sha256.size,
        failed: listing.files.length - result.sha256.size,
        hashedNow: result.hashedNow,
      };
    }
    // Only a complete build knows what is no longer used.
    cache.prune();
    const parsed = scans.filter(
      (s) =>
        'header' in s ||
        ['not-ct', 'localizer', 'secondary-capture', 'no-pixel-data'].includes(s.problem),
    ).length;
    return {
      studies,
      findings: sortFindings(findings),
      files: listing.files.length,
      filesParsed: parsed,
      folderSizes: sizesByFolder(listing.files),
      checksums,
    };
  } finally {
    await (pool as WorkerPool | null)?.close();
    cache.close();
  }
}

/** Sums the listed files by study folder (the path segment after `studies/`). */
export function sizesByFolder(files: readonly FileStat[]): Record<string, Size> {
  const sizes: Record<string, Size> = {};
  for (const file of files) {
    const parts = file.rel.split('/');
    if (parts.length < 3) continue; // a loose file directly in studies/ belongs to no study
    const size = (sizes[parts[1]!] ??= { files: 0, bytes: 0 });
    size.files += 1;
    size.bytes += file.size;
  }
  return sizes;
}
