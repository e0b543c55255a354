import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatDecimalString, writeDicomFile } from '../../../src/sample/dicom-writer.ts';
import { dcmdump } from './dicom-tools.ts';

const dir = await mkdtemp(join(tmpdir(), 'dicom-writer-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

const META = {
  sopClassUid: '1.2.840.10008.5.1.4.1.1.2',
  sopInstanceUid: '1.2.3.4.5',
  implementationClassUid: '1.2.3.999',
  implementationVersionName: 'TEST',
};

describe('writeDicomFile', () => {
  it('writes a preamble, DICM and a File Meta group whose length covers the group', () => {
    const bytes = writeDicomFile(META, [{ tag: 0x00080060, vr: 'CS', value: 'CT' }]);
    expect(new TextDecoder().decode(bytes.subarray(128, 132))).toBe('DICM');
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    expect(view.getUint16(132, true)).toBe(0x0002);
    expect(view.getUint16(134, true)).toBe(0x0000);
    const groupLength = view.getUint32(140, true);
    // The first element after the group is the data set's (0008,0060).
    const after = 144 + groupLength;
    expect(view.getUint16(after, true)).toBe(0x0008);
    expect(view.getUint16(after + 2, true)).toBe(0x0060);
  });

  it('pads odd-length values to even length: UI with NUL, text with a space', () => {
    const bytes = writeDicomFile(META, [
      { tag: 0x00080018, vr: 'UI', value: '1.2.345' },
      { tag: 0x00080070, vr: 'LO', value: 'ABC' },
    ]);
    const text = Buffer.from(bytes).toString('latin1');
    expect(text).toContain('1.2.345\u0000');
    expect(text).toContain('ABC ');
    expect(bytes.length % 2).toBe(0);
  });

  it('sorts elements by tag and rejects duplicates and meta elements', () => {
    expect(() =>
      writeDicomFile(META, [
        { tag: 0x00100010, vr: 'PN', value: 'A' },
        { tag: 0x00100010, vr: 'PN', value: 'B' },
      ]),
    ).toThrow(/duplicate/);
    expect(() => writeDicomFile(META, [{ tag: 0x00020010, vr: 'UI', value: '1.2' }])).toThrow(
      /group/,
    );
    expect(() => writeDicomFile(META, [{ tag: 0x00100040, vr: 'CS', value: 'A\\B' }])).toThrow(
      /backslash/,
    );
  });

  it('produces a file dcmdump reads back with the values written, UTF-8 and pixels included', async () => {
    const pixels = new Int16Array([-1024, 0, 40, 1800]);
    const bytes = writeDicomFile(META, [
      { tag: 0x00280010, vr: 'US', value: 2 },
      { tag: 0x00080005, vr: 'CS', value: 'ISO_IR 192' },
      { tag: 0x00100010, vr: 'PN', value: 'Иванов^Иван' },
      { tag: 0x00200032, vr: 'DS', value: [-120.5, 0.625, 1e-7] },
      { tag: 0x00181151, vr: 'IS', value: 250 },
      { tag: 0x00101010, vr: 'AS', value: '057Y' },
      { tag: 0x7fe00010, vr: 'OW', value: pixels },
    ]);
    const path = join(dir, 'one.dcm');
    await writeFile(path, bytes);
    const tags = await dcmdump(path);
    expect(tags.get('0002,0010')).toContain('LittleEndianExplicit');
    expect(tags.get('0010,0010')).toBe('Иванов^Иван');
    expect(tags.get('0020,0032')).toBe('-120.5\\0.625\\1e-7');
    expect(tags.get('0018,1151')).toBe('250');
    expect(tags.get('0010,1010')).toBe('057Y');
    expect(tags.get('0028,0010')).toBe('2');
    // dcmdump prints OW words in hex: -1024 is fc00, 1800 is 0708.
    expect(tags.get('7fe0,0010')).toBe('fc00\\0000\\0028\\0708');
  });
});

describe('formatDecimalString', () => {
  it('keeps values within 16 characters', () => {
    expect(formatDecimalString(0.625)).toBe('0.625');
    expect(formatDecimalString(-1024)).toBe('-1024');
    const long = formatDecimalString(-110.24183057481234);
    expect(long.length).toBeLessThanOrEqual(16);
    expect(Number(long)).toBeCloseTo(-110.24183057481234, 9);
    expect(() => formatDecimalString(Number.NaN)).toThrow();
  });
});
