/**
 * The Cornerstone WASM decoders (CharLS for JPEG-LS, OpenJPEG for JPEG 2000, libjpeg-turbo for
 * 8-bit baseline): which package and class decode each codec, and how one codestream goes
 * through a decoder. Pure: how a module is loaded is the caller's (Node `require` in
 * codecs.ts, a lazy `import` with the .wasm file's URL in the browser viewer).
 */
import type { DecodedFrame } from './decoded-frame.ts';

export interface WasmFrameInfo {
  width: number;
  height: number;
  bitsPerSample: number;
  componentCount: number;
  isSigned?: boolean;
}
interface WasmDecoder {
  getEncodedBuffer(length: number): Uint8Array;
  getDecodedBuffer(): Uint8Array;
  decode(): void;
  getFrameInfo(): WasmFrameInfo;
  delete(): void;
}
/** An instantiated Emscripten module: decoder classes by name. */
export type WasmModule = Record<string, new () => WasmDecoder>;
/** An Emscripten module factory (the packages' `decodewasmjs` export). */
export type WasmFactory = (options: object) => Promise<WasmModule>;

export const WASM_PACKAGES = {
  'jpeg-ls': { module: '@cornerstonejs/codec-charls/decodewasmjs', decoder: 'JpegLSDecoder' },
  'jpeg-2000': { module: '@cornerstonejs/codec-openjpeg/decodewasmjs', decoder: 'J2KDecoder' },
  'jpeg-baseline': {
    module: '@cornerstonejs/codec-libjpeg-turbo-8bit/decodewasmjs',
    decoder: 'JPEGDecoder',
  },
} as const;
export type WasmCodec = keyof typeof WASM_PACKAGES;

/** Emscripten prints codec chatter (OpenJPEG's [INFO] lines) unless given quiet sinks. */
export const QUIET = { print: () => {}, printErr: () => {} } as const;

/** Decodes one greyscale codestream with an instantiated module's decoder for `codec`. */
export function decodeWithModule(
  module: WasmModule,
  codec: WasmCodec,
  bytes: Uint8Array,
): DecodedFrame {
  const Decoder = module[WASM_PACKAGES[codec].decoder]!;
  const decoder = new Decoder();
  try {
    decoder.getEncodedBuffer(bytes.length).set(bytes);
    decoder.decode();
    const info = decoder.getFrameInfo();
    if (info.componentCount !== 1) {
      throw new Error(`${info.componentCount} components; only greyscale is supported`);
    }
    // Copy out of WASM memory before the decoder (and its buffer) is deleted.
    const raw = decoder.getDecodedBuffer().slice();
    const pixels = info.width * info.height;
    let samples: ArrayLike<number>;
    if (info.bitsPerSample <= 8) {
      samples = info.isSigned ? new Int8Array(raw.buffer, 0, pixels) : raw.subarray(0, pixels);
    } else {
      samples = info.isSigned
        ? new Int16Array(raw.buffer, 0, pixels)
        : new Uint16Array(raw.buffer, 0, pixels);
    }
    return { width: info.width, height: info.height, samples };
  } finally {
    decoder.delete();
  }
}

/** jpeg-lossless-decoder-js's Decoder, as both its ESM and CommonJS builds export it. */
export interface LosslessDecoder {
  decode(
    buffer: ArrayBuffer,
    offset: number,
    length: number,
    numBytes?: number,
  ): Uint8Array | Uint16Array;
  xDim: number;
  yDim: number;
}

/** Decodes a JPEG Lossless (process 14, any selection value) codestream with `decoder`. */
export function decodeLosslessWith(
  decoder: LosslessDecoder,
  bytes: Uint8Array,
  bitsAllocated: number,
): DecodedFrame {
  // A copy that owns its ArrayBuffer (Buffer#slice would be a view into a larger one).
  const copy = new Uint8Array(bytes);
  const samples = decoder.decode(copy.buffer, 0, copy.length, bitsAllocated > 8 ? 2 : 1);
  return { width: decoder.xDim, height: decoder.yDim, samples };
}
