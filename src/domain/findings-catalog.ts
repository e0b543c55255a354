/**
 * The catalog of quality findings: every code the build can report, with its severity, the
 * stage that reports it and the placeholders of its message. The words — title, message
 * template, what the publisher should do — are in `src/i18n/{ru,en}/findings.json` under
 * `findings.<code>.{title,message,action}`; a code without its words fails `npm run check`.
 * The builder (pipeline/quality/finding.ts), quality.json's schema, the data-quality page and
 * the table in docs/build.md all read this catalog.
 */
import ru from '../i18n/ru/findings.json' with { type: 'json' };
import en from '../i18n/en/findings.json' with { type: 'json' };
import { fill } from '../i18n/fill.ts';
import { LOCALES, type Locale, type Localized } from '../i18n/locales.ts';

/** Most severe first: the order of the report. */
export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** The build stage that reports a code, in the order the build runs them. */
export const FINDING_STAGES = [
  'readme',
  'registry',
  'imaging',
  'checksums',
  'join',
  'overview',
] as const;
export type FindingStage = (typeof FINDING_STAGES)[number];

interface CatalogEntry {
  severity: Severity;
  stage: FindingStage;
  /** The placeholders of the message template, e.g. `{header}`. */
  params: readonly string[];
}

/** Every finding code, grouped by stage. */
export const FINDING_CATALOG = {
  'readme-missing': { severity: 'info', stage: 'readme', params: ['fallback'] },
  'readme-missing-section': { severity: 'warning', stage: 'readme', params: ['section'] },
  'readme-unreadable-value': {
    severity: 'warning',
    stage: 'readme',
    params: ['section', 'heading', 'raw'],
  },
  'readme-disagreement': {
    severity: 'warning',
    stage: 'readme',
    params: ['fact', 'heading', 'ru', 'en'],
  },

  'registry-missing': { severity: 'error', stage: 'registry', params: [] },
  'registry-unreadable': { severity: 'error', stage: 'registry', params: ['reason'] },
  'registry-no-header': { severity: 'error', stage: 'registry', params: [] },
  'registry-missing-column': { severity: 'error', stage: 'registry', params: ['field', 'tried'] },
  'registry-missing-optional-column': {
    severity: 'info',
    stage: 'registry',
    params: ['field', 'tried'],
  },
  'registry-unknown-column': {
    severity: 'warning',
    stage: 'registry',
    params: ['header', 'sheet'],
  },
  'registry-duplicate-column': {
    severity: 'warning',
    stage: 'registry',
    params: ['header', 'field', 'column'],
  },
  'registry-unreadable-value': {
    severity: 'warning',
    stage: 'registry',
    params: ['raw', 'expected'],
  },
  'registry-row-without-study': { severity: 'error', stage: 'registry', params: [] },
  'registry-duplicate-study': {
    severity: 'error',
    stage: 'registry',
    params: ['study', 'earlier'],
  },
  'registry-too-large': { severity: 'error', stage: 'registry', params: ['reason'] },
  'registry-forbidden-characters': {
    severity: 'warning',
    stage: 'registry',
    params: ['part', 'count'],
  },
  'registry-wrong-encoding': { severity: 'error', stage: 'registry', params: ['sheet'] },
  'registry-hidden-sheet': { severity: 'warning', stage: 'registry', params: ['sheet'] },
  'registry-competing-sheet': {
    severity: 'warning',
    stage: 'registry',
    params: ['sheet', 'chosen'],
  },
  'registry-too-many-rows': { severity: 'error', stage: 'registry', params: ['limit'] },
  'registry-text-repaired': { severity: 'warning', stage: 'registry', params: ['problem'] },
  'registry-merged-cell': { severity: 'warning', stage: 'registry', params: ['master'] },
  'registry-formula-without-value': {
    severity: 'warning',
    stage: 'registry',
    params: ['formula'],
  },
  'registry-error-value': { severity: 'warning', stage: 'registry', params: ['error'] },
  'registry-path-outside-studies': { severity: 'error', stage: 'registry', params: ['path'] },

  'dicom-no-studies-folder': { severity: 'error', stage: 'imaging', params: [] },
  'dicom-listing-error': { severity: 'error', stage: 'imaging', params: ['detail'] },
  'dicom-symlink-outside': { severity: 'error', stage: 'imaging', params: [] },
  'dicom-too-large': { severity: 'error', stage: 'imaging', params: ['detail'] },
  'dicom-empty': { severity: 'error', stage: 'imaging', params: ['detail'] },
  'dicom-not-dicom': { severity: 'error', stage: 'imaging', params: ['detail'] },
  'dicom-truncated': { severity: 'error', stage: 'imaging', params: ['detail'] },
  'dicom-unreadable': { severity: 'error', stage: 'imaging', params: ['detail'] },
  'dicom-no-pixel-data': { severity: 'warning', stage: 'imaging', params: ['detail'] },
  'dicom-not-ct': { severity: 'warning', stage: 'imaging', params: ['detail'] },
  'dicom-localizer': { severity: 'info', stage: 'imaging', params: ['detail'] },
  'dicom-secondary-capture': { severity: 'info', stage: 'imaging', params: ['detail'] },
  'dicom-outside-study-folder': { severity: 'warning', stage: 'imaging', params: [] },
  'dicom-no-series-folder': { severity: 'warning', stage: 'imaging', params: [] },
  'dicom-study-without-ct': { severity: 'warning', stage: 'imaging', params: [] },
  'dicom-study-uid-mixed': { severity: 'warning', stage: 'imaging', params: ['count'] },
  'dicom-study-folder-uid-mismatch': {
    severity: 'warning',
    stage: 'imaging',
    params: ['folder', 'ref'],
  },
  'dicom-series-uid-mixed': { severity: 'warning', stage: 'imaging', params: ['count'] },
  'dicom-series-folder-uid-mismatch': {
    severity: 'warning',
    stage: 'imaging',
    params: ['folder', 'ref'],
  },
  'dicom-series-in-several-folders': { severity: 'warning', stage: 'imaging', params: ['uid'] },
  'dicom-mixed-orientation': { severity: 'warning', stage: 'imaging', params: [] },
  'dicom-mixed-matrix': { severity: 'warning', stage: 'imaging', params: ['sizes'] },
  'dicom-no-position': { severity: 'info', stage: 'imaging', params: [] },
  'dicom-unsupported-transfer-syntax': {
    severity: 'warning',
    stage: 'imaging',
    params: ['syntax'],
  },
  'dicom-decode-failed': { severity: 'error', stage: 'imaging', params: ['detail'] },
  'dicom-slice-dropped': { severity: 'warning', stage: 'imaging', params: ['detail'] },

  'checksum-file-vanished': { severity: 'error', stage: 'checksums', params: ['file'] },
  'checksum-file-changed': { severity: 'error', stage: 'checksums', params: ['file'] },
  'checksum-file-unreadable': { severity: 'error', stage: 'checksums', params: ['file'] },

  'registry-folder-missing': { severity: 'error', stage: 'join', params: ['folder'] },
  'study-folder-without-row': { severity: 'warning', stage: 'join', params: ['folder'] },
  'registry-dicom-sex-mismatch': {
    severity: 'warning',
    stage: 'join',
    params: ['registry', 'dicom'],
  },
  'registry-dicom-age-mismatch': {
    severity: 'warning',
    stage: 'join',
    params: ['registry', 'dicom'],
  },
  'registry-dicom-uid-mismatch': {
    severity: 'warning',
    stage: 'join',
    params: ['registry', 'folder', 'ref'],
  },
  'registry-value-from-dicom': { severity: 'info', stage: 'join', params: ['field', 'dicom'] },

  'overview-mismatch': {
    severity: 'warning',
    stage: 'overview',
    params: ['label', 'declared', 'computed', 'delta'],
  },
  'overview-sex-not-specified': { severity: 'info', stage: 'overview', params: [] },
} as const satisfies Record<string, CatalogEntry>;

