/**
 * From a whole DICOM file to Hounsfield units of its first frame: pixel data decoded for its
 * transfer syntax, stored values masked to BitsStored and sign-extended, then the modality LUT
 * (RescaleSlope/Intercept).
 */
import { decodeJpegLossless, decodeWithWasm, type DecodedFrame } from './codecs.ts';
export type { DecodedFrame } from './codecs.ts';
import { dicomParser, type DataSet, type Element } from '../dicom/dicom-parser.ts';
import { PIXEL_DATA, parseDicomBytes } from '../dicom/parse.ts';
import { decodeRle } from './rle.ts';
import {
  describeTransferSyntax,
  transferSyntaxInfo,
  type PixelCodec,
} from '../dicom/transfer-syntax.ts';
import type { ImageHeader } from '../types.ts';

/** A slice in HU, row by row. */
export interface HuImage {
  width: number;
  height: number;
  hu: Float32Array;
}

/** Thrown for a transfer syntax with no decoder; the series is then `unsupported`. */
export class UnsupportedTransferSyntax extends Error {
  readonly transferSyntax: string;
  constructor(transferSyntax: string) {
    super(`unsupported transfer syntax ${describeTransferSyntax(transferSyntax)}`);
    this.transferSyntax = transferSyntax;
  }
}

/** Decodes a whole file's bytes to HU. */
export async function decodeHu(fileBytes: Uint8Array, header: ImageHeader): Promise<HuImage> {
  const frame = await decodeSamples(fileBytes, header);
  return { width: frame.width, height: frame.height, hu: storedToHu(frame.samples, header) };
}

/** Decodes a whole file's bytes to its first frame's stored samples (before masking). */
export async function decodeSamples(
  fileBytes: Uint8Array,
  header: ImageHeader,
): Promise<DecodedFrame> {
  const info = transferSyntaxInfo(header.transferSyntax);
  if (!info.codec) throw new UnsupportedTransferSyntax(header.transferSyntax);
  const { dataSet } = parseDicomBytes(fileBytes, fileBytes.length, false);
  const pixel = dataSet.elements[PIXEL_DATA];
  if (!pixel) throw new Error('no Pixel Data');
  const { rows, columns, bitsAllocated } = header;
  let frame: DecodedFrame;
  if (info.codec === 'native') {
    frame = {
      width: columns,
      height: rows,
      samples: readNative(dataSet, pixel, header, info.bigEndian),
    };
  } else {
    const bytes = encapsulatedFrame(dataSet, pixel);
    const codec = info.codec;
    try {
      if (codec === 'rle') {
        frame = {
          width: columns,
          height: rows,
          samples: decodeRle(bytes, rows, columns, bitsAllocated),
        };
      } else if (codec === 'jpeg-lossless') {
        frame = decodeJpegLossless(bytes, bitsAllocated);
      } else {
        frame = await decodeWithWasm(codec, bytes);
      }
    } catch (error) {
      throw new Error(codecFailure(codec, error), { cause: error });
    }
  }
  if (frame.width !== columns || frame.height !== rows) {
    throw new Error(`decoded ${frame.width}×${frame.height}, header says ${columns}×${rows}`);
  }
  return frame;
}

/** The codec of each syntax by its name and library, for messages. */
const CODEC_NAMES: Record<Exclude<PixelCodec, 'native'>, string> = {
  rle: 'RLE Lossless',
  'jpeg-lossless': 'JPEG Lossless (jpeg-lossless-decoder-js)',
  'jpeg-ls': 'JPEG-LS (CharLS)',
  'jpeg-2000': 'JPEG 2000 (OpenJPEG)',
  'jpeg-baseline': 'JPEG baseline (libjpeg-turbo)',
};

/**
 * A codec failure in words: the codec, and the problem (WASM decoders throw bare numbers).
 * @example codecFailure('jpeg-ls', 7) // 'JPEG-LS (CharLS) could not decode the frame: error code 7 (the codestream is damaged or not JPEG-LS)'
 */
