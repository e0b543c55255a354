/**
 * The dataset's vocabulary: the labelled findings of the registry, in the order the
 * seed README lists them, with their Russian and English names.
 */
export const FINDING_IDS = [
  'epidural',
  'subarachnoid',
  'subdural',
  'intracerebral',
  'multiple',
  'fracture',
  'combined',
  'ventricular',
] as const;

export type FindingId = (typeof FINDING_IDS)[number];

export const LOCALES = ['ru', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export type Localized = Record<Locale, string>;

/** Human names of each finding, as the seed README words them (RU) and their translation (EN). */
export const FINDING_NAMES: Record<FindingId, Localized> = {
  epidural: { ru: 'Эпидуральное кровоизлияние', en: 'Epidural hemorrhage' },
  subarachnoid: { ru: 'Субарахноидальное кровоизлияние', en: 'Subarachnoid hemorrhage' },
  subdural: { ru: 'Субдуральное кровоизлияние', en: 'Subdural hemorrhage' },
  intracerebral: { ru: 'Внутримозговое кровоизлияние', en: 'Intracerebral hemorrhage' },
  multiple: { ru: 'Множественные кровоизлияния', en: 'Multiple hemorrhages' },
  fracture: { ru: 'Перелом костей черепа', en: 'Skull fracture' },
  combined: { ru: 'Сочетанные патологии', en: 'Combined pathologies' },
  ventricular: {
    ru: 'Прорыв в ликворные пространства',
    en: 'Ventricular breakthrough',
  },
};

export const SEXES = ['M', 'F'] as const;
export type Sex = (typeof SEXES)[number];

/** Window presets (center/width in HU) used for thumbnails. */
export const WINDOW_PRESETS = {
  brain: { center: 40, width: 80 },
  subdural: { center: 75, width: 200 },
  bone: { center: 600, width: 2800 },
} as const;
export type WindowPresetId = keyof typeof WINDOW_PRESETS;
export const WINDOW_PRESET_IDS = Object.keys(WINDOW_PRESETS) as WindowPresetId[];
