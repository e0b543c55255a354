import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIELDS } from '../../../src/domain/field-table.ts';
import { readRegistry } from '../../../src/pipeline/registry/read-registry.ts';
import { tempDir, writeWorkbook, type CellValue } from '../../support/xlsx.ts';

const HEADERS = FIELDS.map((c) => c.header);
const FILE = 'dataset_registry.xlsx';

/** A registry row in column order, with overrides by field id. */
function row(overrides: Record<string, CellValue>): CellValue[] {
  const base: Record<string, CellValue> = {
    studyUid: '1.2.3.1',
    path: 'studies/1.2.3.1',
    pathology: 1,
    epidural: 0,
    subarachnoid: 0,
    subdural: 1,
    intracerebral: 0,
    multiple: 0,
    fracture: 0,
    combined: 0,
    ventricular: 0,
    conclusion: 'Субдуральная гематома справа.',
    age: 57,
    sex: 'М',
    sliceThickness: 5,
    kvp: 120,
    tubeCurrent: 250,
    kernel: 'FC21',
    manufacturer: 'TOSHIBA',
  };
  const merged = { ...base, ...overrides };
  return FIELDS.map((c) => merged[c.id] ?? null);
}

async function read(
  rows: CellValue[][],
  extra: Partial<Parameters<typeof writeWorkbook>[1][0]> = {},
) {
  const dir = await tempDir();
  const path = await writeWorkbook(dir, [{ name: 'Реестр', rows, ...extra }]);
  return readRegistry(path, FILE);
}

describe('readRegistry', () => {
  it('reads the Russian headers the sample writes and normalises every kind of value', async () => {
    const result = await read([
      HEADERS,
      row({}),
      row({
        studyUid: { richText: [{ text: '1.2.3.' }, { text: '2' }] },
        path: { text: 'studies\\1.2.3.2\\', hyperlink: 'file:///studies/1.2.3.2' },
        pathology: 'нет',
        subdural: 'No',
        epidural: '-',
        fracture: { formula: '0+0', result: 0 },
        age: '057Y',
        sex: 'Ж',
        sliceThickness: '0,625',
        kvp: '120',
        conclusion: new Date(Date.UTC(2020, 4, 17)),
      }),
      row({ studyUid: '1.2.3.3', path: 'studies/1.2.3.3', age: '64 лет', sex: 'female' }),
    ]);
    expect(result.findings).toEqual([]);
    expect(result.sheet).toBe('Реестр');
    expect(result.headerRow).toBe(1);
    expect(result.rows.map((r) => r.row)).toEqual([2, 3, 4]);
    const [first, second, third] = result.rows.map((r) => r.values);
    expect(first).toMatchObject({
      studyUid: '1.2.3.1',
      pathology: true,
      subdural: true,
      sex: 'M',
    });
    expect(second).toMatchObject({
      studyUid: '1.2.3.2',
      path: 'studies\\1.2.3.2\\',
      pathology: false,
      subdural: false,
      epidural: false,
      fracture: false,
      age: 57,
      sex: 'F',
      sliceThickness: 0.625,
      kvp: 120,
      conclusion: '2020-05-17',
    });
    expect(result.rows[1]!.folder).toBe('1.2.3.2');
    expect(third).toMatchObject({ age: 64, sex: 'F' });
    expect(result.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('finds the registry on a later sheet below a title, with a header merged over two rows', async () => {
    const dir = await tempDir();
    const english = FIELDS.map((c) => c.csv.toUpperCase().replace('_', ' '));
    const path = await writeWorkbook(dir, [
      { name: 'Описание', rows: [['Набор данных MosMedData'], ['Версия 1']] },
      {
        name: 'Data',
        rows: [
          ['MosMedData: реестр исследований'],
          [],
          english,
          // Second header row: only the merged cells continue; no data here.
          english.map(() => null),
          row({}),
        ],
        // The title spans the table; each header cell is merged down over rows 3-4.
        merges: ['A1:E1', ...english.map((_, i) => `${col(i)}3:${col(i)}4`)],
      },
    ]);
    const result = await readRegistry(path, FILE);
    expect(result.sheet).toBe('Data');
    expect(result.headerRow).toBe(3);
    expect(result.findings).toEqual([]);
    expect(result.rows).toHaveLength(1);
    expect(result.rows[0]!.row).toBe(5);
    expect(result.rows[0]!.values.subdural).toBe(true);
  });

  it('names a missing required column with the aliases tried, and unknown columns by header', async () => {
    const headers: string[] = [...HEADERS];
    headers[FIELDS.findIndex((c) => c.id === 'subdural')] = 'Примечание';
    const result = await read([headers, row({})]);
    const missing = result.findings.find((f) => f.code === 'registry-missing-column');
    expect(missing).toMatchObject({ severity: 'error', file: FILE, row: 1 });
    expect(missing!.message.en).toContain('subdural');
    expect(missing!.message.ru).toContain('Признаки субдурального кровоизлияния');
    const unknown = result.findings.find((f) => f.code === 'registry-unknown-column');
    expect(unknown).toMatchObject({ severity: 'warning', row: 1, column: 'Примечание' });
    expect(result.rows[0]!.values.subdural).toBeNull();
  });

  it('reports an unreadable value by row and column header and leaves the field empty', async () => {
    const result = await read([
      HEADERS,
      row({}),
      row({ studyUid: '9', path: 'studies/9', age: 'старый', sex: 'X' }),
    ]);
    const unreadable = result.findings.filter((f) => f.code === 'registry-unreadable-value');
    expect(unreadable.map((f) => [f.row, f.column])).toEqual([
      [3, 'Возраст'],
      [3, 'Пол'],
    ]);
    expect(unreadable[0]!.message.en).toContain('"старый"');
    expect(result.rows[1]!.values).toMatchObject({ age: null, sex: null });
  });

  it('flags a duplicate study and a row that names no study', async () => {
    const result = await read([
      HEADERS,
      row({}),
      row({ age: 60 }),
      row({ studyUid: null, path: null }),
    ]);
    const duplicate = result.findings.find((f) => f.code === 'registry-duplicate-study');
    expect(duplicate).toMatchObject({ severity: 'error', row: 3, study: '1.2.3.1' });
    expect(duplicate!.message.en).toContain('row 2');
    expect(result.rows.find((r) => r.row === 3)!.duplicateOf).toBe(2);
    expect(result.findings.find((f) => f.code === 'registry-row-without-study')).toMatchObject({
      row: 4,
    });
    expect(result.rows.map((r) => r.row)).toEqual([2, 3]);
  });

  it('skips empty rows between studies', async () => {
    const result = await read([HEADERS, row({}), [], row({ studyUid: '7', path: 'studies/7' })]);
    expect(result.rows.map((r) => r.row)).toEqual([2, 4]);
  });

  it('gives one clear error for a file that is not a workbook or has no registry header', async () => {
    const dir = await tempDir();
    const broken = join(dir, FILE);
    await writeFile(broken, 'not a zip');
    const unreadable = await readRegistry(broken, FILE);
    expect(unreadable.findings.map((f) => [f.severity, f.code, f.file])).toEqual([
      ['error', 'registry-unreadable', FILE],
    ]);
    const noHeader = await read([
      ['a', 'b'],
      [1, 2],
    ]);
    expect(noHeader.findings.map((f) => f.code)).toEqual(['registry-no-header']);
    expect(noHeader.rows).toEqual([]);
  });
});

function col(index: number): string {
  return String.fromCharCode(65 + index);
}
