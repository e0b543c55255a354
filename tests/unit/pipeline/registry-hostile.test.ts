/**
 * Hostile registry workbooks (issue 23): every one is read to rows and findings naming the
 * file, row and column, never a thrown error, a walk over a million rows or gigabytes of memory.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { FIELDS } from '../../../src/domain/field-table.ts';
import { readRegistry } from '../../../src/pipeline/registry/read-registry.ts';
import { MAX_CELL_CHARS } from '../../../src/pipeline/registry/read-cell.ts';
import { tempDir, writeWorkbook, type CellValue } from '../../support/xlsx.ts';

const HEADERS = FIELDS.map((c) => c.header);
const FILE = 'dataset_registry.xlsx';
const col = (field: string) => FIELDS.findIndex((f) => f.id === field);

function row(uid: string, conclusion: CellValue = 'Норма'): CellValue[] {
  const cells: CellValue[] = FIELDS.map(() => null);
  cells[col('studyUid')] = uid;
  cells[col('path')] = `studies/${uid}`;
  cells[col('conclusion')] = conclusion;
  cells[col('age')] = 50;
  return cells;
}

/** Rewrites every XML part of a workbook (to put in what exceljs would never write). */
async function patchParts(path: string, patch: (xml: string) => string): Promise<void> {
  const zip = await JSZip.loadAsync(await readFile(path));
  for (const name of Object.keys(zip.files)) {
    if (!name.endsWith('.xml')) continue;
    zip.file(name, patch(await zip.file(name)!.async('string')));
  }
  await writeFile(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

async function workbook(rows: CellValue[][], name = 'Реестр'): Promise<string> {
  return writeWorkbook(await tempDir(), [{ name, rows }]);
}

const codes = (r: { findings: { code: string }[] }) => r.findings.map((f) => f.code);

/** A zip written by hand, so its central directory can say what it likes. */
function handZip(parts: { name: string; data: Buffer; declared?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name);
    const deflated = deflateRawSync(p.data);
    const size = p.declared ?? p.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(deflated.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(deflated.length, 20);
    entry.writeUInt32LE(size, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, name, deflated);
    central.push(entry, name);
    offset += 30 + name.length + deflated.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

describe('readRegistry on hostile workbooks', () => {
  it('replaces text that is not valid Unicode and removes control characters, with a finding per cell', async () => {
    const path = await workbook([HEADERS, row('1', 'LONE_SURROGATE'), row('2', 'BELL')]);
    await patchParts(path, (xml) =>
      xml.replace('LONE_SURROGATE', 'a_xD800_b').replace('BELL', 'x_x0007_y'),
    );
    const result = await readRegistry(path, FILE);
    const [first, second] = result.rows.map((r) => r.values.conclusion);
    expect(first!.isWellFormed()).toBe(true);
    expect(first).toBe('a\ufffdb');
    expect(second).toBe('xy');
    const repaired = result.findings.filter((f) => f.code === 'registry-text-repaired');
    expect(repaired.map((f) => [f.file, f.row, f.column])).toEqual([
      [FILE, 2, FIELDS[col('conclusion')]!.header],
      [FILE, 3, FIELDS[col('conclusion')]!.header],
    ]);
    expect(repaired[0]!.message.en).toContain('not valid Unicode');
  });

  it('reads a workbook with a raw NUL byte in its sheet instead of rejecting it', async () => {
    const path = await workbook([HEADERS, row('1', 'NUL_HERE')]);
    await patchParts(path, (xml) => xml.replace('NUL_HERE', 'a\u0000b'));
    const result = await readRegistry(path, FILE);
    expect(result.rows).toHaveLength(1);
    expect(result.rows[0]!.values.conclusion).toBe('ab');
    expect(codes(result)).toContain('registry-forbidden-characters');
    expect(codes(result)).not.toContain('registry-unreadable');
  });

  it("cuts text longer than Excel's cell limit to 32,767 characters, with a finding", async () => {
    const result = await readRegistry(
      await workbook([HEADERS, row('1', 'я'.repeat(100_000))]),
      FILE,
    );
    expect(result.rows[0]!.values.conclusion).toHaveLength(MAX_CELL_CHARS);
    expect(result.findings.find((f) => f.code === 'registry-text-repaired')!.message.en).toContain(
      '32,767',
    );
  });

  it('reads a sheet with a styled empty cell at row 1,048,576 as the rows it holds', async () => {
    const dir = await tempDir();
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Реестр');
    sheet.addRow(HEADERS);
    sheet.addRow(row('1'));
    sheet.getCell('A1048576').style = { font: { bold: true } };
    sheet.getCell(1_048_575, col('conclusion') + 1).value = 'stray';
    sheet.getCell('XFD1').value = 'y';
    const path = join(dir, FILE);
    await wb.xlsx.writeFile(path);
    const result = await readRegistry(path, FILE);
    expect(result.rows.map((r) => r.row)).toEqual([2]);
    // The stray value far below is a row of its own (it names no study), found without a walk.
    expect(result.findings).toContainEqual(
      expect.objectContaining({ code: 'registry-row-without-study', row: 1_048_575 }),
    );
  });

  it('reads the visible registry, never a hidden sheet with registry headers, and names both', async () => {
    const dir = await tempDir();
    const wb = new ExcelJS.Workbook();
    const hidden = wb.addWorksheet('Old');
    hidden.state = 'hidden';
    hidden.addRow(HEADERS);
    hidden.addRow(row('9', 'SECRET TEXT'));
    const visible = wb.addWorksheet('Реестр');
    visible.addRow(HEADERS.slice(0, 5));
    visible.addRow(row('1').slice(0, 5));
    const other = wb.addWorksheet('Копия');
    other.addRow(HEADERS.slice(0, 3));
    const path = join(dir, FILE);
    await wb.xlsx.writeFile(path);
    const result = await readRegistry(path, FILE);
    expect(result.sheet).toBe('Реестр');
    expect(JSON.stringify(result.rows)).not.toContain('SECRET');
    expect(result.findings).toContainEqual(
      expect.objectContaining({ code: 'registry-hidden-sheet', file: FILE, row: 1 }),
    );
    const competing = result.findings.find((f) => f.code === 'registry-competing-sheet')!;
    expect(competing.message.en).toContain('"Копия"');
  });

  it('reads cells covered by a merge, formulas without a value and error values as empty, each with a finding', async () => {
    const dir = await tempDir();
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Реестр');
    sheet.addRow(HEADERS);
    sheet.addRow(row('1', 'Гематома пациента 1'));
    sheet.addRow(row('2', null));
    sheet.addRow(row('3'));
    const conclusion = col('conclusion') + 1;
    const age = col('age') + 1;
    sheet.mergeCells(2, conclusion, 3, conclusion);
    sheet.getCell(4, conclusion).value = { formula: 'A1&"x"' } as ExcelJS.CellValue;
    sheet.getCell(4, age).value = { error: '#DIV/0!' } as ExcelJS.CellValue;
    const path = join(dir, FILE);
    await wb.xlsx.writeFile(path);
    const result = await readRegistry(path, FILE);
    const values = result.rows.map((r) => [r.values.conclusion, r.values.age]);
    expect(values).toEqual([
      ['Гематома пациента 1', 50],
      [null, 50],
      [null, null],
    ]);
    const header = (field: string) => FIELDS[col(field)]!.header;
    const at = (code: string) =>
      result.findings.filter((f) => f.code === code).map((f) => [f.row, f.column]);
    expect(at('registry-merged-cell')).toEqual([[3, header('conclusion')]]);
    expect(at('registry-formula-without-value')).toEqual([[4, header('conclusion')]]);
    expect(at('registry-error-value')).toEqual([[4, header('age')]]);
    expect(result.findings.find((f) => f.code === 'registry-error-value')!.message.en).toContain(
      '#DIV/0!',
    );
  });

  it('refuses a zip bomb by its declared sizes, and one that lies about them by a capped inflate', async () => {
    const dir = await tempDir();
    const declared = join(dir, 'declared.xlsx');
    await writeFile(
      declared,
      handZip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(40 * 1024 * 1024, 32) }]),
    );
    const lying = join(dir, 'lying.xlsx');
    await writeFile(
      lying,
      handZip([
        {
          name: 'xl/worksheets/sheet1.xml',
          data: Buffer.alloc(20 * 1024 * 1024, 32),
          declared: 1000,
        },
      ]),
    );
    for (const path of [declared, lying]) {
      const result = await readRegistry(path, FILE);
      expect(codes(result)).toEqual(['registry-too-large']);
      expect(result.findings[0]!.message.en).toContain('zip bomb');
    }
  });

  it('says a windows-1251 sheet or text file is in the wrong encoding, not that it has no header', async () => {
    const mojibake = (text: string) =>
      Buffer.from(new Uint8Array(encodeCp1251(text))).toString('latin1');
    const result = await readRegistry(await workbook([HEADERS.map(mojibake), row('1')]), FILE);
    expect(codes(result)).toEqual(['registry-wrong-encoding']);
    const dir = await tempDir();
    const csv = join(dir, FILE);
    await writeFile(csv, Buffer.from(encodeCp1251('Путь;Возраст\nstudies/1;50\n')));
    const text = await readRegistry(csv, FILE);
    expect(text.findings[0]!.message.en).toContain('windows-1251');
  });

  it('does not use a registry path that leaves studies/', async () => {
    const escape = row('1');
    escape[col('path')] = 'studies/..';
    const dotdot = row('..');
    dotdot[col('path')] = null;
    const result = await readRegistry(await workbook([HEADERS, escape, dotdot]), FILE);
    expect(result.rows.map((r) => r.folder)).toEqual(['1']);
    expect(result.rows[0]!.values.path).toBeNull();
    const outside = result.findings.filter((f) => f.code === 'registry-path-outside-studies');
    expect(outside.map((f) => f.row)).toEqual([2, 3]);
  });
});

/** Russian text in windows-1251 (А-я, Ё/ё; other characters as ASCII). */
function encodeCp1251(text: string): number[] {
  return [...text].map((ch) => {
    const code = ch.codePointAt(0)!;
    if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
    if (ch === 'Ё') return 0xa8;
    if (ch === 'ё') return 0xb8;
    return code < 0x80 ? code : 0x3f;
  });
}
