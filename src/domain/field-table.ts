/**
 * The registry's fields, one row each, from the dataset's spreadsheet to the site's URL. The
 * registry reader, the join, both writers of `registry.csv`, Croissant and JSON-LD, the sample
 * generator, the facets of the explorer and the studies index all read this table; none of
 * them names a field's header, column, study key or URL key on its own.
 *
 * Inside the code a field has one name, its `id`, which is also its key in the study record
 * (`Study`) wherever the record has the field at the top level. The public names stay as they
 * were published and are recorded here, next to the id:
 * - `header`, `aliases`: the spreadsheet's headers (the dataset's; the sample writes `header`,
 *   the reader accepts any of them, and the `csv` name, case-, space- and underscore-blind);
 * - `csv`: the column of `data/registry.csv` (also the field's name in Croissant and JSON-LD);
 * - `study`: where the field lands in the study record of `studies.json` (`findings` = the
 *   nested `findings` object, under the field's id);
 * - `facet.param`: the URL query key of the field's filter (links are shared), and for the
 *   class its URL values (`CLASS_URL_VALUES`);
 * - `dicom`: the DICOM attribute that fills the field when the registry does not state it;
 * - `page`, `search`: where the study page shows the field, and its Pagefind filter there.
 * The field's word is `field.<id>` in src/i18n/<locale>/fields.json (a finding's: `finding.<id>`).
 * The study schema (schemas.ts, through record-fields.ts), the join, the explorer's and the
 * studies index's records, the filters, the study page and the sample's registry row all follow
 * the rows: a new field is a row here, its word in each language and its sample value
 * (src/sample/registry-values.ts).
 */
import { FINDING_IDS, UNKNOWN, type FindingId } from './field-values.ts';

/** How a field's values are written in the registry, read, and typed. */
export type ValueKind = 'text' | 'boolean' | 'number' | 'age' | 'sex';

/** The value type of each kind, once read. */
export interface KindValue {
  text: string;
  boolean: boolean;
  number: number;
  age: number;
  sex: 'M' | 'F';
}

/** What a field is to the dataset: Croissant marks `class` and `finding` fields as labels. */
export type FieldRole = 'id' | 'class' | 'finding' | 'clinical' | 'acquisition';

/**
 * How a field filters studies: `anyOf` (any chosen value; `urlValues` when the URL spells a
 * value otherwise), `allOf` (every chosen finding present; the URL value is the field's id) or
 * `range` (two bounds).
 */
export type FacetSpec =
  | { kind: 'anyOf'; param: string; urlValues?: Readonly<Record<string, string>> }
  | { kind: 'allOf'; param: string }
  | { kind: 'range'; min: string; max: string };

/**
 * The class of a study, as the statistics count it and the filters offer it: with signs of
 * hemorrhage, without, not stated (`UNKNOWN`).
 */
export const CLASS_KEYS = ['with', 'without', UNKNOWN] as const;
export type ClassKey = (typeof CLASS_KEYS)[number];

/**
 * The class of a `pathology` value (`unknown` when the registry does not state it).
 * @example classOf(true) // 'with'
 */
export function classOf(pathology: boolean | null): ClassKey {
  return pathology === true ? 'with' : pathology === false ? 'without' : UNKNOWN;
}

/** The class as the URL (`class=`), the studies index's sort values and old links spell it. */
export const CLASS_URL_VALUES = { with: 'pathology', without: 'normal' } as const satisfies Record<
  Exclude<ClassKey, typeof UNKNOWN>,
  string
>;

