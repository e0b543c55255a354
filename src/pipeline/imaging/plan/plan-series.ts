/**
 * The series of one study folder: its images grouped by folder and SeriesInstanceUID, each
 * group planned (slice order, sprite name, publishable UID), and the UIDs found in several
 * folders of the dataset. Pure.
 */
import type { QualityFinding } from '../../../domain/schemas.ts';
import { finding } from '../../quality/finding.ts';
import { orderSlices } from './order-slices.ts';
import { safeName } from './safe-name.ts';
import type { SeriesGroup, SeriesPlan, StudyEntry, StudyPlan } from './types.ts';

/** A study's images grouped by series folder and SeriesInstanceUID, in folder, then UID order. */
export function seriesGroups(entries: StudyEntry[]): SeriesGroup[] {
  const groups = new Map<string, SeriesGroup>();
  for (const { seriesFolder, file } of entries) {
    const uid = file.header.seriesUid ?? `(no SeriesInstanceUID) ${seriesFolder}`;
    const folder = seriesFolder || uid;
    const key = `${folder}\u0000${uid}`;
    const group = groups.get(key) ?? { folder, uid, files: [] };
    group.files.push(file);
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) =>
    a.folder < b.folder ? -1 : a.folder > b.folder ? 1 : a.uid < b.uid ? -1 : 1,
  );
}

/**
 * One series' plan: its slices in spatial order, a sprite base name unique in the study
 * (`usedBases` holds those taken), the UID it may publish; findings when its folder holds
 * several UIDs (reported once, on the folder's first group) or a UID unlike the folder's name.
 */
export function planSeries(
  group: SeriesGroup,
  groups: readonly SeriesGroup[],
  studyFolder: string,
  usedBases: Set<string>,
  refOf: (uid: string) => string,
): { series: SeriesPlan; findings: QualityFinding[] } {
  const findings: QualityFinding[] = [];
  const uidsInFolder = groups.filter((g) => g.folder === group.folder).length;
  const first = group.files[0]!.rel;
  if (uidsInFolder > 1 && group === groups.find((g) => g.folder === group.folder)) {
    findings.push(
      finding(
        'dicom-series-uid-mixed',
        { count: uidsInFolder },
        { file: first, study: studyFolder, column: 'SeriesInstanceUID' },
      ),
    );
  }
  const namedOtherwise = Boolean(group.files[0]!.header.seriesUid) && group.folder !== group.uid;
  if (namedOtherwise && uidsInFolder === 1) {
    findings.push(
      finding(
        'dicom-series-folder-uid-mismatch',
        { folder: group.folder, ref: refOf(group.uid) },
        { file: first, study: studyFolder, column: 'SeriesInstanceUID' },
      ),
    );
  }
  // Distinct ignoring case too: a case-insensitive disk or server would give two one file.
  let base = safeName(group.folder.replace(/\//g, '_'));
  for (let n = 2; usedBases.has(base.toLowerCase()); n++)
    base = `${safeName(group.folder.replace(/\//g, '_'))}-${n}`;
  usedBases.add(base.toLowerCase());
  const ordering = orderSlices(group.files, studyFolder);
  findings.push(...ordering.findings);
  return {
    series: {
      studyFolder,
      folder: group.folder,
      spriteBase: base,
      uid: group.uid,
      publicUid: namedOtherwise ? refOf(group.uid) : group.uid,
      files: ordering.files,
      spacingBetweenSlices: ordering.spacing,
    },
    findings,
  };
}

/** A SeriesInstanceUID found in more than one series folder: one finding per UID. */
export function seriesInSeveralFolders(
  studies: readonly StudyPlan[],
  refOf: (uid: string) => string,
): QualityFinding[] {
  const foldersOfUid = new Map<string, Set<string>>();
  for (const series of studies.flatMap((study) => study.series)) {
    const folders = foldersOfUid.get(series.uid) ?? new Set<string>();
    folders.add(`${series.studyFolder}/${series.folder}`);
    foldersOfUid.set(series.uid, folders);
  }
  return [...foldersOfUid]
    .filter(([uid, folders]) => folders.size > 1 && !uid.startsWith('(no SeriesInstanceUID)'))
    .map(([uid, folders]): QualityFinding => {
      const [firstFolder] = [...folders].sort();
      return finding(
        'dicom-series-in-several-folders',
        // The UID when a folder is named so (public), otherwise its reference.
        { uid: [...folders].some((f) => f.endsWith(`/${uid}`)) ? uid : refOf(uid) },
        { file: `studies/${firstFolder}`, column: 'SeriesInstanceUID' },
      );
    });
}
