/**
 * A hashing worker of the "Your copy" page: SHA-256 of one file per message. WebCrypto's
 * digest where it exists (secure contexts: HTTPS, localhost) and the file is small enough to
 * read whole; otherwise hash-wasm's streaming SHA-256 (WebAssembly, allowed by the CSP's
 * 'wasm-unsafe-eval'; compiled only when first needed), reading the file in slices. A static
 * import, so the bundle keeps only hash-wasm's SHA-256 (a dynamic one inlines every algorithm).
 */
import { createSHA256, type IHasher } from 'hash-wasm';
import type { HashReply, HashRequest } from './hash-messages.ts';

/** Files above this are streamed (WebCrypto's digest needs the whole file in memory). */
const WHOLE_FILE_LIMIT = 64 * 1024 * 1024;
const SLICE = 8 * 1024 * 1024;

let wasm: Promise<IHasher> | null = null;

const hex = (bytes: ArrayBuffer) =>
  Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');

async function streamed(file: Blob): Promise<string> {
  wasm ??= createSHA256();
  const hasher = await wasm;
  hasher.init();
  for (let at = 0; at < file.size; at += SLICE) {
    hasher.update(new Uint8Array(await file.slice(at, at + SLICE).arrayBuffer()));
  }
  return hasher.digest('hex');
}

async function sha256(file: Blob, forceWasm: boolean): Promise<string> {
  if (!forceWasm && globalThis.crypto?.subtle && file.size <= WHOLE_FILE_LIMIT) {
    return hex(await crypto.subtle.digest('SHA-256', await file.arrayBuffer()));
  }
  return streamed(file);
}

self.onmessage = async (event: MessageEvent<HashRequest>) => {
  const { id, file, wasm: forceWasm } = event.data;
  let reply: HashReply;
  try {
    reply = { id, sha256: await sha256(file, forceWasm) };
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) };
  }
  (self as unknown as Worker).postMessage(reply);
};
