/**
 * The viewer's file reading (src/scripts/viewer/read-slice.ts) in Node, which has the same Blob
 * and DecompressionStream as the browser: for every syntax that needs no WebAssembly (those are
 * in tests/browser/viewer.test.ts), the header and HU agree with the build's own reading.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { readFileHeader } from '../../../src/pipeline/imaging/header/read-header.ts';
import { storedToHu } from '../../../src/pipeline/imaging/pixels/hu.ts';
import { decodeHu } from '../../../src/pipeline/imaging/pixels/pixels.ts';
import { NotASlice, decodeSlice, readSliceHeader } from '../../../src/scripts/viewer/read-slice.ts';
import {
  phantomHu,
  storedFromHu,
  writeCtFile,
  type FixtureSyntax,
} from '../../fixtures/dicom/ct-files.ts';

const dir = mkdtempSync(join(tmpdir(), 'viewer-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SIZE = 32;
const SYNTAXES: FixtureSyntax[] = [
  'explicit-le',
  'implicit-le',
  'explicit-be',
  'deflated',
  'raw-explicit-le',
  'raw-implicit-le',
  'raw-explicit-be',
  'rle',
  'jpeg-lossless',
  'jpeg-lossless-sv1',
];

it.each(SYNTAXES)('%s: the same header and HU as the build reads', async (syntax) => {
  const path = join(dir, `${syntax}.dcm`);
  writeCtFile(
    path,
    {
      rows: SIZE,
      columns: SIZE,
      stored: storedFromHu(phantomHu(SIZE, 2)),
      studyUid: '1.2.3',
      seriesUid: '1.2.3.4',
      instanceUid: '1.2.3.4.5',
      instanceNumber: 7,
      position: [-10, -20, 42.5],
    },
    syntax,
  );
  const bytes = readFileSync(path);
  const built = readFileHeader(path, statSync(path).size);
  if (!('header' in built)) throw new Error(built.detail);
  const file = new Blob([bytes]);
  const header = await readSliceHeader(file);
  for (const key of [
    'transferSyntax',
    'studyUid',
    'seriesUid',
    'rows',
    'columns',
    'bitsAllocated',
    'bitsStored',
    'pixelRepresentation',
    'rescaleSlope',
    'rescaleIntercept',
    'position',
    'orientation',
    'instanceNumber',
    'photometric',
  ] as const) {
    expect(header[key], key).toEqual(built.header[key]);
  }
  const { frame } = await decodeSlice(file);
  const expected = await decodeHu(new Uint8Array(bytes), built.header);
  expect(Array.from(storedToHu(frame.samples, header))).toEqual(Array.from(expected.hu));
});

it('leaves out a file without pixels, and names what is wrong with a broken one', async () => {
  const path = join(dir, 'good.dcm');
  writeCtFile(path, {
    rows: SIZE,
    columns: SIZE,
    stored: storedFromHu(phantomHu(SIZE, 0)),
    studyUid: '1',
    seriesUid: '2',
    instanceUid: '3',
  });
  const bytes = readFileSync(path);
  await expect(readSliceHeader(new Blob([]))).rejects.toBeInstanceOf(NotASlice);
  // Cut inside Pixel Data: the header reads, the pixels do not.
  const cut = new Blob([bytes.subarray(0, bytes.length - 100)]);
  await expect(readSliceHeader(cut)).resolves.toMatchObject({ rows: SIZE });
  await expect(decodeSlice(cut)).rejects.toThrow(/shorter|Pixel Data|beyond|buffer/i);
});
