/**
 * The one way the build writes a file: to a temporary file next to the target, then a rename,
 * so a reader never sees half a file. An unchanged file is left alone (its mtime too), which
 * keeps rebuilds cheap and lets later copies skip it. Async for the data files; sync for the
 * imaging stage (its worker threads write sprite sheets, its main thread copies them).
 */
import {
  linkSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { threadId } from 'node:worker_threads';

let counter = 0;

/** `<path>.<pid>-<thread>-<n>.tmp`: unique per write, and names the process that made it. */
function tempPath(path: string): string {
  return `${path}.${process.pid}-${threadId}-${counter++}.tmp`;
}

/**
 * The process id in the name of a temporary file of this module, 0 for any other name (so
 * that a cleanup can tell a killed build's leftovers from a running build's files).
 * @example tempFileOwner('ab-brain.webp.4242-1-7.tmp') // 4242
 */
export function tempFileOwner(name: string): number {
  const match = /\.(\d+)-\d+-\d+\.tmp$/.exec(name);
  return match ? Number(match[1]) : 0;
}

/**
 * Writes `content` to `path` unless the file already holds exactly that.
 * @returns whether the file was written.
 * @example await writeFileAtomic('generated/data/stats.json', '{}\n')
 */
export async function writeFileAtomic(
  path: string,
  content: string | Uint8Array,
): Promise<boolean> {
  const bytes = Buffer.from(content);
  const existing = await readFile(path).catch(() => null);
  if (existing !== null && existing.equals(bytes)) return false;
  await mkdir(dirname(path), { recursive: true });
  const temp = tempPath(path);
  try {
    await writeFile(temp, bytes);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  return true;
}

/** `writeFileAtomic`, synchronously. */
export function writeFileAtomicSync(path: string, content: string | Uint8Array): boolean {
  const bytes = Buffer.from(content);
  let existing: Buffer | null = null;
  try {
    existing = readFileSync(path);
  } catch {
    // no file yet (or unreadable: it is replaced)
  }
  if (existing !== null && existing.equals(bytes)) return false;
  mkdirSync(dirname(path), { recursive: true });
  const temp = tempPath(path);
  try {
    writeFileSync(temp, bytes);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  return true;
}

/**
 * Puts the file `from` at `path` as a hard link (made under a temporary name, then renamed, so
 * a reader never sees a missing or half file), unless `path` already is that file. For files
 * never rewritten in place (the imaging cache's images: a new render is a new file renamed
 * over the old), so the output needs no copy of their bytes, and checking an unchanged one
 * costs two stats, not two reads. Where no link can be made (another file system), a copy
 * through `writeFileAtomicSync`.
 * @returns whether `path` was (re)placed.
 */
export function linkFileAtomicSync(from: string, path: string): boolean {
  const target = statSync(path, { throwIfNoEntry: false });
  if (target) {
    const source = statSync(from);
    if (source.ino === target.ino && source.dev === target.dev) return false;
  }
  mkdirSync(dirname(path), { recursive: true });
  const temp = tempPath(path);
  try {
    linkSync(from, temp);
  } catch {
    return writeFileAtomicSync(path, readFileSync(from));
  }
  try {
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  return true;
}
