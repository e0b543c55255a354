/**
 * "Load it" code: short Python snippets a researcher would otherwise write, shown with copy
 * buttons on the statistics page (the explorer's subset) and on each study page (its series).
 * One reads the registry with pandas and keeps a subset by study id; one reads a series with
 * pydicom in slice order (position along the slice normal), converts it to HU and windows it.
 * Pure text, also built in the browser by the explorer (no zod).
 *
 * Every dataset string (ids, folders, the registry's sheet and column names) enters the code
 * only as a Python string literal made by pythonString, never in a comment: the snippet stays
 * the same program whatever the data holds. Comments carry only numbers and our own words.
 */
import { WINDOW_PRESETS, WINDOW_PRESET_IDS, type WindowPresetId } from './labels.ts';

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
const DATASET_LINE =
  'DATASET = Path(".")  # your copy of the dataset: the folder that holds studies/';

/**
 * Reads the registry and keeps the rows of the given studies (all rows for `ids` null: no
 * filter). Duplicate rows of a study are dropped as the build drops them (the first one stays).
 */
export function registrySnippet(layout: RegistryLayout, ids: readonly string[] | null): string {
  const lines = [
    ids === null
      ? '# The registry, every study.'
      : `# The registry rows of the ${ids.length} studies selected here.`,
    '# Needs pandas and openpyxl (Debian: python3-pandas python3-openpyxl).',
    'from pathlib import Path',
    '',
    'import pandas as pd',
    '',
    DATASET_LINE,
    `ID = ${pythonString(layout.idColumn)}  # the study id column`,
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
  lines.push('print(len(subset), "studies")');
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

function seriesComment(series: SnippetSeries, i: number): string {
  const thickness = series.sliceThickness === null ? '' : `${series.sliceThickness} mm, `;
  return `# ${i + 1}: ${thickness}${series.imageCount} images`;
}

/**
 * Reads one series with pydicom, sorts its slices by position along the slice normal (not by
 * InstanceNumber, not by file name), converts them to HU (RescaleSlope, RescaleIntercept) and
 * windows the volume with one of WINDOW_PRESETS.
 */
export function seriesSnippet(source: SeriesSource, preset: WindowPresetId = 'brain'): string {
  const windows = WINDOW_PRESET_IDS.map(
    (id) => `${pythonString(id)}: (${WINDOW_PRESETS[id].center}, ${WINDOW_PRESETS[id].width})`,
  ).join(', ');
  const where =
    source.kind === 'series'
      ? [
          'SERIES = [  # the series folders of this study',
          ...source.series.map((s, i) => `    ${pythonString(s.path)},  ${seriesComment(s, i)}`),
          ']',
          'folder = DATASET / SERIES[0]',
        ]
      : [
          `STUDY = ${pythonString(source.path)}  # the first study selected here`,
          'folder = min(p for p in (DATASET / STUDY).iterdir() if p.is_dir())  # its first series',
        ];
  const lines = [
    '# One series in slice order, in Hounsfield units (HU), windowed.',
    '# Needs pydicom and numpy (Debian: python3-pydicom python3-numpy); compressed files also',
    '# need a pixel decoder (pylibjpeg or gdcm).',
    'from pathlib import Path',
    '',
    'import numpy as np',
    'import pydicom',
    '',
    DATASET_LINE,
    ...where,
    `WINDOWS = {${windows}}  # center, width (HU)`,
    '',
    'slices = [pydicom.dcmread(f) for f in folder.iterdir() if f.is_file()]',
    'slices = [ds for ds in slices if "ImagePositionPatient" in ds and "PixelData" in ds]',
    '# Slice order: position along the slice normal (not InstanceNumber, not the file name).',
    'row, col = np.array(slices[0].ImageOrientationPatient, dtype=float).reshape(2, 3)',
    'normal = np.cross(row, col)',
    'slices.sort(key=lambda ds: np.dot(normal, np.array(ds.ImagePositionPatient, dtype=float)))',
    'hu = np.stack([',
    '    ds.pixel_array * float(ds.get("RescaleSlope", 1)) + float(ds.get("RescaleIntercept", 0))',
    '    for ds in slices',
    '])',
    `center, width = WINDOWS[${pythonString(preset)}]`,
    '# 0 (black) to 1 (white), e.g. plt.imshow(image[len(image) // 2], cmap="gray")',
    'image = np.clip((hu - (center - width / 2)) / width, 0, 1)',
    'print(hu.shape, "slices, rows, columns")',
  ];
  return `${lines.join('\n')}\n`;
}
