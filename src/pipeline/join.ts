/**
 * Joining registry rows with the imaging found on disk into public `Study` records.
 * A row finds its study folder by its path, else by its study id (as a folder name or as a
 * DICOM StudyInstanceUID). The registry wins for age and sex; DICOM fills a gap, and any
 * disagreement is a finding. Rows without a folder and folders without a row both stay
 * visible as studies, each with a finding.
 */
import { folderHandle, rowHandle } from '../domain/handle.ts';
import { FINDING_IDS } from '../domain/field-values.ts';
import { FIELD, FINDING_FIELDS, type FieldId } from '../domain/field-table.ts';
import {
  RECORD_FIELDS,
  inOrder,
  type RecordField,
  type RecordFieldId,
} from '../domain/record-fields.ts';
import type { QualityFinding, Study } from '../domain/schemas.ts';
import { ZERO_SIZE, type Size } from '../domain/size.ts';
import { finding } from './quality/finding.ts';
import type { RegistryResult, RegistryRow } from './registry/read-registry.ts';
import { uniqueSlugs } from './slug.ts';
import type { ImagingStudy } from './stages.ts';

export interface JoinInput {
  /** The registry, or null when there is none to read. */
  registry: RegistryResult | null;
  imaging: readonly ImagingStudy[];
  /** Names of the folders under `studies/` (including those without any readable file). */
  folders: readonly string[];
  /** Files and bytes per folder under studies/; a folder not listed counts as empty. */
  folderSizes?: Readonly<Record<string, Size>>;
  /** Study digests per folder (--checksums); absent: not computed. */
  folderDigests?: Readonly<Record<string, string | null>>;
}

export interface JoinResult {
  studies: Study[];
  findings: QualityFinding[];
}

const NO_FINDINGS = Object.fromEntries(FINDING_IDS.map((id) => [id, null])) as Study['findings'];

/** Joins the registry with the imaging; pure. */
export function joinStudies({
  registry,
  imaging,
  folders,
  folderSizes = {},
  folderDigests = {},
}: JoinInput): JoinResult {
  const findings: QualityFinding[] = [];
  const byFolder = new Map(imaging.map((s) => [s.folder, s]));
  const byUid = new Map(imaging.flatMap((s) => (s.studyUid ? [[s.studyUid, s] as const] : [])));
  const onDisk = new Set([...folders, ...byFolder.keys()]);
  const used = new Set<string>();
  const drafts: Draft[] = [];
  let folderOnly = 0;
  // A row whose folder is missing has nothing on disk: its size is zero.
  const sizeOf = (folder: string | null): Size =>
    folder !== null ? (folderSizes[folder] ?? ZERO_SIZE) : ZERO_SIZE;
  const sizes: Size[] = [];
  const digests: (string | null)[] = [];
  const digestOf = (folder: string | null) =>
    folder !== null ? (folderDigests[folder] ?? null) : null;
  const file = registry?.file;

  for (const row of registry?.rows ?? []) {
    if (row.duplicateOf !== null) continue;
    const folder = findFolder(row, onDisk, byUid);
    const id = row.values.studyUid ?? row.folder!;
    // Only the row that claims a folder counts its files, so sizes add up to the dataset's.
    const claimed = folder !== null && !used.has(folder);
    if (!claimed) {
      findings.push(
        finding(
          'registry-folder-missing',
          { folder: row.values.path ?? row.folder! },
          { file, row: row.row, column: header(registry, 'path'), study: id },
        ),
      );
    } else {
      used.add(folder);
    }
    const scan = folder !== null ? (byFolder.get(folder) ?? null) : null;
    findings.push(...compareWithDicom(row, scan, id, file, (f) => header(registry, f)));
    drafts.push(fromRow(row, id, folder ?? row.folder!, scan));
    sizes.push(sizeOf(claimed ? folder : null));
    digests.push(digestOf(claimed ? folder : null));
  }

  const orphans = [...onDisk].filter((f) => !used.has(f)).sort(codePointOrder);
  for (const folder of orphans) {
    const scan = byFolder.get(folder) ?? null;
    if (registry !== null) {
      findings.push(
        finding(
          'study-folder-without-row',
          { folder },
          // The folder name, never the files' own StudyInstanceUID: only folder names are public.
          { file: `studies/${folder}`, study: folder },
        ),
      );
    }
    folderOnly += 1;
    drafts.push(fromFolder(folder, scan, folderHandle(folderOnly)));
    sizes.push(sizeOf(folder));
    digests.push(digestOf(folder));
  }

  const slugs = uniqueSlugs(drafts.map((d) => d.id));
  return {
    studies: drafts.map((d, i) => ({
      ...d,
      slug: slugs[i]!,
      size: { ...sizes[i]! },
      sha256: digests[i]!,
    })),
    findings,
  };
}

function findFolder(
  row: RegistryRow,
  onDisk: ReadonlySet<string>,
  byUid: ReadonlyMap<string, ImagingStudy>,
): string | null {
  if (row.folder !== null && onDisk.has(row.folder)) return row.folder;
  const uid = row.values.studyUid;
  if (uid !== null && onDisk.has(uid)) return uid;
  if (uid !== null && byUid.has(uid)) return byUid.get(uid)!.folder;
  return null;
}

