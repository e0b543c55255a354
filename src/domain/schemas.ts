/**
 * The zod schemas of the generated data: the contract between the pipeline (which writes
 * `generated/data/*.json` and validates before writing) and the pages (which read it).
 * Only allow-listed attributes (docs/imaging.md, "Privacy: one allow-list") have a place here.
 */
import { z } from 'zod';
import { attributesOf, type AttributeValue, type PublishedAttribute } from './dicom-attributes.ts';
import { type KindValue } from './field-table.ts';
import { RECORD_FIELDS, type RecordField } from './record-fields.ts';
import { FINDING_CODES, SEVERITIES } from './findings-catalog.ts';
import { FINDING_IDS } from './field-values.ts';
import { WINDOW_PRESET_IDS, type WindowPresetId } from './window-presets.ts';

/** Files and their bytes on disk (see size.ts). */
export const sizeSchema = z.object({
  files: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
});

export const localizedSchema = z.object({ ru: z.string(), en: z.string() });

export const findingFlagsSchema = z.object(
  Object.fromEntries(FINDING_IDS.map((id) => [id, z.boolean().nullable()])) as Record<
    (typeof FINDING_IDS)[number],
    z.ZodNullable<z.ZodBoolean>
  >,
);
export type FindingFlags = z.infer<typeof findingFlagsSchema>;

/** One sprite sheet: evenly spaced slices of a series, tiled left to right, top to bottom. */
export const spriteSchema = z.object({
  preset: z.enum(WINDOW_PRESET_IDS as [WindowPresetId, ...WindowPresetId[]]),
  /** Site-relative URL, e.g. `thumbs/<study>/<series>-brain.webp` (no leading slash). */
  url: z.string(),
  tileWidth: z.number().int().positive(),
  tileHeight: z.number().int().positive(),
  count: z.number().int().positive(),
  columns: z.number().int().positive(),
  /** For each tile, the 0-based index of the slice it shows in the series' sorted order. */
  slices: z.array(z.number().int().nonnegative()),
  /**
   * The same tiles larger, for the enlarged view (loaded only when it opens): up to 256 px,
   * never more than the source; null when the source is no bigger than the grid's tiles.
   */
  detail: z
    .object({
      url: z.string(),
      tileWidth: z.number().int().positive(),
      tileHeight: z.number().int().positive(),
    })
    .nullish(),
});
export type Sprite = z.infer<typeof spriteSchema>;

/** The zod type of each kind of published value (domain/dicom-attributes.ts). */
const ATTRIBUTE_SCHEMAS = {
  text: z.string(),
  texts: z.string(),
  number: z.number(),
  int: z.number().int(),
  pair: z.tuple([z.number(), z.number()]),
} satisfies Record<AttributeValue, z.ZodType>;

/** The schema of one group of published attributes, in the table's order; each nullable. */
const attributesShape = <G extends PublishedAttribute['group']>(group: G) =>
  Object.fromEntries(
    attributesOf(group).map((a) => [a.key, ATTRIBUTE_SCHEMAS[a.value].nullable()]),
  ) as {
    [A in Extract<PublishedAttribute, { group: G }> as A['key']]: z.ZodNullable<
      (typeof ATTRIBUTE_SCHEMAS)[A['value']]
    >;
  };

/** A series with only allow-listed DICOM attributes (the table of domain/dicom-attributes.ts). */
export const seriesSchema = z.object({
  /** SeriesInstanceUID when the series folder is named so; otherwise its reference (imaging/uid-ref.ts). */
  uid: z.string(),
  /** Folder name of the series inside the study folder. */
  folder: z.string(),
  ...attributesShape('scan'),
  imageCount: z.number().int().nonnegative(),
  /** The series' image files (`imageCount` of them) and their bytes on disk. */
  size: sizeSchema,
  ...attributesShape('file'),
  /** `ok`: sprites rendered; otherwise `sprites` is empty and `reason` says why. */
  status: z.enum(['ok', 'unsupported', 'failed']),
  reason: localizedSchema.nullable(),
  sprites: z.array(spriteSchema),
});
export type Series = z.infer<typeof seriesSchema>;

/** The schema of each kind of registry value (field-table.ts, `KindValue`). */
const KIND_SCHEMAS = {
  text: z.string(),
  boolean: z.boolean(),
  number: z.number(),
  age: z.number(),
  sex: z.enum(['M', 'F']),
} as const satisfies { [K in keyof KindValue]: z.ZodType<KindValue[K]> };
type KindSchemas = typeof KIND_SCHEMAS;

/** The registry's part of the study record: each record field at its id, nullable. */
const registryShape = Object.fromEntries(
  RECORD_FIELDS.map((f) => [f.id, KIND_SCHEMAS[f.kind].nullable()]),
) as { [F in RecordField as F['id']]: z.ZodNullable<KindSchemas[F['kind']]> };
const { pathology, ...registryAfterClass } = registryShape;

