/**
 * Writing outputs safely: to a temporary file next to the target, then a rename, so a reader
 * never sees half a file. An unchanged file is left alone (its mtime too), which keeps
 * rebuilds cheap and lets later copies skip it.
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes `content` to `path` unless the file already holds exactly that.
 * @returns whether the file was written.
 * @example await writeFileAtomic('generated/data/stats.json', '{}\n')
 */
export async function writeFileAtomic(
  path: string,
  content: string | Uint8Array,
): Promise<boolean> {
  const bytes = typeof content === 'string' ? Buffer.from(content) : Buffer.from(content);
  const existing = await readFile(path).catch(() => null);
  if (existing !== null && existing.equals(bytes)) return false;
  await mkdir(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    await writeFile(temp, bytes);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  return true;
}