export type FindingCode = keyof typeof FINDING_CATALOG;
export const FINDING_CODES = Object.keys(FINDING_CATALOG) as [FindingCode, ...FindingCode[]];

/** A placeholder's value: the same in both languages, or one per language. */
export type FindingValue = string | number | Localized;
/** The values a code's message needs, one per placeholder. */
export type FindingParams<C extends FindingCode> = {
  [K in (typeof FINDING_CATALOG)[C]['params'][number]]: FindingValue;
};

/** The words of findings.json; English must have every Russian key (checked by the types). */
export const FINDINGS_WORDS: Record<Locale, typeof ru> = { ru, en };
export type FindingsWordKey = keyof typeof ru;
export type FindingPart = 'title' | 'message' | 'action';

/**
 * A text of findings.json in both languages, its placeholders filled (a value may differ by
 * language).
 * @example findingsText('overview.side.declared').en // 'In the README'
 */
export function findingsText(
  key: FindingsWordKey,
  params: Readonly<Record<string, FindingValue>> = {},
): Localized {
  const entries = Object.entries(params);
  const text = (locale: Locale) =>
    fill(
      findingsWord(key, locale),
      Object.fromEntries(entries.map(([k, v]) => [k, typeof v === 'object' ? v[locale] : v])),
    );
  return Object.fromEntries(LOCALES.map((locale) => [locale, text(locale)])) as Localized;
}

/**
 * A word of findings.json in one language.
 * @example findingsWord('overview.male', 'en') // 'Male patients'
 */
export function findingsWord(key: FindingsWordKey, locale: Locale): string {
  return FINDINGS_WORDS[locale][key];
}

/**
 * A code's title, message template or action in one language.
 * @example findingWord('dicom-empty', 'title', 'en') // 'Empty files'
 */
export function findingWord(code: FindingCode, part: FindingPart, locale: Locale): string {
  return findingsWord(`findings.${code}.${part}`, locale);
}

/**
 * A code's message in both languages, its placeholders filled.
 * @example findingMessage('dicom-mixed-matrix', { sizes: '512×512, 256×256' }).en
 * // 'Slices with different matrix sizes in one series: 512×512, 256×256'
 */
export function findingMessage<C extends FindingCode>(
  code: C,
  params: FindingParams<C>,
): Localized {
  return findingsText(`findings.${code}.message`, params);
}
