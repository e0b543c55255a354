/**
 * From a parsed data set to its first frame's stored samples, for every transfer syntax with a
 * codec: native pixel data read in its byte order, encapsulated frames joined from their
 * fragments and handed to the codec. Pure and free of Node APIs: the codecs and dicom-parser
 * are passed in, so the build (pixels.ts) and the study page's viewer decode the same way.
 */
import type { DataSet, Element } from 'dicom-parser';
import {
  describeTransferSyntax,
  transferSyntaxInfo,
  type PixelCodec,
} from '../dicom/transfer-syntax.ts';
import { PIXEL_DATA } from '../dicom/sniff.ts';
import type { ImageHeader } from '../types.ts';
import { decodeRle } from './rle.ts';
import type { DecodedFrame } from './decoded-frame.ts';
import type { WasmCodec } from './wasm-decode.ts';

export type { DecodedFrame } from './decoded-frame.ts';

/** The compressed-pixel codecs, as each environment loads them. */
export interface FrameCodecs {
  jpegLossless(bytes: Uint8Array, bitsAllocated: number): DecodedFrame | Promise<DecodedFrame>;
  wasm(codec: WasmCodec, bytes: Uint8Array): Promise<DecodedFrame>;
}

/** The part of dicom-parser that joins encapsulated fragments. */
export type FragmentReader = Pick<
  typeof import('dicom-parser'),
  'readEncapsulatedImageFrame' | 'readEncapsulatedPixelDataFromFragments'
>;

/** The header fields decoding needs. */
export type FrameHeader = Pick<
  ImageHeader,
  'transferSyntax' | 'rows' | 'columns' | 'bitsAllocated'
>;

/** Thrown for a transfer syntax with no decoder; the series is then `unsupported`. */
export class UnsupportedTransferSyntax extends Error {
  readonly transferSyntax: string;
  constructor(transferSyntax: string) {
    super(`unsupported transfer syntax ${describeTransferSyntax(transferSyntax)}`);
    this.transferSyntax = transferSyntax;
  }
}

/** Decodes the first frame of a whole file's parsed data set. */
export async function decodeFrame(
  dataSet: DataSet,
  header: FrameHeader,
  codecs: FrameCodecs,
  fragments: FragmentReader,
): Promise<DecodedFrame> {
  const info = transferSyntaxInfo(header.transferSyntax);
  if (!info.codec) throw new UnsupportedTransferSyntax(header.transferSyntax);
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
    const bytes = encapsulatedFrame(dataSet, pixel, fragments);
    const codec = info.codec;
    try {
      if (codec === 'rle') {
        frame = {
          width: columns,
          height: rows,
          samples: decodeRle(bytes, rows, columns, bitsAllocated),
        };
      } else if (codec === 'jpeg-lossless') {
        frame = await codecs.jpegLossless(bytes, bitsAllocated);
      } else {
        frame = await codecs.wasm(codec, bytes);
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
  header: FrameHeader,
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
function encapsulatedFrame(dataSet: DataSet, pixel: Element, reader: FragmentReader): Uint8Array {
  if (!pixel.fragments?.length) throw new Error('encapsulated Pixel Data has no fragments');
  if (pixel.basicOffsetTable && pixel.basicOffsetTable.length > 1) {
    return reader.readEncapsulatedImageFrame(dataSet, pixel, 0);
  }
  return reader.readEncapsulatedPixelDataFromFragments(dataSet, pixel, 0, pixel.fragments.length);
}
