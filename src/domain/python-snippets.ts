/**
 * "Load it" code: short Python snippets a researcher would otherwise write, shown with copy
 * buttons on the statistics page (the explorer's subset) and on each study page (its series).
 * One reads the registry with pandas and keeps a subset by study id; one reads a series with
 * pydicom in slice order (position along the slice normal), converts it to HU and windows it.
 * Pure text, also built in the browser by the explorer (no zod).
 *
 * Every dataset string (ids, folders, the registry's sheet and column names) enters the code
 * only as a Python string literal made by pythonString, never in a comment: the snippet stays
 * the same program whatever the data holds. Comments carry only numbers and our own words, in
 * the page's language (download.json's `download.py.*`); the words a snippet prints are ours
 * too, as literals.
 */
import type { Locale } from '../i18n/locales.ts';
import { WINDOW_PRESETS, WINDOW_PRESET_IDS, type WindowPresetId } from './window-presets.ts';
import { useBrowserTranslations } from '../i18n/browser.ts';
import { formatNumber } from './number-format.ts';

/** Where the build found the registry (see schemas.ts `registryLayout`). */
export interface RegistryLayout {
  /** Dataset-relative path of the workbook, e.g. `dataset_registry.xlsx`. */
  file: string;
  sheet: string;
  /** 1-based row of the header in the sheet. */
  headerRow: number;
  /** The study id column's header, as written. */
  idColumn: string;
}

const hex = (code: number, digits: number) => code.toString(16).padStart(digits, '0');

/**
 * Characters a literal shows as they are: letters, marks, digits, punctuation, symbols and the
 * ASCII space. Everything else (controls, line and paragraph separators, other spaces, format
 * characters such as bidi overrides, surrogates, private use, unassigned) is escaped, so the
 * literal is one line that reads as what it means (Cyrillic stays readable).
 */
const SHOWN = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

/**
 * A Python string literal for any JavaScript string: shown characters as they are (but `"` and
 * `\` escaped), everything else as `\x`, `\u` or `\U` escapes, so the literal is one line and
 * means exactly the given text (an astral character is one code point, not a pair of
 * surrogates; a lone surrogate stays a lone surrogate, as Python allows).
 * @example pythonString('a"b\\c') // '"a\\"b\\\\c"'
 * @example pythonString('Пол\n') // '"Пол\\x0a"'
 */
export function pythonString(text: string): string {
  let out = '"';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (char === '"' || char === '\\') out += `\\${char}`;
    else if (SHOWN.test(char)) out += char;
    else if (code <= 0xff) out += `\\x${hex(code, 2)}`;
    else if (code <= 0xffff) out += `\\u${hex(code, 4)}`;
    else out += `\\U${hex(code, 8)}`;
  }
  return `${out}"`;
}

/** The dataset folder, as both snippets name it (run them there, or change this line). */
const datasetLine = (t: ReturnType<typeof useBrowserTranslations>) =>
  `DATASET = Path(".")  # ${t('download.py.dataset')}`;

/**
 * Reads the registry and keeps the rows of the given studies (all rows for `ids` null: no
 * filter). Duplicate rows of a study are dropped as the build drops them (the first one stays).
 */
export function registrySnippet(
  layout: RegistryLayout,
  ids: readonly string[] | null,
  locale: Locale,
): string {
  const t = useBrowserTranslations(locale);
  const lines = [
    ids === null
      ? `# ${t('download.py.registryAll')}`
      : `# ${t('download.py.registrySome', { count: ids.length })}`,
    `# ${t('download.py.registryNeeds')}`,
    'from pathlib import Path',
    '',
    'import pandas as pd',
    '',
    datasetLine(t),
    `ID = ${pythonString(layout.idColumn)}  # ${t('download.py.idColumn')}`,
    'registry = pd.read_excel(',
    `    DATASET / ${pythonString(layout.file)},`,
    `    sheet_name=${pythonString(layout.sheet)},`,
    `    header=${layout.headerRow - 1},`,
    '    dtype={ID: str},',
    ')',
    'registry[ID] = registry[ID].str.strip()',
  ];
  if (ids === null) {
    lines.push('subset = registry.dropna(subset=[ID]).drop_duplicates(ID)');
  } else {
    lines.push(
      'STUDIES = [',
      ...ids.map((id) => `    ${pythonString(id)},`),
      ']',
      'subset = registry[registry[ID].isin(STUDIES)].drop_duplicates(ID)',
    );
  }
  lines.push(`print(${pythonString(t('download.py.studiesPrinted'))}, len(subset))`);
  return `${lines.join('\n')}\n`;
}