export interface FieldSpec {
  id: string;
  kind: ValueKind;
  role: FieldRole;
  /** The Russian header the sample writes (the dataset's wording). */
  header: string;
  /** Other accepted headers, Russian and English. */
  aliases: readonly string[];
  /** A registry without this column is an error (otherwise a note; the field stays empty). */
  required: boolean;
  /** Column of `registry.csv`. */
  csv: string;
  /** Key of the study record that holds the field (`findings`: inside `Study.findings`). */
  study: string;
  facet?: FacetSpec;
  /**
   * Where DICOM fills the field when the registry does not state it: a `patient` attribute of the
   * study's files (also for a registry row that leaves it empty, with a finding), or an attribute
   * of its first CT series (only for a study folder without a registry row). `key` is the
   * attribute's key in the imaging study (`patientAge`, `patientSex`) or the series record.
   */
  dicom?: DicomSource;
  /** The study page's section that shows the field (none: shown elsewhere or not at all). */
  page?: 'summary' | 'registry';
  /** The Pagefind filter the study page sets from the field (docs/site.md, "Search"). */
  search?: string;
}

/** The imaging study's patient attributes, and the series record's keys a field may come from. */
export type DicomSource =
  | { of: 'patient'; key: 'patientAge' | 'patientSex' }
  | { of: 'series'; key: 'sliceThickness' | 'kvp' | 'tubeCurrent' | 'kernel' | 'manufacturer' };

const finding = <Id extends FindingId>(id: Id, header: string, aliases: readonly string[] = []) =>
  ({
    id,
    kind: 'boolean',
    role: 'finding',
    header,
    aliases: [...aliases],
    required: true,
    csv: id,
    study: 'findings',
    facet: { kind: 'allOf', param: 'finding' },
  }) as const;

/** The fields in the order of the sample's sheet and of `registry.csv`. */
export const FIELDS = [
  {
    id: 'studyUid',
    kind: 'text',
    role: 'id',
    header: 'Идентификатор исследования',
    aliases: ['StudyInstanceUID', 'study_instance_anon', 'study_id', 'UID исследования'],
    required: true,
    csv: 'study_uid',
    study: 'id',
  },
  {
    id: 'path',
    kind: 'text',
    role: 'id',
    header: 'Путь к исследованию',
    aliases: ['study_path', 'Путь', 'Путь к файлу'],
    required: true,
    csv: 'path',
    study: 'path',
  },
  {
    id: 'pathology',
    kind: 'boolean',
    role: 'class',
    header: 'Наличие признаков внутричерепного кровоизлияния',
    aliases: ['class', 'has_pathology', 'Класс', 'Наличие патологии'],
    required: true,
    csv: 'pathology',
    study: 'pathology',
    facet: { kind: 'anyOf', param: 'class', urlValues: CLASS_URL_VALUES },
    page: 'summary',
    search: 'class',
  },
  finding('epidural', 'Признаки эпидурального кровоизлияния'),
  finding('subarachnoid', 'Признаки субарахноидального кровоизлияния'),
  finding('subdural', 'Признаки субдурального кровоизлияния'),
  finding('intracerebral', 'Признаки внутримозгового кровоизлияния'),
  finding('multiple', 'Признаки множественных кровоизлияний', ['multiple_hemorrhages']),
  finding('fracture', 'Признаки перелома костей черепа', ['skull_fracture']),
  finding('combined', 'Признаки сочетанных патологий', ['combined_pathologies']),
  finding('ventricular', 'Признаки прорыва в ликворные пространства', [
    'ventricular_breakthrough',
    'Прорыв в ликворные пространства',
  ]),
  {
    id: 'conclusion',
    kind: 'text',
    role: 'clinical',
    header: 'Текстовое заключение врача-рентгенолога',
    aliases: ['report', 'Заключение'],
    required: false,
    csv: 'conclusion',
    study: 'conclusion',
  },
  {
    id: 'age',
    kind: 'age',
    role: 'clinical',
    header: 'Возраст',
    aliases: ['patient_age'],
    required: false,
    csv: 'age',
    study: 'age',
    facet: { kind: 'range', min: 'ageMin', max: 'ageMax' },
    dicom: { of: 'patient', key: 'patientAge' },
    page: 'summary',
  },
  {
    id: 'sex',
    kind: 'sex',
    role: 'clinical',
    header: 'Пол',
    aliases: ['gender', 'patient_sex'],
    required: false,
    csv: 'sex',
    study: 'sex',
    facet: { kind: 'anyOf', param: 'sex' },
    dicom: { of: 'patient', key: 'patientSex' },
    page: 'summary',
    search: 'sex',
  },
  {
    id: 'sliceThickness',
    kind: 'number',
    role: 'acquisition',
    header: 'Толщина сканирования',
    aliases: ['SliceThickness', 'Толщина среза'],
    required: false,
    csv: 'slice_thickness',
    study: 'sliceThickness',
    facet: { kind: 'anyOf', param: 'thickness' },
    dicom: { of: 'series', key: 'sliceThickness' },
    page: 'registry',
  },
  {
    id: 'kvp',
    kind: 'number',
    role: 'acquisition',
    header: 'kVp (kiloVolt Peak)',
    aliases: ['кВп'],
    required: false,
    csv: 'kvp',
    study: 'kvp',
    facet: { kind: 'anyOf', param: 'kvp' },
    dicom: { of: 'series', key: 'kvp' },
    page: 'registry',
  },
  {
    id: 'tubeCurrent',
    kind: 'number',
    role: 'acquisition',
    header: 'Сила тока трубки (mA)',
    aliases: ['XRayTubeCurrent', 'Сила тока трубки', 'mA'],
    required: false,
    csv: 'tube_current',
    study: 'tubeCurrent',
    dicom: { of: 'series', key: 'tubeCurrent' },
    page: 'registry',
  },
  {
    id: 'kernel',
    kind: 'text',
    role: 'acquisition',
    header: 'Фильтр реконструкции',
    aliases: ['reconstruction_filter', 'ConvolutionKernel'],
    required: false,
    csv: 'kernel',
    study: 'kernel',
    facet: { kind: 'anyOf', param: 'kernel' },
    dicom: { of: 'series', key: 'kernel' },
    page: 'registry',
    search: 'kernel',
  },
  {
    id: 'manufacturer',
    kind: 'text',
    role: 'acquisition',
    header: 'Производитель',
    aliases: ['Manufacturer'],
    required: false,
    csv: 'manufacturer',
    study: 'manufacturer',
    facet: { kind: 'anyOf', param: 'manufacturer' },
    dicom: { of: 'series', key: 'manufacturer' },
    page: 'registry',
    search: 'manufacturer',
  },
] as const satisfies readonly FieldSpec[];

