/**
 * From scanned files to studies and series: grouping by folder and UID (disagreements are
 * findings), spatial ordering of slices, and the series' allow-listed parameters. Pure.
 */
import { createHash } from 'node:crypto';
import type { QualityFinding } from '../../domain/schemas.ts';
import { finding } from '../quality/finding.ts';
import { FILE_PROBLEM_CODES } from './findings.ts';
import {
  median,
  positionAlong,
  roundTo,
  sameOrientation,
  sliceNormal,
  spacingFromPositions,
  type Orientation,
} from './geometry.ts';
import type { FileScan, FileStat, ImageHeader } from './types.ts';

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

/**
 * A name safe in a file path and a URL segment: kept when it is plain, otherwise its unsafe
 * characters replaced and a short hash of the original appended so names stay distinct.
 *
 * @example
 * safeName('1.2.840.113619') // '1.2.840.113619'
 * safeName('series #1') // 'series__1-<8 hex digits>'
 */
export function safeName(name: string): string {
  if (/^[A-Za-z0-9_][A-Za-z0-9._-]*$/.test(name) && name.length <= 128) return name;
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 8);
  return `${name
    .replace(/[^A-Za-z0-9._-]/g, '_')
    .replace(/^[.]/, '_')
    .slice(0, 96)}-${hash}`;
}

/** Most frequent non-null value, ties broken by sort order; null when there is none. */
function majority<T extends string>(values: (T | null)[]): T | null {
  const counts = new Map<T, number>();
  for (const v of values) if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? null;
}

/**
 * Groups scanned files into studies and series; every file ends up in a series or a finding.
 * Every folder of `studyFolders` becomes a study, even one without a usable CT image.
 * `refOf` names a UID read from inside the files that is not also a folder name (see
 * uid-ref.ts): such UIDs appear in findings and data only as that reference.
 */
