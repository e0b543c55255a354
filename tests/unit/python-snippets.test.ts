/**
 * The "load it" snippets as text: a dataset string becomes a Python literal that Python reads
 * back as exactly that string, and a hostile id or column name cannot change the program.
 * (tests/browser/python-snippets.test.ts runs the snippets of the built site against the sample.)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  pythonString,
  registrySnippet,
  seriesSnippet,
  type RegistryLayout,
} from '../../src/domain/python-snippets.ts';
import { WINDOW_PRESETS } from '../../src/domain/window-presets.ts';
import { findPython } from '../../scripts/lib/system-tools.ts';

const python = findPython(['json', 'ast']);

function runPython(code: string, stdin = ''): string {
  const run = spawnSync(python!, ['-c', code], { input: stdin, encoding: 'utf8' });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return run.stdout;
}

const HOSTILE = [
  'plain 1.2.643.5.1.13.13.12.2.77.8252.604',
  'quote " and \' and """ triple',
  'back\\slash\\',
  'new\nline\rcarriage\ttab',
  '")\nimport os; os.system("echo pwned")\n#',
  'nul\u0000byte and \u007f del',
  'Идентификатор исследования',
  'line\u2028separator\u2029and\u0085next',
  'astral 😀 and a lone \ud800 surrogate',
  'bidi \u202e override \u2066 isolate \ufeff bom \u00a0 nbsp \u000c form feed',
  '\\N{BULLET} \\x41 \\u0041',
  '{braces} %s {0}',
];

describe('pythonString', () => {
  it('is a one-line literal of visible characters that Python reads back as the same string', () => {
    const literals = HOSTILE.map(pythonString);
    for (const literal of literals) expect(literal).toMatch(/^"[\p{L}\p{M}\p{N}\p{P}\p{S} ]*"$/u);
    // Readable where it can be: Cyrillic as is; a bidi override or NBSP never raw.
    expect(pythonString('Идентификатор исследования')).toBe('"Идентификатор исследования"');
    expect(pythonString('a\u202eb\u00a0c')).toBe('"a\\u202eb\\xa0c"');
    const read = runPython(
      'import ast, json, sys\n' +
        'print(json.dumps([ast.literal_eval(line) for line in sys.stdin.read().splitlines()]))',
      literals.join('\n'),
    );
    expect(JSON.parse(read)).toEqual(HOSTILE);
  });
});

describe('the snippets with hostile data', () => {
  const layout: RegistryLayout = {
    file: 'reg"istry\n.xlsx',
    sheet: "sheet'\\",
    headerRow: 3,
    idColumn: '")\nimport os\n#',
  };

  it('registry: hostile names and ids stay data (one STUDIES list, the same strings)', () => {
    const code = registrySnippet(layout, HOSTILE, 'en');
    expect(code).toContain('header=2,');
    // Parse without running (pandas need not be here): the module's top-level statements and
    // the literal values of ID and STUDIES.
    const out = runPython(
      'import ast, json, sys\n' +
        'tree = ast.parse(sys.stdin.read())\n' +
        'names = {t.id: n.value for n in tree.body if isinstance(n, ast.Assign) for t in n.targets if isinstance(t, ast.Name)}\n' +
        'print(json.dumps({"kinds": [type(n).__name__ for n in tree.body],' +
        ' "ID": ast.literal_eval(names["ID"]), "STUDIES": ast.literal_eval(names["STUDIES"]),' +
        ' "calls": sorted({n.func.attr if isinstance(n.func, ast.Attribute) else n.func.id for n in ast.walk(tree) if isinstance(n, ast.Call)})}))',
      code,
    );
    const parsed = JSON.parse(out) as {
      kinds: string[];
      ID: string;
      STUDIES: string[];
      calls: string[];
    };
    expect(parsed.ID).toBe(layout.idColumn);
    expect(parsed.STUDIES).toEqual(HOSTILE);
    expect(parsed.kinds).toEqual([
      'ImportFrom',
      'Import',
      'Assign', // DATASET
      'Assign', // ID
      'Assign', // registry
      'Assign', // registry[ID] stripped
      'Assign', // STUDIES
      'Assign', // subset
      'Expr', // print
    ]);
    // No call but those the snippet means to make (an injected os.system would show here).
    expect(parsed.calls).toEqual([
      'Path',
      'drop_duplicates',
      'isin',
      'len',
      'print',
      'read_excel',
      'strip',
    ]);
  });

  it('registry without a filter keeps every study and lists no ids', () => {
    const code = registrySnippet(layout, null, 'en');
    expect(code).not.toContain('STUDIES');
    expect(code).toContain('subset = registry.dropna(subset=[ID]).drop_duplicates(ID)');
  });

  it('series: the folders are literals, the windows are the site presets', () => {
    const code = seriesSnippet(
      {
        kind: 'series',
        series: [
          { path: HOSTILE[4]!, sliceThickness: 5, imageCount: 32 },
          { path: 'studies/a/b', sliceThickness: null, imageCount: 3 },
        ],
      },
      'en',
    );
    const out = runPython(
      'import ast, json, sys\n' +
        'tree = ast.parse(sys.stdin.read())\n' +
        'names = {t.id: n.value for n in tree.body if isinstance(n, ast.Assign) for t in n.targets if isinstance(t, ast.Name)}\n' +
        'print(json.dumps({"SERIES": ast.literal_eval(names["SERIES"]), "WINDOWS": ast.literal_eval(names["WINDOWS"])}))',
      code,
    );
    const parsed = JSON.parse(out) as { SERIES: string[]; WINDOWS: Record<string, number[]> };
    expect(parsed.SERIES).toEqual([HOSTILE[4], 'studies/a/b']);
    expect(parsed.WINDOWS).toEqual(
      Object.fromEntries(
        Object.entries(WINDOW_PRESETS).map(([id, w]) => [id, [w.center, w.width]]),
      ),
    );
    expect(code).toContain('# 1: 5 mm, 32 images');
    expect(code).toContain('# 2: 3 images');
    expect(code).toContain('center, width = WINDOWS["brain"]');
  });
});

describe("the snippets in the page's language", () => {
  const comments = (code: string) =>
    code
      .split('\n')
      .map((line) => /#\s(.*)$/.exec(line)?.[1])
      .filter((c): c is string => c !== undefined && !/^\d+:/.test(c.trim()));

  it('Russian pages comment in Russian, English pages in English', () => {
    const layout: RegistryLayout = {
      file: 'dataset_registry.xlsx',
      sheet: 'Лист1',
      headerRow: 1,
      idColumn: 'id',
    };
    const series = {
      kind: 'series' as const,
      series: [{ path: 'studies/a/b', sliceThickness: 2.5, imageCount: 3 }],
    };
    for (const code of [registrySnippet(layout, ['1.2'], 'ru'), seriesSnippet(series, 'ru')]) {
      const said = comments(code);
      expect(said.length).toBeGreaterThan(3);
      for (const comment of said) expect(comment, comment).toMatch(/[а-яё]/i);
    }
    expect(seriesSnippet(series, 'ru')).toContain('# 1: 2,5 мм, 3 изображения');
    for (const comment of comments(seriesSnippet(series, 'en'))) {
      expect(comment, comment).not.toMatch(/[а-яё]/i);
    }
  });
});

const pydicom = findPython(['pydicom', 'numpy']);

describe('the series snippet on a series that mixes image sizes', () => {
  const work = mkdtempSync(join(tmpdir(), 'series-snippet-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('keeps the most common size, says what it left out, and stacks the rest in order', () => {
    expect(pydicom, 'a python3 with pydicom and numpy').not.toBeNull();
    // Five 8×8 axial slices, written out of order, and a 4×6 localizer in the same folder.
    const make = [
      'import numpy as np',
      'from pathlib import Path',
      'from pydicom.dataset import Dataset, FileMetaDataset',
      'from pydicom.uid import ExplicitVRLittleEndian, generate_uid',
      'CT = "1.2.840.10008.5.1.4.1.1.2"',
      'def write(name, rows, cols, z):',
      '    meta = FileMetaDataset()',
      '    meta.MediaStorageSOPClassUID = CT',
      '    meta.MediaStorageSOPInstanceUID = generate_uid()',
      '    meta.TransferSyntaxUID = ExplicitVRLittleEndian',
      '    ds = Dataset()',
      '    ds.file_meta = meta',
      '    ds.is_little_endian, ds.is_implicit_VR = True, False',
      '    ds.SOPClassUID, ds.SOPInstanceUID = CT, meta.MediaStorageSOPInstanceUID',
      '    ds.Rows, ds.Columns = rows, cols',
      '    ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 16, 16, 15, 1',
      '    ds.SamplesPerPixel, ds.PhotometricInterpretation = 1, "MONOCHROME2"',
      '    ds.ImagePositionPatient = [0, 0, z]',
      '    ds.ImageOrientationPatient = [1, 0, 0, 0, 1, 0]',
      '    ds.RescaleSlope, ds.RescaleIntercept = 1, -1024',
      '    ds.PixelData = np.full((rows, cols), 1024 + int(z), dtype=np.int16).tobytes()',
      '    path = Path("studies/s/series") / name',
      '    path.parent.mkdir(parents=True, exist_ok=True)',
      '    ds.save_as(path, write_like_original=False)',
      'for i, z in enumerate([3, 1, 4, 0, 2]):',
      '    write(f"slice{i}.dcm", 8, 8, z)',
      'write("localizer.dcm", 4, 6, 99)',
    ].join('\n');
    const made = spawnSync(pydicom!, ['-c', make], { cwd: work, encoding: 'utf8' });
    expect(made.stderr).toBe('');
    for (const locale of ['en', 'ru'] as const) {
      const code = seriesSnippet(
        {
          kind: 'series',
          series: [{ path: 'studies/s/series', sliceThickness: 1, imageCount: 6 }],
        },
        locale,
      );
      const run = spawnSync(pydicom!, ['-c', `${code}\nprint([float(s[0][0]) for s in hu])`], {
        cwd: work,
        encoding: 'utf8',
      });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const out = run.stdout.trim().split('\n');
      expect(out[0]).toBe(
        locale === 'en'
          ? 'Left out, images of another size (images per rows, columns): 1 {(8, 8): 5, (4, 6): 1}'
          : 'Не взято изображений другого размера (изображений по строкам, столбцам): 1 {(8, 8): 5, (4, 6): 1}',
      );
      expect(out[1]).toMatch(/\(5, 8, 8\)$/);
      // In slice order, in HU: 1024 + z stored, -1024 intercept.
      expect(out[2]).toBe('[0.0, 1.0, 2.0, 3.0, 4.0]');
    }
  });
});