type PatientField = Extract<RecordField, { dicom: { of: 'patient' } }>;
/** The fields a patient attribute fills, in the order the findings have always named them. */
const PATIENT_FIELDS = inOrder(
  RECORD_FIELDS.filter((f): f is PatientField => 'dicom' in f && f.dicom.of === 'patient').map(
    (f) => f.id,
  ),
  ['sex', 'age'],
).map((id) => FIELD[id]);

function compareWithDicom(
  row: RegistryRow,
  scan: ImagingStudy | null,
  study: string,
  file: string | undefined,
  headerOf: (field: FieldId) => string,
): QualityFinding[] {
  if (scan === null) return [];
  const out: QualityFinding[] = [];
  const where = (field: FieldId) => ({
    file,
    row: row.row,
    column: headerOf(field),
    study,
  });
  const { sex, age, studyUid: uid } = row.values;
  if (sex !== null && scan.patientSex !== null && sex !== scan.patientSex) {
    out.push(
      finding(
        'registry-dicom-sex-mismatch',
        { registry: sex, dicom: scan.patientSex },
        where('sex'),
      ),
    );
  }
  if (age !== null && scan.patientAge !== null && age !== scan.patientAge) {
    out.push(
      finding(
        'registry-dicom-age-mismatch',
        { registry: age, dicom: scan.patientAge },
        where('age'),
      ),
    );
  }
  if (uid !== null && scan.studyUid !== null && uid !== scan.studyUid) {
    out.push(
      finding(
        'registry-dicom-uid-mismatch',
        // The files' own UID only by its reference: it is not public (see imaging/uid-ref.ts).
        { registry: uid, folder: scan.folder, ref: String(scan.studyUidRef) },
        where('studyUid'),
      ),
    );
  }
  for (const field of PATIENT_FIELDS) {
    const dicomValue = scan[field.dicom.key];
    if (row.values[field.id] === null && dicomValue !== null) {
      out.push(
        finding(
          'registry-value-from-dicom',
          { field: field.id, dicom: dicomValue },
          where(field.id),
        ),
      );
    }
  }
  return out;
}

/** The header of a field as the registry writes it (the sample's header when absent). */
function header(registry: RegistryResult | null, field: FieldId): string {
  return registry?.headers[field] ?? FIELD[field].header;
}

type Draft = Omit<Study, 'slug' | 'size' | 'sha256'>;
type RecordValues = Pick<Study, RecordFieldId>;

/**
 * The registry's part of a study record, one generic loop over RECORD_FIELDS: each field's value
 * as `valueOf` gives it, else what its DICOM attribute (the field table's `dicom`) holds in the
 * study's files (`patient`) or its first CT series (`series`, when `series` is allowed).
 */
function recordValues(
  valueOf: (field: RecordField) => RecordValues[RecordFieldId],
  scan: ImagingStudy | null,
  series: boolean,
): RecordValues {
  const ct = scan?.series.find((s) => s.modality === 'CT') ?? null;
  const fromDicom = (field: RecordField) => {
    if (!('dicom' in field)) return null;
    const { of, key } = field.dicom;
    return (of === 'patient' ? scan?.[key] : series ? ct?.[key] : null) ?? null;
  };
  return Object.fromEntries(
    RECORD_FIELDS.map((f) => [f.id, valueOf(f) ?? fromDicom(f)]),
  ) as RecordValues;
}

/** The study record's keys around the registry's, in the order studies.json has written them. */
function draft(
  head: Pick<Study, 'id' | 'handle' | 'path' | 'registryRow'>,
  findings: Study['findings'],
  values: RecordValues,
  scan: ImagingStudy | null,
): Draft {
  const { pathology, ...rest } = values;
  return {
    ...head,
    pathology,
    findings,
    ...rest,
    // From DICOM: the model of the first CT series.
    model: scan?.series.find((s) => s.modality === 'CT')?.model ?? null,
    series: scan?.series ?? [],
    cover: scan?.cover ?? null,
  };
}

/**
 * The study record of a registry row: each field at its study key (the field table's `study`,
 * which tests/unit/field-table.test.ts checks); a patient attribute fills what the row leaves
 * empty (compareWithDicom says so), a series attribute does not.
 */
function fromRow(row: RegistryRow, id: string, folder: string, scan: ImagingStudy | null): Draft {
  const v = row.values;
  return draft(
    { id, handle: rowHandle(row.row), path: `studies/${folder}`, registryRow: row.row },
    Object.fromEntries(FINDING_FIELDS.map((f) => [f.id, v[f.id]])) as Study['findings'],
    recordValues((f) => v[f.id], scan, false),
    scan,
  );
}

/** The study record of a folder without a registry row: what its files say. */
function fromFolder(folder: string, scan: ImagingStudy | null, handle: string): Draft {
  return draft(
    // The folder name is the published identifier; the files' own UID may differ and is private.
    { id: folder, handle, path: `studies/${folder}`, registryRow: null },
    { ...NO_FINDINGS },
    recordValues(() => null, scan, true),
    scan,
  );
}

function codePointOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
