/**
 * Pixel data of one frame in a transfer syntax the sample writes: the native samples, or one
 * compressed fragment for the encapsulated syntaxes.
 */
import {
  JPEG_2000_LOSSLESS,
  JPEG_LOSSLESS_SV1,
  JPEG_LS_LOSSLESS,
  NATIVE_SYNTAX,
  RLE_LOSSLESS,
} from '../syntaxes.ts';
import { encodeJpegLossless16 } from './jpeg-lossless.ts';
import { encodeRle16 } from './rle.ts';
import { encodeJpeg2000Lossless16, encodeJpegLs16 } from './wasm.ts';

export { loadWasmEncoders } from './wasm.ts';

export type PixelDataValue = Int16Array | { fragments: Uint8Array[] };

export function encodePixelData(
  syntax: string,
  samples: Int16Array,
  rows: number,
  columns: number,
): PixelDataValue {
  switch (syntax) {
    case NATIVE_SYNTAX:
      return samples;
    case RLE_LOSSLESS:
      return { fragments: [encodeRle16(samples, rows, columns)] };
    case JPEG_LOSSLESS_SV1:
      return { fragments: [encodeJpegLossless16(samples, rows, columns)] };
    case JPEG_LS_LOSSLESS:
      return { fragments: [encodeJpegLs16(samples, rows, columns)] };
    case JPEG_2000_LOSSLESS:
      return { fragments: [encodeJpeg2000Lossless16(samples, rows, columns)] };
    default:
      throw new Error(`the sample cannot write transfer syntax ${syntax}`);
  }
}
