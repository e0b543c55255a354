/**
 * Human titles of the quality findings' codes, for the data-quality page's headings. The codes
 * stay in quality.json (and small, beside the title) as stable machine names; a code without
 * a title here shows as itself.
 */
import type { Locale } from '../../domain/labels.ts';

type Title = Record<Locale, string>;

const TITLES: Record<string, Title> = {
  'dicom-empty': { ru: 'Пустые файлы', en: 'Empty files' },
  'dicom-not-dicom': { ru: 'Файлы не в формате DICOM', en: 'Files that are not DICOM' },
  'dicom-truncated': { ru: 'Обрезанные файлы DICOM', en: 'Truncated DICOM files' },
  'dicom-unreadable': { ru: 'Нечитаемые файлы DICOM', en: 'Unreadable DICOM files' },
  'dicom-no-pixel-data': { ru: 'Файлы без изображения', en: 'Files without an image' },
  'dicom-not-ct': { ru: 'Не КТ-изображения', en: 'Images that are not CT' },
  'dicom-localizer': { ru: 'Топограммы', en: 'Localizer (scout) images' },
  'dicom-secondary-capture': { ru: 'Вторичные захваты', en: 'Secondary captures' },
  'dicom-decode-failed': { ru: 'Изображения не декодируются', en: 'Images that do not decode' },
  'dicom-unsupported-transfer-syntax': {
    ru: 'Неподдерживаемый синтаксис передачи',
    en: 'Unsupported transfer syntax',
  },
  'dicom-no-studies-folder': { ru: 'Нет папки studies/', en: 'No studies/ folder' },
  'dicom-outside-study-folder': {
    ru: 'Файлы вне папок исследований',
    en: 'Files outside study folders',
  },
  'dicom-no-series-folder': { ru: 'Файлы вне папок серий', en: 'Files outside series folders' },
  'dicom-study-without-ct': {
    ru: 'Исследования без КТ-изображений',
    en: 'Studies without CT images',
  },
  'dicom-study-folder-uid-mismatch': {
    ru: 'Имя папки исследования не совпадает с UID в файлах',
    en: 'Study folder named otherwise than the UID in its files',
  },
  'dicom-study-uid-mixed': {
    ru: 'Разные UID исследования в одной папке',
    en: 'Several study UIDs in one folder',
  },
  'dicom-series-folder-uid-mismatch': {
    ru: 'Имя папки серии не совпадает с UID в файлах',
    en: 'Series folder named otherwise than the UID in its files',
  },
  'dicom-series-uid-mixed': {
    ru: 'Разные UID серии в одной папке',
    en: 'Several series UIDs in one folder',
  },
  'dicom-series-in-several-folders': {
    ru: 'Серия в нескольких папках',
    en: 'A series spread over several folders',
  },
  'dicom-mixed-orientation': {
    ru: 'Срезы разной ориентации в серии',
    en: 'Slices of different orientations in a series',
  },
  'dicom-mixed-matrix': {
    ru: 'Срезы разного размера в серии',
    en: 'Slices of different sizes in a series',
  },
  'dicom-no-position': { ru: 'Срезы без положения', en: 'Slices without a position' },
  'registry-missing': { ru: 'Нет файла реестра', en: 'No registry file' },
  'registry-unreadable': { ru: 'Реестр не читается', en: 'Unreadable registry' },
  'registry-no-header': {
    ru: 'В реестре нет строки заголовков',
    en: 'No header row in the registry',
  },
  'registry-missing-column': { ru: 'Нет обязательного столбца', en: 'Required column missing' },
  'registry-missing-optional-column': {
    ru: 'Нет необязательного столбца',
    en: 'Optional column missing',
  },
  'registry-unknown-column': { ru: 'Неизвестные столбцы', en: 'Unknown columns' },
  'registry-duplicate-column': { ru: 'Повторяющиеся столбцы', en: 'Duplicate columns' },
  'registry-unreadable-value': { ru: 'Нечитаемые значения', en: 'Unreadable values' },
  'registry-duplicate-study': { ru: 'Повторяющиеся исследования', en: 'Duplicate studies' },
  'registry-row-without-study': {
    ru: 'Строки реестра без исследования',
    en: 'Registry rows without a study',
  },
  'registry-folder-missing': {
    ru: 'Нет папки исследования',
    en: 'Study folders missing',
  },
  'study-folder-without-row': {
    ru: 'Папки исследований без строки реестра',
    en: 'Study folders without a registry row',
  },
  'registry-dicom-age-mismatch': {
    ru: 'Возраст в реестре и в DICOM различается',
    en: 'Age differs between the registry and DICOM',
  },
  'registry-dicom-sex-mismatch': {
    ru: 'Пол в реестре и в DICOM различается',
    en: 'Sex differs between the registry and DICOM',
  },
  'registry-dicom-uid-mismatch': {
    ru: 'Идентификатор в реестре и UID в DICOM различаются',
    en: 'Registry id differs from the UID in DICOM',
  },
  'registry-value-from-dicom': {
    ru: 'Значения, взятые из DICOM',
    en: 'Values taken from DICOM',
  },
  'overview-mismatch': {
    ru: 'Показатели README не совпадают с данными',
    en: 'README figures that the data does not reproduce',
  },
  'overview-sex-not-specified': {
    ru: 'Исследования без указания пола',
    en: 'Studies without a stated sex',
  },
};

/**
 * The title of a code in `locale`, or the code itself when it has none.
 * @example codeTitle('dicom-empty', 'en') // 'Empty files'
 */
export function codeTitle(code: string, locale: Locale): string {
  return TITLES[code]?.[locale] ?? code;
}

/** The codes that have a title (for the test that every code the build emits has one). */
export const TITLED_CODES: readonly string[] = Object.keys(TITLES);
