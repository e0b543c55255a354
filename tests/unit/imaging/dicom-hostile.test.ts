/**
 * Hostile DICOM files (issue 23): size limits before anything is read whole (a file, a matrix,
 * a deflate bomb), a bad slice dropped without its series, and messages that say what is
 * wrong (a wrong transfer syntax is not "truncated"; a codec failure names the codec).
 */
import {
  closeSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
  ftruncateSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDeflateRaw } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { scanImaging } from '../../../src/pipeline/imaging/index.ts';
import { readFileHeader } from '../../../src/pipeline/imaging/header/read-header.ts';
import { MAX_DICOM_FILE_BYTES } from '../../../src/pipeline/imaging/dicom/limits.ts';
import { codecFailure, decodeSamples } from '../../../src/pipeline/imaging/pixels/pixels.ts';
import { writeCtFile, writeCtSeries, type SliceSpec } from '../../fixtures/dicom/ct-files.ts';

const dir = mkdtempSync(join(tmpdir(), 'dicom-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const spec: SliceSpec = {
  rows: 16,
  columns: 16,
  stored: new Int16Array(256).map((_, i) => i * 7),
  studyUid: '1.2.826.0.2.1',
  seriesUid: '1.2.826.0.2.1.1',
  instanceUid: '1.2.826.0.2.1.1.1',
};

function write(name: string, syntax: Parameters<typeof writeCtFile>[2] = 'explicit-le'): string {
  const path = join(dir, name);
  writeCtFile(path, spec, syntax);
  return path;
}
const read = (path: string) => readFileHeader(path, readFileSync(path).length);

/** Replaces bytes in place (same length). */
function patch(path: string, from: Buffer, to: Buffer): void {
  const bytes = readFileSync(path);
  const at = bytes.indexOf(from);
  expect(at).toBeGreaterThan(0);
  to.copy(bytes, at);
  writeFileSync(path, bytes);
}

/** A Part 10 meta header declaring `syntax`, explicit VR little endian. */
function metaHeader(syntax: string): Buffer {
  const uid = Buffer.from(syntax.length % 2 ? `${syntax}\0` : syntax);
  const element = Buffer.concat([Buffer.from([2, 0, 0x10, 0, 0x55, 0x49, uid.length, 0]), uid]);
  const groupLength = Buffer.from([2, 0, 0, 0, 0x55, 0x4c, 4, 0, element.length, 0, 0, 0]);
  return Buffer.concat([Buffer.alloc(128), Buffer.from('DICM'), groupLength, element]);
}

describe('size limits', () => {
  it('does not read a file over the limit (a Pixel Data claiming 1.9 GB), and says why', () => {
    const path = join(dir, 'huge.dcm');
    const fd = openSync(path, 'w');
    writeSync(fd, metaHeader('1.2.840.10008.1.2.1'));
    ftruncateSync(fd, 1_900_000_000); // sparse: no disk used
    closeSync(fd);
    const outcome = readFileHeader(path, 1_900_000_000);
    expect(outcome).toEqual({ problem: 'too-large', detail: '1812 MB file (limit 256 MB)' });
  });

  it('stops a deflate bomb in a deflated data set at the limit', async () => {
    const deflate = createDeflateRaw({ level: 9 });
    const chunks: Buffer[] = [];
    deflate.on('data', (c: Buffer) => chunks.push(c));
    const zeros = Buffer.alloc(1024 * 1024);
    for (let i = 0; i < (MAX_DICOM_FILE_BYTES >> 20) + 16; i++) deflate.write(zeros);
    await new Promise((done) => deflate.end(done));
    const path = join(dir, 'bomb.dcm');
    writeFileSync(path, Buffer.concat([metaHeader('1.2.840.10008.1.2.1.99'), ...chunks]));
    expect(readFileSync(path).length).toBeLessThan(1024 * 1024);
    const outcome = read(path);
    expect(outcome).toMatchObject({ problem: 'too-large' });
    expect('detail' in outcome && outcome.detail).toContain('deflate bomb');
  });

  it('does not accept an image matrix over the limit', () => {
    const path = write('matrix.dcm');
    // Rows (0028,0010) US 16 → 60000 and Columns (0028,0011) US 16 → 60000.
    patch(
      path,
      Buffer.from([0x28, 0, 0x10, 0, 0x55, 0x53, 2, 0, 16, 0]),
      Buffer.from([0x28, 0, 0x10, 0, 0x55, 0x53, 2, 0, 0x60, 0xea]),
    );
    patch(
      path,
      Buffer.from([0x28, 0, 0x11, 0, 0x55, 0x53, 2, 0, 16, 0]),
      Buffer.from([0x28, 0, 0x11, 0, 0x55, 0x53, 2, 0, 0x60, 0xea]),
    );
    expect(read(path)).toEqual({
      problem: 'too-large',
      detail: 'a 60000×60000 image (limit 8192×8192)',
    });
  });
});

describe('messages', () => {
  it('calls a data set in another transfer syntax than declared by its name, not "truncated"', () => {
    const path = write('wrong-syntax.dcm');
    // Declared Implicit VR, written Explicit VR (same length: the UID padded with NULs).
    patch(path, Buffer.from('1.2.840.10008.1.2.1\0'), Buffer.from('1.2.840.10008.1.2\0\0\0'));
    const outcome = read(path);
    expect(outcome).toMatchObject({ problem: 'unreadable' });
    expect('detail' in outcome && outcome.detail).toBe(
      'the data set is not in its declared transfer syntax Implicit VR Little Endian (1.2.840.10008.1.2): its elements are written as Explicit VR Little Endian',
    );
  });

  it('names the codec and the problem when a codestream does not decode', async () => {
    expect(codecFailure('jpeg-ls', 7)).toBe(
      'JPEG-LS (CharLS) could not decode the frame: error code 7 (the codestream is damaged or not JPEG-LS)',
    );
    const path = write('damaged.dcm', 'jpeg-ls');
    const outcome = read(path);
    if (!('header' in outcome)) throw new Error('fixture not read');
    const bytes = readFileSync(path);
    // Damage the codestream's start of frame marker (FFF7 for JPEG-LS).
    const sof = bytes.indexOf(Buffer.from([0xff, 0xf7]));
    bytes.fill(0xff, sof, sof + 12);
    await expect(decodeSamples(bytes, outcome.header)).rejects.toThrow(
      /^JPEG-LS \(CharLS\) could not decode the frame: /,
    );
  });
});

describe('a slice that does not decode', () => {
  it('is dropped with a finding naming it; the rest of its series is still rendered', async () => {
    const dataset = join(dir, 'dataset');
    const series = join(dataset, 'studies/s1/a');
    writeCtSeries(series, { studyUid: 's1', seriesUid: 's1.a', count: 4, syntax: 'jpeg-ls' });
    const bytes = readFileSync(join(series, '2.dcm'));
    const sof = bytes.indexOf(Buffer.from([0xff, 0xf7]));
    bytes.fill(0xff, sof, sof + 12);
    writeFileSync(join(series, '2.dcm'), bytes);
    const result = await scanImaging({
      datasetDir: dataset,
      thumbsDir: join(dir, 'thumbs'),
      cacheDir: join(dir, 'cache'),
      concurrency: 1,
    });
    const [study] = result.studies;
    expect(study!.series[0]!.status).toBe('ok');
    expect(study!.series[0]!.sprites.length).toBeGreaterThan(0);
    const codes = result.findings.map((f) => [f.code, f.file]);
    expect(codes).toContainEqual(['dicom-slice-dropped', 'studies/s1/a/2.dcm']);
    expect(codes.map(([c]) => c)).not.toContain('dicom-decode-failed');
    expect(result.findings.find((f) => f.code === 'dicom-slice-dropped')!.message.en).toContain(
      'JPEG-LS (CharLS)',
    );
  });
});
