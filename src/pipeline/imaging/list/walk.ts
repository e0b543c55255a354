/** Lists the dataset's `studies/` tree: every file with its size and mtime (stat only). */
import { readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { FileStat } from '../types.ts';

export interface Listing {
  files: FileStat[];
  /** Names of the folders directly under `studies/`. */
  studyFolders: string[];
}

const STAT_BATCH = 256;

/** Walks `<datasetDir>/studies` (following no symlinked folders); paths sorted. */
export async function listStudyFiles(
  datasetDir: string,
  onBatch: (done: number) => void = () => {},
): Promise<Listing> {
  const root = join(datasetDir, 'studies');
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const studyFolders: string[] = [];
  const paths: string[] = [];
  for (const entry of entries) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isDirectory()) {
      if (entry.parentPath === root) studyFolders.push(entry.name);
    } else if (entry.isFile() || entry.isSymbolicLink()) {
      paths.push(path);
    }
  }
  paths.sort();
  const files: FileStat[] = [];
  for (let i = 0; i < paths.length; i += STAT_BATCH) {
    const batch = paths.slice(i, i + STAT_BATCH);
    const stats = await Promise.all(batch.map((p) => stat(p)));
    stats.forEach((s, j) => {
      if (!s.isFile()) return;
      files.push({
        rel: relative(datasetDir, batch[j]!).split(sep).join('/'),
        size: s.size,
        mtimeMs: s.mtimeMs,
      });
    });
    onBatch(files.length);
  }
  files.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  return { files, studyFolders: studyFolders.sort() };
}
