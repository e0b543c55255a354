/**
 * Every CSV the site publishes is safe to open in a spreadsheet (issue 23): registry.csv, the
 * statistics tables, the explorer's subset download and the subset kit's manifest all go
 * through one guard; formula-like text is made inert, real numbers stay numbers.
 */
import { csvFormatRows, csvParseRows } from 'd3';
import { describe, expect, it } from 'vitest';
import { chartCsv } from '../../../src/site/charts/chart-files.ts';
import {
  registryCsvFromStudies,
  subsetRegistryCsv,
} from '../../../src/scripts/explorer/registry-csv.ts';
import { toExplorerStudy } from '../../../src/site/explorer-data.ts';
import { safeCsvCell } from '../../../src/domain/csv-safe.ts';
import { FIELDS } from '../../../src/domain/field-table.ts';
import { folderList, manifestCsv } from '../../../src/domain/subset-manifest.ts';
import { registryCsv } from '../../../src/pipeline/outputs/registry-csv.ts';
import type { RegistryRow } from '../../../src/pipeline/registry/read-registry.ts';
import { emptyValues } from '../../../src/pipeline/registry/fields.ts';
import { fixtureStudies } from '../../fixtures/fixture-studies.ts';

const PAYLOADS = [
  '=HYPERLINK("http://x","y")',
  '+1+cmd|/C calc!A0',
  '-2+3',
  '@SUM(A1)',
  '\t=1+1',
  '\r=1+1',
  '  =1',
  '\n@x',
];

/** What a spreadsheet would run: a cell (after CSV parsing) starting like a formula. */
const runnable = (cell: string) => /^(?:[\t\r]|\s*[=+\-@])/.test(cell) && !/^[-+]?\d/.test(cell);

function cellsOf(csv: string): string[] {
  return csvParseRows(csv.replace(/^\ufeff/, '')).flat();
}

describe('spreadsheet-safe CSV', () => {
  it('makes formula-like text inert and keeps numbers, negative ones too', () => {
    for (const p of PAYLOADS) expect(safeCsvCell(p)).toBe(`'${p}`);
    for (const n of ['-5', '+1.5', '-0.625', '1e-3', '42', '']) expect(safeCsvCell(n)).toBe(n);
    expect(safeCsvCell('Норма')).toBe('Норма');
  });

  it('registry.csv: no cell a spreadsheet would run', () => {
    const rows: RegistryRow[] = PAYLOADS.map((p, i) => ({
      row: i + 2,
      values: { ...emptyValues(), studyUid: `1.${i}`, conclusion: p, kernel: p, age: -3 },
      folder: `1.${i}`,
      duplicateOf: null,
    }));
    const cells = cellsOf(registryCsv(rows));
    expect(cells.filter(runnable)).toEqual([]);
    expect(cells).toContain(`'${PAYLOADS[0]}`);
    expect(cells).toContain('-3');
  });

  it("the statistics tables and the explorer's subset download: no cell a spreadsheet would run", () => {
    const table = { head: ['Kernel', 'Studies'], rows: PAYLOADS.map((p) => [p, -1]) };
    expect(cellsOf(chartCsv({ table } as never)).filter(runnable)).toEqual([]);
    expect(cellsOf(chartCsv({ table } as never))).toContain('-1');

    const studies = fixtureStudies(PAYLOADS.length).map((s, i) => ({
      ...toExplorerStudy(s),
      conclusion: PAYLOADS[i]!,
    }));
    expect(cellsOf(registryCsvFromStudies(studies)).filter(runnable)).toEqual([]);

    // A registry.csv with raw payloads (an older site's): the subset written from it is safe,
    // and an inert id still matches its study.
    const header = FIELDS.map((f) => f.csv);
    const uid = header.indexOf('study_uid');
    const raw = [header, header.map((_, j) => (j === uid ? '=1' : PAYLOADS[0]!))];
    const subset = subsetRegistryCsv(csvFormatRows(raw), new Set(['=1']));
    expect(cellsOf(subset).filter(runnable)).toEqual([]);
    expect(cellsOf(subset)).toHaveLength(2 * header.length);
  });

  it("the subset kit's manifest is safe and its folder list never leaves studies/", () => {
    const studies = ['1.2.3', '=cmd', '..', 'a\nb'].map((folder) => ({
      id: folder,
      path: `studies/${folder}`,
      seriesCount: 1,
      size: { files: 1, bytes: 1 },
      sha256: null,
    }));
    const context = {
      filter: 'x',
      url: 'u',
      datasetVersion: '1',
      builtAt: 'd',
      registrySha256: null,
    };
    const manifest = manifestCsv(studies, context);
    const csv = manifest
      .split('\n')
      .filter((l) => !l.startsWith('#'))
      .join('\n');
    expect(cellsOf(csv).filter(runnable)).toEqual([]);
    expect(folderList(studies)).toBe('studies/1.2.3\nstudies/=cmd\n');
    expect(manifest).not.toContain('studies/..');
  });
});
