/**
 * From scanned files to studies and series: files grouped by study folder, each study's UID,
 * series (plan-series.ts: grouped by folder and UID, slices in spatial order) and patient
 * fields; every disagreement is a finding. Pure.
 */
import type { QualityFinding } from '../../../domain/schemas.ts';
import { finding } from '../../quality/finding.ts';
import { FILE_PROBLEM_CODES } from '../findings.ts';
import type { FileScan, ImageHeader } from '../types.ts';
import { planSeries, seriesGroups, seriesInSeveralFolders } from './plan-series.ts';
import { uniqueSafeNames } from './safe-name.ts';
import type { ImageFile, Plan, StudyEntry, StudyPlan } from './types.ts';

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
  const { byStudy, findings } = imagesByStudy(scans, studyFolders);
  const thumbFolders = uniqueSafeNames([...byStudy.keys()]);
  const studies = [...byStudy]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([folder, entries]) => {
      const planned = planStudy(folder, thumbFolders.get(folder)!, entries, refOf);
      findings.push(...planned.findings);
      return planned.study;
    });
  findings.push(...seriesInSeveralFolders(studies, refOf));
  return { studies, findings };
}

/**
 * The CT images of each study folder (every listed folder, even an empty one), and a finding
 * for each file that is not one or lies outside a study folder.
 */
function imagesByStudy(
  scans: FileScan[],
  studyFolders: string[],
): { byStudy: Map<string, StudyEntry[]>; findings: QualityFinding[] } {
  const findings: QualityFinding[] = [];
  const byStudy = new Map<string, StudyEntry[]>(studyFolders.map((folder) => [folder, []]));
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
  return { byStudy, findings };
}

/** One study folder's plan: its UID, its series in folder order, the patient's sex and age. */
function planStudy(
  studyFolder: string,
  thumbFolder: string,
  entries: StudyEntry[],
  refOf: (uid: string) => string,
): { study: StudyPlan; findings: QualityFinding[] } {
  if (!entries.length) {
    return {
      study: {
        folder: studyFolder,
        thumbFolder,
        studyUid: null,
        studyUidRef: null,
        patientSex: null,
        patientAge: null,
        series: [],
      },
      findings: [
        finding(
          'dicom-study-without-ct',
          {},
          { file: `studies/${studyFolder}`, study: studyFolder },
        ),
      ],
    };
  }
  const studyUids = entries.map((e) => e.file.header.studyUid);
  const studyUid = majority(studyUids);
  const findings = studyUidFindings(studyFolder, entries[0]!.file.rel, studyUids, studyUid, refOf);
  const groups = seriesGroups(entries);
  const usedBases = new Set<string>();
  const series = groups.map((group) => {
    const planned = planSeries(group, groups, studyFolder, usedBases, refOf);
    findings.push(...planned.findings);
    return planned.series;
  });
  const firstWith = <T>(pick: (h: ImageHeader) => T | null): T | null =>
    entries.map((e) => pick(e.file.header)).find((v) => v !== null) ?? null;
  return {
    study: {
      folder: studyFolder,
      thumbFolder,
      studyUid,
      studyUidRef: studyUid === null || studyUid === studyFolder ? studyUid : refOf(studyUid),
      patientSex: firstWith((h) => h.patientSex),
      patientAge: firstWith((h) => h.patientAge),
      series,
    },
    findings,
  };
}

/** A study folder whose files carry several StudyInstanceUIDs, or one unlike its name. */
function studyUidFindings(
  studyFolder: string,
  firstFile: string,
  studyUids: (string | null)[],
  studyUid: string | null,
  refOf: (uid: string) => string,
): QualityFinding[] {
  const findings: QualityFinding[] = [];
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
  return findings;
}