export const studySchema = z.object({
  /** StudyInstanceUID (anonymised) as the registry names it; the folder name when it has none. */
  id: z.string(),
  /** Short handle (registry row number, or `F<n>` for a folder with no row); see domain/handle.ts. */
  handle: z.string(),
  /** URL-safe slug for the study page. */
  slug: z.string(),
  /** Path of the study folder relative to the dataset root, e.g. `studies/<uid>`. */
  path: z.string(),
  /** 1-based row in the registry sheet, or null for a study folder with no row. */
  registryRow: z.number().int().nullable(),
  /**
   * The registry's fields (RECORD_FIELDS), each its kind or null when not stated; `findings`
   * in between, where studies.json has always written it. `pathology` is the class: true = with
   * signs of hemorrhage, false = without; `conclusion` the radiologist's, Russian original,
   * untrusted text; the technical parameters as the registry states them.
   */
  pathology,
  findings: findingFlagsSchema,
  ...registryAfterClass,
  /** From DICOM: the model of the first CT series. */
  model: z.string().nullable(),
  series: z.array(seriesSchema),
  /** Every file under the study folder (images or not) and its bytes on disk; 0 without folder. */
  size: sizeSchema,
  /**
   * SHA-256 of the study's lines of SHA256SUMS (`grep ' studies/<folder>/' SHA256SUMS |
   * sha256sum`); null when checksums were not computed or a file of it has none.
   */
  sha256: z.string().nullable(),
  /** Site-relative URL of the cover image (middle slice, brain window), or null. */
  cover: z.string().nullable(),
});
export type Study = z.infer<typeof studySchema>;

export const sourceSchema = z.object({
  /** True when built from the embedded synthetic sample. */
  synthetic: z.boolean(),
  registryFile: z.string().nullable(),
  registrySha256: z.string().nullable(),
  /**
   * Where the build found the registry: its sheet, header row and study id column as written
   * (for the "load it" code, python-snippets.ts); null when it found no registry header or no
   * study id column.
   */
  registryLayout: z
    .object({
      file: z.string(),
      sheet: z.string(),
      headerRow: z.number().int().positive(),
      idColumn: z.string(),
    })
    .nullable(),
  /** ISO date of the build input (SOURCE_DATE_EPOCH or the registry's mtime), for reproducibility. */
  builtAt: z.string(),
});
export type Source = z.infer<typeof sourceSchema>;

export const studiesFileSchema = z.object({
  source: sourceSchema,
  /**
   * The --checksums pass: files with a checksum and without, and the sha256 and size of the
   * SHA256SUMS file it wrote (for Croissant); null when it was not run.
   */
  checksums: z
    .object({
      files: z.number().int().nonnegative(),
      failed: z.number().int().nonnegative(),
      sumsFile: z.object({ sha256: z.string(), bytes: z.number().int().nonnegative() }),
    })
    .nullable(),
  studies: z.array(studySchema),
});
export type StudiesFile = z.infer<typeof studiesFileSchema>;

export const severitySchema = z.enum(SEVERITIES);
export type Severity = z.infer<typeof severitySchema>;

export const qualityFindingSchema = z.object({
  severity: severitySchema,
  /** Stable machine code from the catalog, e.g. `registry-missing-column`, `dicom-truncated`. */
  code: z.enum(FINDING_CODES),
  message: localizedSchema,
  /** Dataset-relative path of the file concerned. */
  file: z.string().optional(),
  /** 1-based spreadsheet row. */
  row: z.number().int().optional(),
  /** Column header as written in the registry (or a DICOM keyword). */
  column: z.string().optional(),
  study: z.string().optional(),
});
export type QualityFinding = z.infer<typeof qualityFindingSchema>;

/** Declared (README) versus computed overview figures. */
export const overviewSchema = z.object({
  studies: z.number().int(),
  patients: z.number().int(),
  male: z.number().int(),
  female: z.number().int(),
  sexUnknown: z.number().int(),
  ageMin: z.number().nullable(),
  ageMedian: z.number().nullable(),
  ageMax: z.number().nullable(),
  withPathology: z.number().int(),
  withoutPathology: z.number().int(),
});
export type Overview = z.infer<typeof overviewSchema>;

export const overviewCheckSchema = z.object({
  key: z.string(),
  declared: z.number().nullable(),
  computed: z.number().nullable(),
  match: z.boolean(),
});

export const qualityFileSchema = z.object({
  source: sourceSchema,
  counts: z.object({
    files: z.number().int(),
    filesParsed: z.number().int(),
    registryRows: z.number().int(),
    studies: z.number().int(),
    series: z.number().int(),
    error: z.number().int(),
    warning: z.number().int(),
    info: z.number().int(),
  }),
  overview: z.array(overviewCheckSchema),
  findings: z.array(qualityFindingSchema),
});
export type QualityFile = z.infer<typeof qualityFileSchema>;
