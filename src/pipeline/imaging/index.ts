/**
 * The imaging stage: every file under `<datasetDir>/studies/` → allow-listed headers → studies
 * and series in spatial order → WebP sprite sheets per series and window preset, and a cover
 * per study; every file not used is a quality finding. Incremental through `cacheDir`.
 * One folder per step, in the order `scanImaging` runs them: list/ (the files), header/ (each
 * file's allow-listed header, in workers), plan/ (studies and series), render/ (sprite sheets,
 * in workers; then copied into the output), record/ (the public Series records), checksums/
 * (unless --no-checksums). dicom/ and pixels/ read DICOM data for header/ and render/; workers/ and
 * cache/ serve every step.
 */
import 'sharp'; // loaded on the main thread before any worker does (sharp's advice for worker use)
import type { Size } from '../../domain/size.ts';
import type { OnProgress } from '../progress.ts';
import { sortFindings } from '../quality/finding.ts';
import { openCache } from './cache/cache.ts';
import { computeChecksums, folderDigests, sha256sumsText } from './checksums/checksums.ts';
import { WorkerPool } from './workers/pool.ts';
import { imagingPoolSize, takePrestartedPool } from './workers/prestart.ts';
import { scanHeaders } from './header/scan-headers.ts';
import { planStudies } from './plan/plan-studies.ts';
import { uidRef, uidRefKey } from './plan/uid-ref.ts';
import { imagingStudies, renderFindings } from './record/series-record.ts';
import { publishThumbnails } from './render/publish.ts';
import { renderThumbnails } from './render/thumbnails.ts';
import type { ImagingChecksums, ImagingOptions, ImagingResult } from './result.ts';
import type { FileStat } from './types.ts';
import { listStudyFiles } from './list/walk.ts';

export type { ImagingChecksums, ImagingOptions, ImagingResult, ImagingStudy } from './result.ts';

export { ALLOWED_ATTRIBUTES } from './header/allow-list.ts';
export { IMAGING_CACHE_VERSION } from './cache/cache.ts';

/**
 * Scans `<datasetDir>/studies/`, writes sprites and covers under `thumbsDir`, keeps its cache in
 * `cacheDir`. Never throws for bad data: every unusable file or series is a finding. Studies,
 * series and findings come back in a stable order, so the same input gives the same output.
 */
export async function scanImaging(options: ImagingOptions): Promise<ImagingResult> {
  const { datasetDir, cacheDir } = options;
  const progress: OnProgress = options.onProgress ?? (() => {});
  progress({ stage: 'list files', done: 0, total: null });
  const listing = await listStudyFiles(datasetDir, (done) =>
    progress({ stage: 'list files', done, total: null }),
  );
  // Nothing to scan, and the cache is left alone (a complete build would prune all of it).
  if (listing.noStudiesFolder) {
    return {
      studies: [],
      studyFolders: [],
      findings: listing.findings,
      files: 0,
      filesParsed: 0,
      folderSizes: {},
      checksums: null,
    };
  }
  const cache = openCache(cacheDir);
  const size = imagingPoolSize(options.concurrency);
  let pool: WorkerPool | null = null;
  const getPool = () => (pool ??= takePrestartedPool(size) ?? new WorkerPool(size));
  try {
    const scans = await scanHeaders(datasetDir, listing.files, cache, getPool, progress);
    const key = await uidRefKey(
      datasetDir,
      listing.files.map((f) => f.rel),
    );
    const plan = planStudies(scans, listing.studyFolders, (uid) => uidRef(uid, key));
    const renders = await renderThumbnails(plan.studies, {
      datasetDir,
      cacheDir,
      cache,
      getPool,
      progress,
    });
    const thumbnails = publishThumbnails(plan.studies, renders, options.thumbsDir);
    const studies = imagingStudies(plan.studies, renders, thumbnails);
    const findings = [
      ...listing.findings,
      ...plan.findings,
      ...renderFindings(plan.studies, renders),
    ];
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
        byPath: result.sha256,
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
      studyFolders: listing.studyFolders,
      findings: sortFindings(findings),
      files: listing.files.length,
      filesParsed: parsed,
      folderSizes: sizesByFolder(listing.files),
      listed: listing.files.map((f) => ({ rel: f.rel, size: f.size })),
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
