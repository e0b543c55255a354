import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PUBLISHED_ATTRIBUTES } from '../../../src/domain/dicom-attributes.ts';
import { ALLOWED_ATTRIBUTES } from '../../../src/pipeline/imaging/header/allow-list.ts';
import { decoderFor } from '../../../src/pipeline/imaging/dicom/charset.ts';
import { parseDicomAge } from '../../../src/domain/dicom-age.ts';
import {
  FIRST_PREFIX_BYTES,
  readFileHeader,
} from '../../../src/pipeline/imaging/header/read-header.ts';
import { TRANSFER_SYNTAXES } from '../../../src/pipeline/imaging/dicom/transfer-syntax.ts';
import type { HeaderOutcome, ImageHeader } from '../../../src/pipeline/imaging/types.ts';
import {
  CT_IMAGE_STORAGE,
  writeCtFile,
  type FixtureSyntax,
  type SliceSpec,
} from '../../fixtures/dicom/ct-files.ts';

const dir = mkdtempSync(join(tmpdir(), 'imaging-header-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const base: SliceSpec = {
  rows: 16,
  columns: 20,
  stored: new Int16Array(16 * 20).map((_, i) => (i * 37) % 3000),
  studyUid: '1.2.826.0.1.1',
  seriesUid: '1.2.826.0.1.1.2',
  instanceUid: '1.2.826.0.1.1.2.3',
  instanceNumber: 7,
  position: [-5, -4, 12.5],
  pixelSpacing: [0.6, 0.7],
  manufacturer: 'ACME Medical',
  model: 'Scanner 64',
  kernel: 'FC23',
  patientSex: 'F',
  patientAge: '057Y',
};

let n = 0;
function write(spec: Partial<SliceSpec>, syntax: FixtureSyntax = 'explicit-le'): string {
  const path = join(dir, `f${n++}.dcm`);
  writeCtFile(path, { ...base, ...spec }, syntax);
  return path;
}
function read(path: string): HeaderOutcome {
  return readFileHeader(path, statSync(path).size);
}
function header(path: string): ImageHeader {
  const outcome = read(path);
  if (!('header' in outcome)) throw new Error(`${outcome.problem}: ${outcome.detail}`);
  return outcome.header;
}

describe('readFileHeader in every transfer syntax', () => {
  const cases: [FixtureSyntax, string][] = [
    ['explicit-le', '1.2.840.10008.1.2.1'],
    ['implicit-le', '1.2.840.10008.1.2'],
    ['explicit-be', '1.2.840.10008.1.2.2'],
    ['deflated', '1.2.840.10008.1.2.1.99'],
    ['rle', '1.2.840.10008.1.2.5'],
    ['jpeg-lossless', '1.2.840.10008.1.2.4.57'],
    ['jpeg-lossless-sv1', '1.2.840.10008.1.2.4.70'],
    ['jpeg-ls', '1.2.840.10008.1.2.4.80'],
    ['jpeg-2000', '1.2.840.10008.1.2.4.90'],
    // No preamble, no DICM, no meta header: the syntax is sniffed from the first element.
    ['raw-explicit-le', '1.2.840.10008.1.2.1'],
    ['raw-implicit-le', '1.2.840.10008.1.2'],
    ['raw-explicit-be', '1.2.840.10008.1.2.2'],
  ];
  it.each(cases)('%s', (syntax, uid) => {
    const h = header(write({}, syntax));
    expect(h.transferSyntax).toBe(uid);
    expect(h).toMatchObject({
      studyUid: base.studyUid,
      seriesUid: base.seriesUid,
      modality: 'CT',
      manufacturer: 'ACME Medical',
      model: 'Scanner 64',
      kernel: 'FC23',
      sliceThickness: 5,
      kvp: 120,
      tubeCurrent: 207,
      exposure: 150,
      rows: 16,
      columns: 20,
      pixelSpacing: [0.6, 0.7],
      position: [-5, -4, 12.5],
      orientation: [1, 0, 0, 0, 1, 0],
      instanceNumber: 7,
      bitsAllocated: 16,
      pixelRepresentation: 1,
      rescaleIntercept: -1024,
      rescaleSlope: 1,
      patientSex: 'F',
      patientAge: 57,
    });
  });
});

it('reads the header of a syntax it cannot decode (JPEG extended, lossy 12-bit)', () => {
  // dcmcjpeg requantises 16-bit input for the lossy process, so only identity is compared.
  expect(header(write({}, 'jpeg-extended'))).toMatchObject({
    transferSyntax: '1.2.840.10008.1.2.4.51',
    seriesUid: base.seriesUid,
  });
});

describe('text decoding by SpecificCharacterSet', () => {
  it('decodes ISO_IR 144 (Cyrillic) bytes', () => {
    const h = header(write({ charset: 'ISO_IR 144', manufacturer: 'Медицинские Системы' }));
    expect(h.manufacturer).toBe('Медицинские Системы');
  });
  it('decodes ISO_IR 192 (UTF-8)', () => {
    const h = header(write({ charset: 'ISO_IR 192', manufacturer: 'Томограф Ёлка' }));
    expect(h.manufacturer).toBe('Томограф Ёлка');
  });
  it('decodes ISO_IR 100 (Latin-1)', () => {
    const h = header(write({ charset: 'ISO_IR 100', model: 'Sômatom Ñ' }));
    expect(h.model).toBe('Sômatom Ñ');
  });
  it('decodes ISO 2022 IR 144 with its escape sequence', () => {
    const bytes = Uint8Array.from([0x1b, 0x2d, 0x4c, 0xbc, 0xe0, 0xe2]);
    expect(decoderFor('\\ISO 2022 IR 144')(bytes)).toBe('Мрт');
  });
  it('uses the default repertoire when none is declared', () => {
    expect(decoderFor(null)(Uint8Array.from([0x47, 0x45]))).toBe('GE');
  });
});

describe('files that are not usable CT images', () => {
  it('reports an empty file', () => {
    const path = join(dir, 'empty.dcm');
    writeFileSync(path, '');
    expect(read(path)).toMatchObject({ problem: 'empty' });
  });
  it('reports a file that is not DICOM', () => {
    const path = join(dir, 'notes.dcm');
    writeFileSync(path, 'Lorem ipsum dolor sit amet, this is a text file. '.repeat(10));
    expect(read(path)).toMatchObject({ problem: 'not-dicom' });
    const png = join(dir, 'image.dcm');
    writeFileSync(png, Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
    expect(read(png)).toMatchObject({ problem: 'not-dicom' });
  });
  it.each(['explicit-le', 'implicit-le', 'explicit-be'] as const)(
    'reports a truncated %s file, cut in the header and in the pixels',
    (syntax) => {
      const whole = readFileSync(write({}, syntax));
      for (const keep of [300, whole.length - 100]) {
        const path = join(dir, `cut-${syntax}-${keep}.dcm`);
        writeFileSync(path, whole.subarray(0, keep));
        expect(read(path)).toMatchObject({ problem: 'truncated' });
      }
    },
  );
  it('reports a DICOM file without Pixel Data', () => {
    const path = join(dir, 'nopixels.dcm');
    const dump = join(dir, 'nopixels.dump');
    writeFileSync(
      dump,
      [
        '(0002,0010) UI [1.2.840.10008.1.2]',
        `(0008,0016) UI [${CT_IMAGE_STORAGE}]`,
        '(0008,0060) CS [CT]',
        '(0028,0010) US 16',
        '(0028,0011) US 16',
      ].join('\n'),
    );
    execFileSync('dump2dcm', [dump, path], { stdio: 'pipe' });
    expect(read(path)).toMatchObject({ problem: 'no-pixel-data' });
  });
  it('reports a truncated compressed (encapsulated) file', () => {
    const whole = readFileSync(write({}, 'jpeg-ls'));
    const path = join(dir, 'cut-jls.dcm');
    writeFileSync(path, whole.subarray(0, whole.length - 40));
    expect(read(path)).toMatchObject({ problem: 'truncated' });
  });
  it('reports a localizer', () => {
    expect(read(write({ imageType: 'ORIGINAL\\PRIMARY\\LOCALIZER' }))).toMatchObject({
      problem: 'localizer',
    });
  });
  it('reports a secondary capture', () => {
    expect(read(write({ sopClass: '1.2.840.10008.5.1.4.1.1.7', modality: 'OT' }))).toMatchObject({
      problem: 'secondary-capture',
    });
  });
  it('reports an image of another modality', () => {
    expect(read(write({ sopClass: '1.2.840.10008.5.1.4.1.1.4', modality: 'MR' }))).toEqual({
      problem: 'not-ct',
      detail: 'SOPClassUID 1.2.840.10008.5.1.4.1.1.4 (MR Image Storage), Modality MR',
    });
  });
});

it('grows the prefix until Pixel Data when the header is longer than the first read', () => {
  // A 40 KB allow-listed-free element before Pixel Data pushes it past the first prefix.
  const filler = join(dir, 'filler.bin');
  writeFileSync(filler, Buffer.alloc(40_000, 0x41));
  const path = write({ extra: [`(0029,0010) LO [ACME]`, `(0029,1010) OB =${filler}`] });
  expect(statSync(path).size).toBeGreaterThan(2 * FIRST_PREFIX_BYTES);
  expect(header(path)).toMatchObject({ rows: 16, columns: 20, manufacturer: 'ACME Medical' });
});

it('reads each file on its own: what a previous file left in the shared prefix buffer never leaks', () => {
  const long = write({ manufacturer: 'LONG VENDOR NAME '.repeat(20).trim() });
  const whole = readFileSync(write({ manufacturer: 'Short' }));
  const cut = join(dir, 'cut-after-long.dcm');
  writeFileSync(cut, whole.subarray(0, 300));
  const alone = { cut: read(cut), whole: header(write({ manufacturer: 'Short' })) };
  read(long);
  expect(read(cut)).toEqual(alone.cut);
  read(long);
  expect(header(write({ manufacturer: 'Short' }))).toEqual(alone.whole);
});

it('keeps one explicit allow-list covering the attributes the README and docs/imaging.md publish', () => {
  const published = ALLOWED_ATTRIBUTES.filter((a) => a.scope === 'public').map((a) => a.keyword);
  expect(published.sort()).toEqual(
    [
      'Columns',
      'ConvolutionKernel',
      'Exposure',
      'KVP',
      'Manufacturer',
      'ManufacturerModelName',
      'Modality',
      'PixelSpacing',
      'Rows',
      'SliceThickness',
      'SpacingBetweenSlices',
      'TransferSyntaxUID',
      'XRayTubeCurrent',
    ].sort(),
  );
  // No person, date, institution, description or private attribute is on the list.
  const forbidden =
    /Name$|(?<!U)ID$|Date|Time|Institution|Physician|Operator|Station|Description|Accession/;
  expect(
    ALLOWED_ATTRIBUTES.filter(
      (a) => forbidden.test(a.keyword) && a.keyword !== 'ManufacturerModelName',
    ),
  ).toEqual([]);
  expect(ALLOWED_ATTRIBUTES.every((a) => parseInt(a.tag.slice(1, 5), 16) % 2 === 0)).toBe(true);
});

it('reads each published attribute from its own tag (DICOM PS3.6), nothing under a public name', () => {
  // A wrong tag here would publish another attribute (a name, a date) under a harmless name.
  const tags = Object.fromEntries(
    ALLOWED_ATTRIBUTES.filter((a) => a.scope === 'public').map((a) => [a.keyword, a.tag]),
  );
  expect(tags).toEqual({
    Modality: 'x00080060',
    Manufacturer: 'x00080070',
    ManufacturerModelName: 'x00081090',
    SliceThickness: 'x00180050',
    KVP: 'x00180060',
    XRayTubeCurrent: 'x00181151',
    Exposure: 'x00181152',
    ConvolutionKernel: 'x00181210',
    Rows: 'x00280010',
    Columns: 'x00280011',
    PixelSpacing: 'x00280030',
    SpacingBetweenSlices: 'x00180088',
    TransferSyntaxUID: 'x00020010',
  });
  // The published table and the allow-list's public rows are the same rows.
  expect(PUBLISHED_ATTRIBUTES.map((a) => a.tag).sort()).toEqual(Object.values(tags).sort());
  expect(new Set(ALLOWED_ATTRIBUTES.map((a) => a.tag)).size).toBe(ALLOWED_ATTRIBUTES.length);
});

it('parses DICOM ages', () => {
  expect(parseDicomAge('057Y')).toBe(57);
  expect(parseDicomAge('018M')).toBe(1.5);
  expect(parseDicomAge('garbage')).toBeNull();
  expect(parseDicomAge(null)).toBeNull();
});

it('names every transfer syntax it knows', () => {
  for (const [uid, info] of Object.entries(TRANSFER_SYNTAXES)) {
    expect(uid).toMatch(/^1\.2\.840\.10008\.1\.2/);
    expect(info.name.length).toBeGreaterThan(3);
  }
});
