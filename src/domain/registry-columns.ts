/**
 * The registry's canonical fields and the headers that name them. The sample generator writes
 * `header` (Russian, in the seed README's wording where it names the parameter); the registry
 * reader matches any alias case-, space- and underscore-insensitively.
 */
export interface RegistryColumn {
  /** Canonical field id (snake_case), also the column name in `registry.csv`. */
  id: string;
  /** The Russian header the sample writes. */
  header: string;
  /** Other accepted headers, Russian and English. */
  aliases: readonly string[];
  required: boolean;
}

export const REGISTRY_COLUMNS = [
  {
    id: 'study_uid',
    header: 'Идентификатор исследования',
    aliases: [
      'study_uid',
      'StudyInstanceUID',
      'study_instance_anon',
      'study_id',
      'UID исследования',
    ],
    required: true,
  },
  {
    id: 'path',
    header: 'Путь к исследованию',
    aliases: ['path', 'study_path', 'Путь', 'Путь к файлу'],
    required: true,
  },
  {
    id: 'pathology',
    header: 'Наличие признаков внутричерепного кровоизлияния',
    aliases: ['pathology', 'class', 'has_pathology', 'Класс', 'Наличие патологии'],
    required: true,
  },
  {
    id: 'epidural',
    header: 'Признаки эпидурального кровоизлияния',
    aliases: ['epidural'],
    required: true,
  },
  {
    id: 'subarachnoid',
    header: 'Признаки субарахноидального кровоизлияния',
    aliases: ['subarachnoid'],
    required: true,
  },
  {
    id: 'subdural',
    header: 'Признаки субдурального кровоизлияния',
    aliases: ['subdural'],
    required: true,
  },
  {
    id: 'intracerebral',
    header: 'Признаки внутримозгового кровоизлияния',
    aliases: ['intracerebral'],
    required: true,
  },
  {
    id: 'multiple',
    header: 'Признаки множественных кровоизлияний',
    aliases: ['multiple', 'multiple_hemorrhages'],
    required: true,
  },
  {
    id: 'fracture',
    header: 'Признаки перелома костей черепа',
    aliases: ['fracture', 'skull_fracture'],
    required: true,
  },
  {
    id: 'combined',
    header: 'Признаки сочетанных патологий',
    aliases: ['combined', 'combined_pathologies'],
    required: true,
  },
  {
    id: 'ventricular',
    header: 'Признаки прорыва в ликворные пространства',
    aliases: ['ventricular', 'ventricular_breakthrough', 'Прорыв в ликворные пространства'],
    required: true,
  },
  {
    id: 'conclusion',
    header: 'Текстовое заключение врача-рентгенолога',
    aliases: ['conclusion', 'report', 'Заключение'],
    required: false,
  },
  { id: 'age', header: 'Возраст', aliases: ['age', 'patient_age'], required: false },
  { id: 'sex', header: 'Пол', aliases: ['sex', 'gender', 'patient_sex'], required: false },
  {
    id: 'slice_thickness',
    header: 'Толщина сканирования',
    aliases: ['slice_thickness', 'SliceThickness', 'Толщина среза'],
    required: false,
  },
  { id: 'kvp', header: 'kVp (kiloVolt Peak)', aliases: ['kvp', 'кВп'], required: false },
  {
    id: 'tube_current',
    header: 'Сила тока трубки (mA)',
    aliases: ['tube_current', 'XRayTubeCurrent', 'Сила тока трубки', 'mA'],
    required: false,
  },
  {
    id: 'kernel',
    header: 'Фильтр реконструкции',
    aliases: ['kernel', 'reconstruction_filter', 'ConvolutionKernel'],
    required: false,
  },
  {
    id: 'manufacturer',
    header: 'Производитель',
    aliases: ['manufacturer', 'Manufacturer'],
    required: false,
  },
] as const satisfies readonly RegistryColumn[];

export type RegistryFieldId = (typeof REGISTRY_COLUMNS)[number]['id'];

/** The column of registry.csv that holds the study's handle (see handle.ts). */
export const HANDLE_COLUMN = 'handle';

/**
 * Columns the site adds after the registry's fields, from the study folder on disk (named
 * `study_*` so they cannot be mistaken for the registry's own); empty for a row without a study.
 */
export const STUDY_SIZE_COLUMNS = ['study_files', 'study_bytes'] as const;

/**
 * The columns of the published `registry.csv`: the handle, the registry's fields, then the
 * study folder's size.
 */
export const REGISTRY_CSV_COLUMNS: readonly string[] = [
  HANDLE_COLUMN,
  ...REGISTRY_COLUMNS.map((c) => c.id),
  ...STUDY_SIZE_COLUMNS,
];
