/**
 * JPEG-LS and JPEG 2000 lossless encoders: the encoders in the same Cornerstone WebAssembly
 * builds of CharLS and OpenJPEG whose decoders the pipeline uses (the full `wasmjs` builds hold
 * both). Loaded once per thread with {@link loadWasmEncoders} before any file is written, so the
 * generator itself stays synchronous.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface FrameInfo {
  width: number;
  height: number;
  bitsPerSample: number;
  componentCount: number;
  isSigned: boolean;
  isUsingColorTransform: boolean;
}
interface WasmEncoder {
  getDecodedBuffer(info: FrameInfo): Uint8Array;
  getEncodedBuffer(): Uint8Array;
  encode(): void;
  delete(): void;
  setNearLossless?(near: number): void;
  setQuality?(lossless: boolean, quality: number): void;
  setDecompositions?(levels: number): void;
}
type EncoderModule = Record<string, new () => WasmEncoder>;
type Factory = (options: object) => Promise<EncoderModule>;

let modules: { charls: EncoderModule; openjpeg: EncoderModule } | null = null;

/** Instantiates both WebAssembly modules (once per thread). */
export async function loadWasmEncoders(): Promise<void> {
  if (modules) return;
  // A fresh options object each: Emscripten turns it into the module, so sharing one breaks.
  const quiet = () => ({ print: () => {}, printErr: () => {} });
  const [charls, openjpeg] = await Promise.all([
    (require('@cornerstonejs/codec-charls/wasmjs') as Factory)(quiet()),
    (require('@cornerstonejs/codec-openjpeg/wasmjs') as Factory)(quiet()),
  ]);
  modules = { charls, openjpeg };
}

function encodeWith(
  module: 'charls' | 'openjpeg',
  samples: Int16Array,
  rows: number,
  columns: number,
  decompositions?: number,
): Uint8Array {
  if (!modules) throw new Error('call loadWasmEncoders() before encoding');
  const encoder =
    module === 'charls' ? new modules.charls.JpegLSEncoder!() : new modules.openjpeg.J2KEncoder!();
  try {
    const input = encoder.getDecodedBuffer({
      width: columns,
      height: rows,
      bitsPerSample: 16,
      componentCount: 1,
      isSigned: true,
      isUsingColorTransform: false,
    });
    input.set(new Uint8Array(samples.buffer, samples.byteOffset, samples.byteLength));
    if (module === 'charls') encoder.setNearLossless!(0);
    else encoder.setQuality!(true, 0); // lossless: reversible 5/3 wavelet
    if (decompositions !== undefined) encoder.setDecompositions!(decompositions);
    encoder.encode();
    return encoder.getEncodedBuffer().slice(); // a copy: the view is into WebAssembly memory
  } finally {
    encoder.delete();
  }
}

export function encodeJpegLs16(samples: Int16Array, rows: number, columns: number): Uint8Array {
  return encodeWith('charls', samples, rows, columns);
}

/** `decompositions`: wavelet levels (OpenJPEG's default when not given). */
export function encodeJpeg2000Lossless16(
  samples: Int16Array,
  rows: number,
  columns: number,
  decompositions?: number,
): Uint8Array {
  return encodeWith('openjpeg', samples, rows, columns, decompositions);
}
