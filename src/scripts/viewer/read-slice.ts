/**
 * Reading one DICOM file the reader picked: its header (for the slice order) from a prefix of
 * the file, and its pixels from the whole file, with the build's own parser rules
 * (parse-bytes.ts) and decoders (frame.ts). Deflated data sets are inflated by the browser's
 * DecompressionStream before dicom-parser (whose inflater must be synchronous) reads them.
 */
import type { DataSet } from 'dicom-parser';
import {
  NeedMoreBytes,
  parseDicomWith,
  type ParsedFile,
} from '../../pipeline/imaging/dicom/parse-bytes.ts';
import { PIXEL_DATA } from '../../pipeline/imaging/dicom/sniff.ts';
import {
  decodeFrame,
  type DecodedFrame,
  type FrameHeader,
} from '../../pipeline/imaging/pixels/frame.ts';
import type { HuHeader } from '../../pipeline/imaging/pixels/hu.ts';
import type { SlicePlacement } from '../../pipeline/imaging/plan/spatial-order.ts';
import { BROWSER_CODECS } from './browser-codecs.ts';
import { dicomParser } from './dicom-parser.ts';

/** What the viewer needs of a slice's header. */
export interface SliceHeader extends FrameHeader, HuHeader, SlicePlacement {
  studyUid: string | null;
  seriesUid: string | null;
  photometric: string;
}

/** A file that is not an image slice (no Pixel Data, a localizer): not shown, not an error. */
export class NotASlice extends Error {}

/** How much of a file is read first for its header; grown to the whole file when needed. */
const PREFIX_BYTES = 64 * 1024;

class Deflated extends Error {
  readonly deflated: Uint8Array;
  constructor(deflated: Uint8Array) {
    super('deflated data set');
    this.deflated = deflated;
  }
}

async function inflateRaw(deflated: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([deflated as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream('deflate-raw'));
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
    }
  } catch (error) {
    // A deflate stream followed by padding (DICOM values have even length) ends in "junk";
    // what was inflated before it is the data set.
    if (chunks.length === 0) throw error;
  }
  const out = new Uint8Array(chunks.reduce((sum, c) => sum + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** parseDicomWith in the browser: a deflated data set is inflated asynchronously, then parsed. */
export async function parseFile(
  bytes: Uint8Array,
  size: number,
  untilPixelData: boolean,
): Promise<ParsedFile> {
  let inflated: Uint8Array | null = null;
  const inflate = (deflated: Uint8Array): Uint8Array => {
    if (inflated) return inflated;
    throw new Deflated(deflated.slice());
  };
  try {
    return parseDicomWith(dicomParser, inflate, bytes, size, untilPixelData);
  } catch (error) {
    if (!(error instanceof Deflated)) throw error;
    inflated = await inflateRaw(error.deflated);
    return parseDicomWith(dicomParser, inflate, bytes, size, untilPixelData);
  }
}

function numbers(dataSet: DataSet, tag: string, count: number): number[] | null {
  const values: number[] = [];
  for (let i = 0; i < count; i++) {
    const value = dataSet.floatString(tag, i);
    if (value === undefined || !Number.isFinite(value)) return null;
    values.push(value);
  }
  return values;
}

function text(dataSet: DataSet, tag: string): string | null {
  return dataSet.string(tag)?.trim() || null;
}

/** The viewer's header of a parsed file; NotASlice for files that are not image slices. */
export function sliceHeader(parsed: ParsedFile): SliceHeader {
  const { dataSet } = parsed;
  if (!dataSet.elements[PIXEL_DATA]) throw new NotASlice('no Pixel Data (7FE0,0010)');
  const imageType = (dataSet.string('x00080008') ?? '').toUpperCase().split('\\');
  // The build's rule (header.ts): localizers are not slices of the series.
  if (imageType.map((v) => v.trim()).includes('LOCALIZER')) throw new NotASlice('localizer');
  const rows = dataSet.uint16('x00280010');
  const columns = dataSet.uint16('x00280011');
  if (!rows || !columns) throw new Error('Rows or Columns missing');
  const samplesPerPixel = dataSet.uint16('x00280002') ?? 1;
  const photometric = text(dataSet, 'x00280004') ?? 'MONOCHROME2';
  if (samplesPerPixel !== 1 || !photometric.startsWith('MONOCHROME')) {
    throw new Error(`PhotometricInterpretation ${photometric}, SamplesPerPixel ${samplesPerPixel}`);
  }
  const bitsAllocated = dataSet.uint16('x00280100') ?? 16;
  const instance = dataSet.intString('x00200013');
  return {
    transferSyntax: parsed.transferSyntax,
    studyUid: text(dataSet, 'x0020000d'),
    seriesUid: text(dataSet, 'x0020000e'),
    rows,
    columns,
    bitsAllocated,
    bitsStored: dataSet.uint16('x00280101') ?? bitsAllocated,
    pixelRepresentation: dataSet.uint16('x00280103') ?? 0,
    rescaleSlope: numbers(dataSet, 'x00281053', 1)?.[0] ?? 1,
    rescaleIntercept: numbers(dataSet, 'x00281052', 1)?.[0] ?? 0,
    photometric,
    position: numbers(dataSet, 'x00200032', 3) as SliceHeader['position'],
    orientation: numbers(dataSet, 'x00200037', 6) as SliceHeader['orientation'],
    instanceNumber: instance !== undefined && Number.isFinite(instance) ? instance : null,
  };
}

async function bytesOf(file: Blob, length = file.size): Promise<Uint8Array> {
  return new Uint8Array(await file.slice(0, length).arrayBuffer());
}

/** A file's header, from its first bytes (the whole file only when they do not suffice). */
export async function readSliceHeader(file: Blob): Promise<SliceHeader> {
  if (file.size === 0) throw new NotASlice('empty file');
  try {
    return sliceHeader(await parseFile(await bytesOf(file, PREFIX_BYTES), file.size, true));
  } catch (error) {
    if (!(error instanceof NeedMoreBytes)) throw error;
    return sliceHeader(await parseFile(await bytesOf(file), file.size, true));
  }
}

/** A file's header and first frame's stored samples. */
export async function decodeSlice(
  file: Blob,
): Promise<{ header: SliceHeader; frame: DecodedFrame }> {
  const parsed = await parseFile(await bytesOf(file), file.size, false);
  const header = sliceHeader(parsed);
  const frame = await decodeFrame(parsed.dataSet, header, BROWSER_CODECS, dicomParser);
  return { header, frame };
}
