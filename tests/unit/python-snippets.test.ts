/**
 * The "load it" snippets as text: a dataset string becomes a Python literal that Python reads
 * back as exactly that string, and a hostile id or column name cannot change the program.
 * (tests/site/python-snippets.test.ts runs the snippets of the built site against the sample.)
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  pythonString,
  registrySnippet,
  seriesSnippet,
  type RegistryLayout,
} from '../../src/domain/python-snippets.ts';
import { WINDOW_PRESETS } from '../../src/domain/labels.ts';
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
    const code = registrySnippet(layout, HOSTILE);
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
    const code = registrySnippet(layout, null);
    expect(code).not.toContain('STUDIES');
    expect(code).toContain('subset = registry.dropna(subset=[ID]).drop_duplicates(ID)');
  });

  it('series: the folders are literals, the windows are the site presets', () => {
    const code = seriesSnippet({
      kind: 'series',
      series: [
        { path: HOSTILE[4]!, sliceThickness: 5, imageCount: 32 },
        { path: 'studies/a/b', sliceThickness: null, imageCount: 3 },
      ],
    });
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
