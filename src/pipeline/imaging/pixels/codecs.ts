/**
 * The compressed-pixel codecs, all pure JavaScript/WebAssembly that run in Node without a
 * browser: jpeg-lossless-decoder-js (JPEG processes 14 and 14 SV1) and the Cornerstone WASM
 * builds of CharLS (JPEG-LS), OpenJPEG (JPEG 2000) and libjpeg-turbo (8-bit baseline).
 * The WASM packages are CommonJS factories that locate their .wasm next to the script, so they
 * are loaded with `require` and instantiated once per thread, on first use.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** Decoded samples of one frame, before masking to BitsStored. */
export interface DecodedFrame {
  width: number;
  height: number;
  samples: ArrayLike<number>;
}

interface WasmFrameInfo {
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
type WasmModule = Record<string, new () => WasmDecoder>;

const WASM_PACKAGES = {
  'jpeg-ls': { module: '@cornerstonejs/codec-charls/decodewasmjs', decoder: 'JpegLSDecoder' },
  'jpeg-2000': { module: '@cornerstonejs/codec-openjpeg/decodewasmjs', decoder: 'J2KDecoder' },
  'jpeg-baseline': {
    module: '@cornerstonejs/codec-libjpeg-turbo-8bit/decodewasmjs',
    decoder: 'JPEGDecoder',
  },
} as const;
export type WasmCodec = keyof typeof WASM_PACKAGES;

const modules = new Map<WasmCodec, Promise<WasmModule>>();

function loadModule(codec: WasmCodec): Promise<WasmModule> {
  let loaded = modules.get(codec);
  if (!loaded) {
    const factory = require(WASM_PACKAGES[codec].module) as (
      options: object,
    ) => Promise<WasmModule>;
    // Emscripten prints codec chatter (OpenJPEG's [INFO] lines) unless given quiet sinks.
    loaded = factory({ print: () => {}, printErr: () => {} });
    modules.set(codec, loaded);
  }
  return loaded;
}

/** Decodes a JPEG-LS, JPEG 2000 or baseline JPEG codestream with its WASM decoder. */
export async function decodeWithWasm(codec: WasmCodec, bytes: Uint8Array): Promise<DecodedFrame> {
  const module = await loadModule(codec);
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

interface LosslessDecoder {
  decode(
    buffer: ArrayBuffer,
    offset: number,
    length: number,
    numBytes?: number,
  ): Uint8Array | Uint16Array;
  xDim: number;
  yDim: number;
}
const lossless = require('jpeg-lossless-decoder-js') as {
  Decoder: new () => LosslessDecoder;
};

/** Decodes a JPEG Lossless (process 14, any selection value) codestream. */
export function decodeJpegLossless(bytes: Uint8Array, bitsAllocated: number): DecodedFrame {
  const decoder = new lossless.Decoder();
  // A copy that owns its ArrayBuffer (Buffer#slice would be a view into a larger one).
  const copy = new Uint8Array(bytes);
  const samples = decoder.decode(copy.buffer, 0, copy.length, bitsAllocated > 8 ? 2 : 1);
  return { width: decoder.xDim, height: decoder.yDim, samples };
}