export function planStudies(
  scans: FileScan[],
  studyFolders: string[],
  refOf: (uid: string) => string,
): Plan {
  const findings: QualityFinding[] = [];
  const byStudy = new Map<string, { seriesFolder: string; file: ImageFile }[]>(
    studyFolders.map((folder) => [folder, []]),
  );
  for (const scan of [...scans].sort((a, b) => (a.rel < b.rel ? -1 : 1))) {
    const parts = scan.rel.split('/');
    const studyFolder = parts.length >= 3 ? parts[1]! : null;
    if ('problem' in scan) {
      findings.push(
        finding(
          FILE_PROBLEM_CODES[scan.problem],
          { detail: scan.detail },
          { file: scan.rel, ...(studyFolder ? { study: studyFolder } : {}) },
        ),
      );
      continue;
    }
    if (!studyFolder) {
      findings.push(finding('dicom-outside-study-folder', {}, { file: scan.rel }));
      continue;
    }
    const seriesFolder = parts.slice(2, -1).join('/');
    if (!seriesFolder) {
      findings.push(finding('dicom-no-series-folder', {}, { file: scan.rel, study: studyFolder }));
    }
    const list = byStudy.get(studyFolder) ?? [];
    list.push({ seriesFolder, file: scan as ImageFile });
    byStudy.set(studyFolder, list);
  }

  const studies: StudyPlan[] = [];
  const foldersOfSeriesUid = new Map<string, Set<string>>();
  for (const [studyFolder, entries] of [...byStudy].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (!entries.length) {
      findings.push(
        finding(
          'dicom-study-without-ct',
          {},
          { file: `studies/${studyFolder}`, study: studyFolder },
        ),
      );
      studies.push({
        folder: studyFolder,
        thumbFolder: safeName(studyFolder),
        studyUid: null,
        studyUidRef: null,
        patientSex: null,
        patientAge: null,
        series: [],
      });
      continue;
    }
    const firstFile = entries[0]!.file.rel;
    const studyUids = entries.map((e) => e.file.header.studyUid);
    const studyUid = majority(studyUids);
    const distinct = new Set(studyUids.filter((u) => u !== null));
    if (distinct.size > 1) {
      findings.push(
        finding(
          'dicom-study-uid-mixed',
          { count: distinct.size },
          { file: firstFile, study: studyFolder, column: 'StudyInstanceUID' },
        ),
      );
    }
    if (studyUid && studyUid !== studyFolder) {
      findings.push(
        finding(
          'dicom-study-folder-uid-mismatch',
          // `ref` is the inner UID's reference (uid-ref.ts), never the UID itself: it is not public.
          { folder: studyFolder, ref: refOf(studyUid) },
          { file: firstFile, study: studyFolder, column: 'StudyInstanceUID' },
        ),
      );
    }

    const groups = new Map<string, { folder: string; uid: string; files: ImageFile[] }>();
    for (const { seriesFolder, file } of entries) {
      const uid = file.header.seriesUid ?? `(no SeriesInstanceUID) ${seriesFolder}`;
      const folder = seriesFolder || uid;
      const key = `${folder}\u0000${uid}`;
      const group = groups.get(key) ?? { folder, uid, files: [] };
      group.files.push(file);
      groups.set(key, group);
    }
    const ordered = [...groups.values()].sort((a, b) =>
      a.folder < b.folder ? -1 : a.folder > b.folder ? 1 : a.uid < b.uid ? -1 : 1,
    );
    const usedBases = new Set<string>();
    const series: SeriesPlan[] = [];
    for (const group of ordered) {
      const uidsInFolder = ordered.filter((g) => g.folder === group.folder).length;
      const first = group.files[0]!.rel;
      if (uidsInFolder > 1 && group === ordered.find((g) => g.folder === group.folder)) {
        findings.push(
          finding(
            'dicom-series-uid-mixed',
            { count: uidsInFolder },
            { file: first, study: studyFolder, column: 'SeriesInstanceUID' },
          ),
        );
      }
      if (group.files[0]!.header.seriesUid && group.folder !== group.uid && uidsInFolder === 1) {
        findings.push(
          finding(
            'dicom-series-folder-uid-mismatch',
            { folder: group.folder, ref: refOf(group.uid) },
            { file: first, study: studyFolder, column: 'SeriesInstanceUID' },
          ),
        );
      }
      const folders = foldersOfSeriesUid.get(group.uid) ?? new Set<string>();
      folders.add(`${studyFolder}/${group.folder}`);
      foldersOfSeriesUid.set(group.uid, folders);

      let base = safeName(group.folder.replace(/\//g, '_'));
      for (let n = 2; usedBases.has(base); n++)
        base = `${safeName(group.folder.replace(/\//g, '_'))}-${n}`;
      usedBases.add(base);
      const ordering = orderSlices(group.files, studyFolder);
      findings.push(...ordering.findings);
      series.push({
        studyFolder,
        folder: group.folder,
        spriteBase: base,
        uid: group.uid,
        publicUid:
          group.files[0]!.header.seriesUid && group.folder !== group.uid
            ? refOf(group.uid)
            : group.uid,
        files: ordering.files,
        spacingBetweenSlices: ordering.spacing,
      });
    }
    const firstWith = <T>(pick: (h: ImageHeader) => T | null): T | null =>
      entries.map((e) => pick(e.file.header)).find((v) => v !== null) ?? null;
    studies.push({
      folder: studyFolder,
      thumbFolder: safeName(studyFolder),
      studyUid,
      studyUidRef: studyUid === null || studyUid === studyFolder ? studyUid : refOf(studyUid),
      patientSex: firstWith((h) => h.patientSex),
      patientAge: firstWith((h) => h.patientAge),
      series,
    });
  }
  for (const [uid, folders] of foldersOfSeriesUid) {
    if (folders.size > 1 && !uid.startsWith('(no SeriesInstanceUID)')) {
      const [firstFolder] = [...folders].sort();
      findings.push(
        finding(
          'dicom-series-in-several-folders',
          // The UID when a folder is named so (public), otherwise its reference.
          { uid: [...folders].some((f) => f.endsWith(`/${uid}`)) ? uid : refOf(uid) },
          { file: `studies/${firstFolder}`, column: 'SeriesInstanceUID' },
        ),
      );
    }
  }
  return { studies, findings };
}

/** Orders a series' images along the slice normal (InstanceNumber as fallback). */
export function orderSlices(
  files: ImageFile[],
  study: string,
): { files: ImageFile[]; spacing: number | null; findings: QualityFinding[] } {
  const findings: QualityFinding[] = [];
  const first = files[0]!.rel;
  const reference = files.find((f) => f.header.orientation)?.header.orientation ?? null;
  if (
    reference &&
    files.some((f) => f.header.orientation && !sameOrientation(f.header.orientation, reference))
  ) {
    findings.push(
      finding(
        'dicom-mixed-orientation',
        {},
        { file: first, study, column: 'ImageOrientationPatient' },
      ),
    );
  }
  const sizes = [...new Set(files.map((f) => `${f.header.columns}×${f.header.rows}`))].sort();
  if (sizes.length > 1) {
    findings.push(
      finding(
        'dicom-mixed-matrix',
        { sizes: sizes.join(', ') },
        { file: first, study, column: 'Rows/Columns' },
      ),
    );
  }
  const byInstance = (a: ImageFile, b: ImageFile) =>
    (a.header.instanceNumber ?? Infinity) - (b.header.instanceNumber ?? Infinity) ||
    (a.rel < b.rel ? -1 : 1);
  if (!reference || files.some((f) => !f.header.position)) {
    if (files.length > 1) {
      findings.push(
        finding('dicom-no-position', {}, { file: first, study, column: 'ImagePositionPatient' }),
      );
    }
    const header = files[0]!.header;
    return { files: [...files].sort(byInstance), spacing: header.spacingBetweenSlices, findings };
  }
  const normal = sliceNormal(reference as Orientation);
  const keyed = files.map((file) => ({ file, at: positionAlong(file.header.position!, normal) }));
  keyed.sort((a, b) => a.at - b.at || byInstance(a.file, b.file));
  return {
    files: keyed.map((k) => k.file),
    spacing: spacingFromPositions(keyed.map((k) => k.at)),
    findings,
  };
}

/** Median of the non-null values (tube current and exposure vary slice by slice). */
export function medianOf(values: (number | null)[]): number | null {
  const list = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  return list.length ? roundTo(median(list), 3) : null;
}