/** A series folder of a study page's snippet, with what its comment says about it. */
export interface SnippetSeries {
  /** Dataset-relative folder, e.g. `studies/<study>/<series>`. */
  path: string;
  sliceThickness: number | null;
  imageCount: number;
}

/**
 * Where the series snippet takes its series from: the listed series folders of one study (its
 * page), or the first series folder found in a study folder (the explorer's first study).
 */
export type SeriesSource =
  { kind: 'series'; series: readonly SnippetSeries[] } | { kind: 'study'; path: string };

function seriesComment(series: SnippetSeries, i: number, locale: Locale): string {
  const t = useBrowserTranslations(locale);
  const images = t('download.py.images', {
    count: series.imageCount,
    n: formatNumber(locale, series.imageCount),
  });
  const thickness =
    series.sliceThickness === null
      ? ''
      : `${t('download.py.mm', { n: formatNumber(locale, series.sliceThickness) })}, `;
  return `# ${i + 1}: ${thickness}${images}`;
}

/**
 * Reads one series with pydicom, keeps its most common image size (a series may also hold a
 * localizer or another image of its own size, which numpy cannot stack with the others; the
 * snippet prints what it left out), sorts the slices by position along the slice normal (not by
 * InstanceNumber, not by file name), converts them to HU (RescaleSlope, RescaleIntercept) and
 * windows the volume with one of WINDOW_PRESETS.
 */
export function seriesSnippet(
  source: SeriesSource,
  locale: Locale,
  preset: WindowPresetId = 'brain',
): string {
  const t = useBrowserTranslations(locale);
  const windows = WINDOW_PRESET_IDS.map(
    (id) => `${pythonString(id)}: (${WINDOW_PRESETS[id].center}, ${WINDOW_PRESETS[id].width})`,
  ).join(', ');
  const where =
    source.kind === 'series'
      ? [
          `SERIES = [  # ${t('download.py.seriesFolders')}`,
          ...source.series.map(
            (s, i) => `    ${pythonString(s.path)},  ${seriesComment(s, i, locale)}`,
          ),
          ']',
          'folder = DATASET / SERIES[0]',
        ]
      : [
          `STUDY = ${pythonString(source.path)}  # ${t('download.py.firstStudy')}`,
          `folder = min(p for p in (DATASET / STUDY).iterdir() if p.is_dir())  # ${t('download.py.firstSeries')}`,
        ];
  const lines = [
    `# ${t('download.py.seriesTitle')}`,
    `# ${t('download.py.seriesNeeds')}`,
    `# ${t('download.py.seriesDecoder')}`,
    'from collections import Counter',
    'from pathlib import Path',
    '',
    'import numpy as np',
    'import pydicom',
    '',
    datasetLine(t),
    ...where,
    `WINDOWS = {${windows}}  # ${t('download.py.windows')}`,
    '',
    'slices = [pydicom.dcmread(f) for f in folder.iterdir() if f.is_file()]',
    'slices = [ds for ds in slices if "ImagePositionPatient" in ds and "PixelData" in ds]',
    `# ${t('download.py.sizes')}`,
    'sizes = Counter((ds.Rows, ds.Columns) for ds in slices)',
    'size = sizes.most_common(1)[0][0]',
    'if len(sizes) > 1:',
    `    print(${pythonString(t('download.py.skipped'))}, len(slices) - sizes[size], dict(sizes))`,
    'slices = [ds for ds in slices if (ds.Rows, ds.Columns) == size]',
    `# ${t('download.py.order')}`,
    'row, col = np.array(slices[0].ImageOrientationPatient, dtype=float).reshape(2, 3)',
    'normal = np.cross(row, col)',
    'slices.sort(key=lambda ds: np.dot(normal, np.array(ds.ImagePositionPatient, dtype=float)))',
    'hu = np.stack([',
    '    ds.pixel_array * float(ds.get("RescaleSlope", 1)) + float(ds.get("RescaleIntercept", 0))',
    '    for ds in slices',
    '])',
    `center, width = WINDOWS[${pythonString(preset)}]`,
    `# ${t('download.py.image')}`,
    'image = np.clip((hu - (center - width / 2)) / width, 0, 1)',
    `print(${pythonString(t('download.py.shapePrinted'))}, hu.shape)`,
  ];
  return `${lines.join('\n')}\n`;
}