export type Field = (typeof FIELDS)[number];
export type FieldId = Field['id'];
/** The row of one field, with its literal types. */
export type FieldOf<Id extends FieldId> = Extract<Field, { id: Id }>;

/** Each field's row by id. */
export const FIELD = Object.fromEntries(FIELDS.map((f) => [f.id, f])) as {
  [Id in FieldId]: FieldOf<Id>;
};

/** The normalised values of one registry row: each field's kind, or null when empty. */
export type RegistryValues = { [F in Field as F['id']]: KindValue[F['kind']] | null };

/** The finding fields, in FINDING_IDS order (the seed README's). */
export const FINDING_FIELDS = FINDING_IDS.map((id) => FIELD[id]);

/** The column of registry.csv that holds the study's handle (see handle.ts). */
export const HANDLE_COLUMN = 'handle';

/**
 * Columns the site adds after the registry's fields, from the study folder on disk (named
 * `study_*` so they cannot be mistaken for the registry's own); empty for a row without a study.
 */
export const STUDY_SIZE_COLUMNS = { files: 'study_files', bytes: 'study_bytes' } as const;

/**
 * The columns of the published `registry.csv`: the handle, the registry's fields, then the
 * study folder's size.
 */
export const REGISTRY_CSV_COLUMNS: readonly string[] = [
  HANDLE_COLUMN,
  ...FIELDS.map((f) => f.csv),
  ...Object.values(STUDY_SIZE_COLUMNS),
];

/**
 * One cell of registry.csv: booleans as 1/0, numbers with a dot, unknown as empty.
 * @example csvCell(true) // '1'
 * @example csvCell(0.625) // '0.625'
 * @example csvCell(null) // ''
 */
export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? '1' : '0';
  return String(value);
}