export function codecFailure(codec: Exclude<PixelCodec, 'native'>, error: unknown): string {
  const name = CODEC_NAMES[codec];
  const kind = name.replace(/ \(.*\)$/, '');
  const problem =
    typeof error === 'number'
      ? `error code ${error} (the codestream is damaged or not ${kind})`
      : error instanceof Error
        ? error.message
        : String(error) || 'no reason given';
  return `${name} could not decode the frame: ${problem}`;
}

function readNative(
  dataSet: DataSet,
  pixel: Element,
  header: ImageHeader,
  bigEndian: boolean,
): ArrayLike<number> {
  const count = header.rows * header.columns;
  const bytesPerSample = header.bitsAllocated / 8;
  const bytes = dataSet.byteArray.subarray(
    pixel.dataOffset,
    pixel.dataOffset + count * bytesPerSample,
  );
  if (bytes.length < count * bytesPerSample) throw new Error('Pixel Data shorter than the image');
  if (bytesPerSample === 1) return bytes;
  if (bytesPerSample === 2 && !bigEndian) {
    // The common case, without a per-sample loop: a view, or one copy when the offset is odd.
    if (bytes.byteOffset % 2 === 0) return new Uint16Array(bytes.buffer, bytes.byteOffset, count);
    const aligned = new Uint16Array(count);
    new Uint8Array(aligned.buffer).set(bytes);
    return aligned;
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    out[i] =
      bytesPerSample === 2 ? view.getUint16(2 * i, !bigEndian) : view.getUint32(4 * i, !bigEndian);
  }
  return out;
}

/** The first frame's bytes: its fragments, or all fragments of a single-frame image. */
function encapsulatedFrame(dataSet: DataSet, pixel: Element): Uint8Array {
  if (!pixel.fragments?.length) throw new Error('encapsulated Pixel Data has no fragments');
  if (pixel.basicOffsetTable && pixel.basicOffsetTable.length > 1) {
    return dicomParser.readEncapsulatedImageFrame(dataSet, pixel, 0);
  }
  return dicomParser.readEncapsulatedPixelDataFromFragments(
    dataSet,
    pixel,
    0,
    pixel.fragments.length,
  );
}

/**
 * Stored sample → HU: keep the low BitsStored bits, sign-extend when PixelRepresentation is 1,
 * then HU = value × slope + intercept (PS3.3 C.11.1 modality LUT).
 *
 * @example
 * storedToHu([0x0fff], { bitsStored: 12, pixelRepresentation: 1, rescaleSlope: 1, rescaleIntercept: 0 })
 * // Float32Array [-1]
 */
export function storedToHu(
  samples: ArrayLike<number>,
  header: Pick<
    ImageHeader,
    'bitsStored' | 'pixelRepresentation' | 'rescaleSlope' | 'rescaleIntercept'
  >,
): Float32Array {
  const { bitsStored, pixelRepresentation, rescaleSlope, rescaleIntercept } = header;
  const out = new Float32Array(samples.length);
  if (bitsStored <= 16) {
    // Fast path (every CT in practice): 32-bit integer arithmetic is exact here.
    const mask = (1 << bitsStored) - 1;
    const shift = 32 - bitsStored;
    const signed = pixelRepresentation === 1;
    for (let i = 0; i < samples.length; i++) {
      const value = samples[i]! & mask;
      out[i] = (signed ? (value << shift) >> shift : value) * rescaleSlope + rescaleIntercept;
    }
    return out;
  }
  const range = 2 ** bitsStored;
  for (let i = 0; i < samples.length; i++) {
    // Arithmetic, not bitwise, so 32-bit samples do not overflow.
    let value = ((samples[i]! % range) + range) % range;
    if (pixelRepresentation === 1 && value >= range / 2) value -= range;
    out[i] = value * rescaleSlope + rescaleIntercept;
  }
  return out;
}
