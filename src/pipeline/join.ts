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
  const drafts: Omit<Study, 'slug' | 'size' | 'sha256'>[] = [];
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
  for (const [field, registryValue, dicomValue] of [
    ['sex', sex, scan.patientSex],
    ['age', age, scan.patientAge],
  ] as const) {
    if (registryValue === null && dicomValue !== null) {
      out.push(finding('registry-value-from-dicom', { field, dicom: dicomValue }, where(field)));
    }
  }
  return out;
}

/** The header of a field as the registry writes it (the sample's header when absent). */
function header(registry: RegistryResult | null, field: FieldId): string {
  return registry?.headers[field] ?? FIELD[field].header;
}

function firstCtModel(scan: ImagingStudy | null): string | null {
  return scan?.series.find((s) => s.modality === 'CT')?.model ?? null;
}

/**
 * The study record of a registry row. Each field goes to its study key (the field table's
 * `study`, which tests/unit/field-table.test.ts checks against this function); the keys are
 * listed in the order studies.json has always written them.
 */
function fromRow(
  row: RegistryRow,
  id: string,
  folder: string,
  scan: ImagingStudy | null,
): Omit<Study, 'slug' | 'size' | 'sha256'> {
  const v = row.values;
  return {
    id,
    handle: rowHandle(row.row),
    path: `studies/${folder}`,
    registryRow: row.row,
    pathology: v.pathology,
    findings: Object.fromEntries(FINDING_FIELDS.map((f) => [f.id, v[f.id]])) as Study['findings'],
    age: v.age ?? scan?.patientAge ?? null,
    sex: v.sex ?? scan?.patientSex ?? null,
    conclusion: v.conclusion,
    sliceThickness: v.sliceThickness,
    kvp: v.kvp,
    tubeCurrent: v.tubeCurrent,
    kernel: v.kernel,
    manufacturer: v.manufacturer,
    model: firstCtModel(scan),
    series: scan?.series ?? [],
    cover: scan?.cover ?? null,
  };
}

function fromFolder(
  folder: string,
  scan: ImagingStudy | null,
  handle: string,
): Omit<Study, 'slug' | 'size' | 'sha256'> {
  const ct = scan?.series.find((s) => s.modality === 'CT') ?? null;
  return {
    // The folder name is the published identifier; the files' own UID may differ and is private.
    id: folder,
    handle,
    path: `studies/${folder}`,
    registryRow: null,
    pathology: null,
    findings: { ...NO_FINDINGS },
    age: scan?.patientAge ?? null,
    sex: scan?.patientSex ?? null,
    conclusion: null,
    sliceThickness: ct?.sliceThickness ?? null,
    kvp: ct?.kvp ?? null,
    tubeCurrent: ct?.tubeCurrent ?? null,
    kernel: ct?.kernel ?? null,
    manufacturer: ct?.manufacturer ?? null,
    model: ct?.model ?? null,
    series: scan?.series ?? [],
    cover: scan?.cover ?? null,
  };
}

function codePointOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
