/**
 * The SHA-256 of one dataset file, run in a worker. The file is stat'ed before and after
 * reading and compared with the listing, so a file that vanished or changed since the scan is
 * reported rather than hashed in a state nobody listed.
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';

export interface HashRequest {
  path: string;
  size: number;
  mtimeMs: number;
}

export type HashOutcome =
  { sha256: string } | { problem: 'vanished' | 'changed' | 'unreadable'; detail: string };

const CHUNK = 1 << 20;
/** One read buffer per worker, reused for every file (a worker hashes one file at a time). */
let buffer: Buffer | null = null;

export function hashFile(file: HashRequest): HashOutcome {
  let fd: number;
  try {
    fd = openSync(file.path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { problem: 'vanished', detail: 'no longer exists' };
    return { problem: 'unreadable', detail: String((error as Error).message) };
  }
  try {
    const before = fstatSync(fd);
    if (before.size !== file.size || before.mtimeMs !== file.mtimeMs) {
      return { problem: 'changed', detail: 'size or modification time changed since the scan' };
    }
    const hash = createHash('sha256');
    buffer ??= Buffer.allocUnsafe(CHUNK);
    let read = 0;
    for (;;) {
      const n = readSync(fd, buffer, 0, buffer.length, null);
      if (n === 0) break;
      hash.update(buffer.subarray(0, n));
      read += n;
    }
    const after = statSync(file.path, { throwIfNoEntry: false });
    if (!after) return { problem: 'vanished', detail: 'deleted while being read' };
    if (read !== file.size || after.size !== file.size || after.mtimeMs !== file.mtimeMs) {
      return { problem: 'changed', detail: 'changed while being read' };
    }
    return { sha256: hash.digest('hex') };
  } catch (error) {
    return { problem: 'unreadable', detail: String((error as Error).message) };
  } finally {
    closeSync(fd);
  }
}
