/**
 * The compressed-pixel codecs in Node: jpeg-lossless-decoder-js (JPEG processes 14 and 14 SV1)
 * and the Cornerstone WASM builds of CharLS (JPEG-LS), OpenJPEG (JPEG 2000) and libjpeg-turbo
 * (8-bit baseline). The WASM packages are CommonJS factories that locate their .wasm next to
 * the script, so they are loaded with `require` and instantiated once per thread, on first use.
 * How a codestream is decoded is shared with the browser viewer (wasm-decode.ts).
 */
import { createRequire } from 'node:module';
import type { DecodedFrame, FrameCodecs } from './frame.ts';
import {
  QUIET,
  WASM_PACKAGES,
  decodeLosslessWith,
  decodeWithModule,
  type LosslessDecoder,
  type WasmCodec,
  type WasmFactory,
  type WasmModule,
} from './wasm-decode.ts';

export type { DecodedFrame } from './frame.ts';
export type { WasmCodec } from './wasm-decode.ts';

const require = createRequire(import.meta.url);

const modules = new Map<WasmCodec, Promise<WasmModule>>();

function loadModule(codec: WasmCodec): Promise<WasmModule> {
  let loaded = modules.get(codec);
  if (!loaded) {
    loaded = (require(WASM_PACKAGES[codec].module) as WasmFactory)({ ...QUIET });
    modules.set(codec, loaded);
  }
  return loaded;
}

/** Decodes a JPEG-LS, JPEG 2000 or baseline JPEG codestream with its WASM decoder. */
export async function decodeWithWasm(codec: WasmCodec, bytes: Uint8Array): Promise<DecodedFrame> {
  return decodeWithModule(await loadModule(codec), codec, bytes);
}

const lossless = require('jpeg-lossless-decoder-js') as {
  Decoder: new () => LosslessDecoder;
};

/** Decodes a JPEG Lossless (process 14, any selection value) codestream. */
export function decodeJpegLossless(bytes: Uint8Array, bitsAllocated: number): DecodedFrame {
  return decodeLosslessWith(new lossless.Decoder(), bytes, bitsAllocated);
}

/** The codecs as decodeFrame takes them. */
export const NODE_CODECS: FrameCodecs = {
  jpegLossless: decodeJpegLossless,
  wasm: decodeWithWasm,
};
