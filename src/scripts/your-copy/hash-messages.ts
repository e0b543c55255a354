/** The messages between the "Your copy" page and its hashing workers. */
export interface HashRequest {
  id: number;
  file: Blob;
  /** Use the WebAssembly hasher even where WebCrypto exists (tests, the benchmark). */
  wasm: boolean;
}

export type HashReply = { id: number; sha256: string } | { id: number; error: string };
