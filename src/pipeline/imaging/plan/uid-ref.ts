/**
 * A reference to a UID read from inside a DICOM file, for messages and data that must say
 * which inner UID they mean without publishing it. Inner UIDs are not on the allow-list:
 * original UIDs often embed the acquisition date, time and device
 * (`1.3.6.1.4.1.5962.1.2.1.20040119072730.12322`).
 *
 * The reference is a keyed hash (HMAC-SHA-256, 48 bits shown) with a key taken from data the
 * site never publishes: the raw bytes of the dataset's first DICOM files (pixel data included;
 * the site publishes only downsampled, windowed thumbnails of them). So the same input gives
 * the same references (builds stay byte-identical), the same UID gets the same reference in
 * every output of one build, and nobody holding only the site can test a guessed UID against
 * a reference: the key is not derivable from public output.
 */
import { createHash, createHmac } from 'node:crypto';
import { open } from 'node:fs/promises';
import { join } from 'node:path';

/** How many files (first in path order) feed the key. */
const KEY_FILES = 3;
/** Bytes read from each of them: enough to include pixel data of a typical CT slice. */
const KEY_BYTES = 1 << 20;

/**
 * The reference of an inner UID under `key`.
 * @example uidRef('1.2.3', Buffer.from('k')) // 'ref-' followed by 12 hex digits
 */
export function uidRef(uid: string, key: Uint8Array): string {
  return `ref-${createHmac('sha256', key).update(uid).digest('hex').slice(0, 12)}`;
}

/**
 * The key for `uidRef`: SHA-256 of the raw bytes of the first `KEY_FILES` files of `rels`
 * (dataset-relative paths) in code-point order. Unreadable files contribute their path only.
 */
export async function uidRefKey(datasetDir: string, rels: readonly string[]): Promise<Buffer> {
  const hash = createHash('sha256').update('mosmed-uid-ref-v1');
  const first = [...rels].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).slice(0, KEY_FILES);
  for (const rel of first) {
    hash.update(rel);
    try {
      const handle = await open(join(datasetDir, rel), 'r');
      try {
        const buffer = Buffer.alloc(KEY_BYTES);
        const { bytesRead } = await handle.read(buffer, 0, KEY_BYTES, 0);
        hash.update(buffer.subarray(0, bytesRead));
      } finally {
        await handle.close();
      }
    } catch {
      // A file that vanished or cannot be read: the others still key the hash.
    }
  }
  return hash.digest();
}
