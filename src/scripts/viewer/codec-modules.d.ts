/** The Cornerstone codecs' Emscripten glue (CommonJS factories without type declarations). */
declare module '@cornerstonejs/codec-charls/decodewasmjs' {
  const factory: import('../../pipeline/imaging/pixels/wasm-decode.ts').WasmFactory;
  export default factory;
}
declare module '@cornerstonejs/codec-openjpeg/decodewasmjs' {
  const factory: import('../../pipeline/imaging/pixels/wasm-decode.ts').WasmFactory;
  export default factory;
}
declare module '@cornerstonejs/codec-libjpeg-turbo-8bit/decodewasmjs' {
  const factory: import('../../pipeline/imaging/pixels/wasm-decode.ts').WasmFactory;
  export default factory;
}
/** jpeg-lossless-decoder-js ships no type declarations. */
declare module 'jpeg-lossless-decoder-js' {
  export const Decoder: new () => import('../../pipeline/imaging/pixels/wasm-decode.ts').LosslessDecoder;
}
