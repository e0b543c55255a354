/**
 * The compressed-pixel codecs in the browser, each loaded only when a file needs it: the same
 * packages as the build (wasm-decode.ts), the Emscripten glue as a lazy chunk and its .wasm as a
 * file of the site (never inlined, never from another origin). Instantiating WebAssembly needs
 * only the CSP's 'wasm-unsafe-eval'; none of these scripts uses eval or new Function.
 * The import specifiers are spelt out because the bundler needs them literally.
 */
import type { DecodedFrame, FrameCodecs } from '../../pipeline/imaging/pixels/frame.ts';
import {
  QUIET,
  decodeLosslessWith,
  decodeWithModule,
  type LosslessDecoder,
  type WasmCodec,
  type WasmFactory,
  type WasmModule,
} from '../../pipeline/imaging/pixels/wasm-decode.ts';

type Loaded = [{ default: WasmFactory }, { default: string }];

const LOADERS: Record<WasmCodec, () => Promise<Loaded>> = {
  'jpeg-ls': () =>
    Promise.all([
      import('@cornerstonejs/codec-charls/decodewasmjs'),
      import('@cornerstonejs/codec-charls/decodewasm?url'),
    ]),
  'jpeg-2000': () =>
    Promise.all([
      import('@cornerstonejs/codec-openjpeg/decodewasmjs'),
      import('@cornerstonejs/codec-openjpeg/decodewasm?url'),
    ]),
  'jpeg-baseline': () =>
    Promise.all([
      import('@cornerstonejs/codec-libjpeg-turbo-8bit/decodewasmjs'),
      import('@cornerstonejs/codec-libjpeg-turbo-8bit/decodewasm?url'),
    ]),
};

const modules = new Map<WasmCodec, Promise<WasmModule>>();

function loadModule(codec: WasmCodec): Promise<WasmModule> {
  let loaded = modules.get(codec);
  if (!loaded) {
    loaded = LOADERS[codec]().then(([glue, wasm]) =>
      glue.default({ ...QUIET, locateFile: () => wasm.default }),
    );
    // A failed load (e.g. offline) is tried again on the next file.
    loaded.catch(() => modules.delete(codec));
    modules.set(codec, loaded);
  }
  return loaded;
}

let lossless: Promise<new () => LosslessDecoder> | null = null;

export const BROWSER_CODECS: FrameCodecs = {
  async jpegLossless(bytes: Uint8Array, bitsAllocated: number): Promise<DecodedFrame> {
    lossless ??= import('jpeg-lossless-decoder-js').then((module) => module.Decoder);
    return decodeLosslessWith(new (await lossless)(), bytes, bitsAllocated);
  },
  async wasm(codec: WasmCodec, bytes: Uint8Array): Promise<DecodedFrame> {
    return decodeWithModule(await loadModule(codec), codec, bytes);
  },
};
