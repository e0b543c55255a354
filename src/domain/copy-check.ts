/**
 * Checking a copy of the dataset against the build's expected lists (./copy-lists.ts): where
 * the studies are among the files a reader picked (the dataset root, its `studies/` folder, a
 * folder of some study folders, or one study folder), which files need hashing, and the report.
 * Pure functions: the page (src/scripts/your-copy/) does the picking, fetching and hashing.
 */
import type { CopyIndex, CopyStudyList } from './copy-lists.ts';

/** The downloadable report; paths relative to the dataset root, folders as under `studies/`. */
export interface CopyReport {
  dataset: string;
  version: string;
  /** Expected files found in the copy and compared (by hash, or by size without one). */
  checkedFiles: number;
  missing: string[];
  corrupt: string[];
  extra: string[];
  studies: { complete: string[]; incomplete: string[]; absent: string[] };
}

/** A picked file in the copy: its dataset-relative path and size; sha256 once hashed. */
export interface CopyFile {
  size: number;
  sha256: string | null;
}

/**
 * The part of the picked paths that stands for the dataset's `studies/` folder: everything
 * before the first segment that names a study folder of the dataset (and is not a file name).
 * Null when no picked file lies in a study folder of the dataset.
 * @example studiesPrefix(['copy/studies/1.2/a/1.dcm'], new Set(['1.2'])) // 'copy/studies/'
 * @example studiesPrefix(['1.2/a/1.dcm'], new Set(['1.2'])) // ''
 */
export function studiesPrefix(
  paths: Iterable<string>,
  folders: ReadonlySet<string>,
): string | null {
  let best: string | null = null;
  for (const path of paths) {
    const parts = path.split('/');
    const at = parts.findIndex((part, i) => i < parts.length - 1 && folders.has(part));
    if (at < 0) continue;
    const prefix = parts
      .slice(0, at)
      .map((p) => `${p}/`)
      .join('');
    if (best === null || prefix.length < best.length) best = prefix;
  }
  return best;
}

/**
 * A picked path as a dataset-relative path (`studies/...`), or null for a file outside the
 * studies folder (the registry, the READMEs: not checked).
 * @example datasetPath('copy/studies/1.2/a/1.dcm', 'copy/studies/') // 'studies/1.2/a/1.dcm'
 */
export function datasetPath(path: string, prefix: string): string | null {
  if (!path.startsWith(prefix)) return null;
  const rest = path.slice(prefix.length);
  return rest === '' ? null : `studies/${rest}`;
}

/** The study folder of a dataset path, or null for a loose file in `studies/`. */
export function studyFolderOf(path: string): string | null {
  const parts = path.split('/');
  return parts.length >= 3 ? parts[1]! : null;
}

/** The dataset's study folders that hold at least one file of the copy, in index order. */
export function presentFolders(index: CopyIndex, paths: Iterable<string>): string[] {
  const seen = new Set<string>();
  for (const path of paths) {
    const folder = studyFolderOf(path);
    if (folder !== null) seen.add(folder);
  }
  return index.studies.filter((s) => seen.has(s.folder)).map((s) => s.folder);
}

/**
 * The files whose content must be hashed: present, the same size as expected, and with an
 * expected hash (a different size is corrupt without reading a byte).
 */
export function filesToHash(
  lists: readonly CopyStudyList[],
  copy: ReadonlyMap<string, CopyFile>,
): string[] {
  const paths: string[] = [];
  for (const list of lists) {
    for (const [path, size, sha256] of list.files) {
      const file = copy.get(path);
      if (file && file.size === size && sha256 !== null) paths.push(path);
    }
  }
  return paths;
}

/**
 * The report: `lists` are the expected lists of the present study folders (see
 * presentFolders); studies with no file in the copy are absent, and their files are not
 * counted as missing (a partial copy is a copy).
 */
export function copyReport(
  meta: { dataset: string; version: string },
  index: CopyIndex,
  lists: readonly CopyStudyList[],
  copy: ReadonlyMap<string, CopyFile>,
): CopyReport {
  const expected = new Set<string>(index.loose.map(([path]) => path));
  const missing: string[] = [];
  const corrupt: string[] = [];
  const broken = new Set<string>();
  let checkedFiles = 0;
  const compare = (path: string, size: number, sha256: string | null, folder: string | null) => {
    expected.add(path);
    const file = copy.get(path);
    if (!file) {
      if (folder === null) return; // a loose file of the dataset is not asked for
      missing.push(path);
      broken.add(folder);
      return;
    }
    checkedFiles += 1;
    // A file that could not be hashed (sha256 still null) cannot be vouched for: corrupt.
    const differs = file.size !== size || (sha256 !== null && file.sha256 !== sha256);
    if (differs) {
      corrupt.push(path);
      if (folder !== null) broken.add(folder);
    }
  };
  for (const [path, size, sha256] of index.loose) compare(path, size, sha256, null);
  const present = new Set<string>();
  for (const list of lists) {
    present.add(list.folder);
    for (const [path, size, sha256] of list.files) compare(path, size, sha256, list.folder);
  }
  const extra = [...copy.keys()].filter((path) => !expected.has(path)).sort();
  const studies: CopyReport['studies'] = { complete: [], incomplete: [], absent: [] };
  for (const { folder } of index.studies) {
    if (!present.has(folder)) studies.absent.push(folder);
    else if (broken.has(folder)) studies.incomplete.push(folder);
    else studies.complete.push(folder);
  }
  return {
    ...meta,
    checkedFiles,
    missing: missing.sort(),
    corrupt: corrupt.sort(),
    extra,
    studies,
  };
}
