/**
 * Lists the dataset's `studies/` tree: every file with its size and mtime (stat only), entry by
 * entry, so that one bad entry is a finding and never stops the listing: a name that is not
 * valid UTF-8, an unreadable folder, a dangling symbolic link, a link loop, a FIFO or device.
 * Symbolic links are never followed out of the dataset (nothing outside it is read or hashed);
 * a link to a file inside it is listed, a link to a folder is not followed. A folder whose name
 * starts with a dot (`.git`, `.Trash`: tools' own) is neither a study nor walked. This is the
 * one listing of the study folders: the imaging stage plans them, the join matches rows to
 * them. Findings name dataset-relative paths only.
 */
import * as nodeFs from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { QualityFinding } from '../../../domain/schemas.ts';
import { finding } from '../../quality/finding.ts';
import { errorText } from '../error-text.ts';
import type { FileStat } from '../types.ts';

export interface Listing {
  files: FileStat[];
  /** Names of the folders directly under `studies/` (the study folders), sorted. */
  studyFolders: string[];
  /** True when there is no `studies/` folder (then the one finding says so). */
  noStudiesFolder: boolean;
  /** One per entry that could not be listed, or was not followed. */
  findings: QualityFinding[];
}

/** The file-system calls the walk makes (tests inject failures a root user cannot cause). */
export interface WalkFs {
  readdir: (path: string) => Promise<{ name: Buffer; kind: EntryKind }[]>;
  stat: (
    path: string,
  ) => Promise<{ size: number; mtimeMs: number; isFile(): boolean; isDirectory(): boolean }>;
  realpath: (path: string) => Promise<string>;
}

export type EntryKind = 'file' | 'dir' | 'link' | 'other';

export const nodeWalkFs: WalkFs = {
  readdir: async (path) =>
    (await nodeFs.readdir(path, { withFileTypes: true, encoding: 'buffer' })).map((e) => ({
      name: e.name,
      kind: e.isFile() ? 'file' : e.isDirectory() ? 'dir' : e.isSymbolicLink() ? 'link' : 'other',
    })),
  stat: (path) => nodeFs.stat(path),
  realpath: (path) => nodeFs.realpath(path),
};

/** A hidden folder: not part of the dataset. */
const isHidden = (name: string) => name.startsWith('.');

/** Folders nested deeper than this under `studies/` are not listed (a study is two levels). */
const MAX_DEPTH = 16;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const lossyUtf8 = new TextDecoder('utf-8');

function decodeName(name: Buffer): string | null {
  try {
    return strictUtf8.decode(name);
  } catch {
    return null;
  }
}

/** Walks `<datasetDir>/studies` (see the module doc); paths sorted. */
export async function listStudyFiles(
  datasetDir: string,
  onBatch: (done: number) => void = () => {},
  fs: WalkFs = nodeWalkFs,
): Promise<Listing> {
  const findings: QualityFinding[] = [];
  const files: FileStat[] = [];
  const studyFolders: string[] = [];
  const relOf = (path: string) => relative(datasetDir, path).split(sep).join('/');
  const problem = (rel: string, detail: string) =>
    findings.push(finding('dicom-listing-error', { detail }, { file: rel }));

  const datasetReal = await fs.realpath(datasetDir).catch(() => datasetDir);
  const inside = (real: string) => real === datasetReal || real.startsWith(datasetReal + sep);
  const root = join(datasetDir, 'studies');
  const rootReal = await fs.realpath(root).catch(() => root);
  if (!inside(rootReal)) {
    findings.push(finding('dicom-symlink-outside', {}, { file: 'studies' }));
    return { files, studyFolders, noStudiesFolder: false, findings };
  }
  const rootInfo = await fs.stat(root).catch(() => null);
  if (!rootInfo?.isDirectory()) {
    findings.push(finding('dicom-no-studies-folder', {}, { file: 'studies' }));
    return { files, studyFolders, noStudiesFolder: true, findings };
  }

  /** A symbolic link: listed when it is a file inside the dataset; every other case a finding. */
  const visitLink = async (path: string, rel: string) => {
    let real: string;
    try {
      real = await fs.realpath(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') problem(rel, 'dangling symbolic link (its target does not exist)');
      else if (code === 'ELOOP') problem(rel, 'symbolic link loop');
      else problem(rel, `symbolic link not resolved: ${errorText(error)}`);
      return;
    }
    if (!inside(real)) {
      findings.push(finding('dicom-symlink-outside', {}, { file: rel }));
      return;
    }
    const info = await fs.stat(real).catch((error: unknown) => errorText(error));
    if (typeof info === 'string') problem(rel, info);
    else if (info.isDirectory()) problem(rel, 'symbolic link to a folder: not followed');
    else if (!info.isFile()) problem(rel, 'not a regular file');
    else files.push({ rel, size: info.size, mtimeMs: info.mtimeMs });
  };

  const walk = async (dir: string, depth: number): Promise<void> => {
    let entries: { name: Buffer; kind: EntryKind }[];
    try {
      entries = await fs.readdir(dir);
    } catch (error) {
      problem(relOf(dir), `folder not readable: ${errorText(error)}`);
      return;
    }
    const subfolders: string[] = [];
    const plain: { path: string; rel: string }[] = [];
    for (const entry of entries) {
      const name = decodeName(entry.name);
      if (name === null) {
        const shown = `${relOf(dir)}/${lossyUtf8.decode(entry.name)}`;
        problem(shown, 'name is not valid UTF-8: rename it');
        continue;
      }
      const path = join(dir, name);
      const rel = relOf(path);
      if (entry.kind === 'dir') {
        if (isHidden(name)) continue;
        if (depth === 0) studyFolders.push(name);
        if (depth + 1 >= MAX_DEPTH)
          problem(rel, `folder nested more than ${MAX_DEPTH} levels deep`);
        else subfolders.push(path);
      } else if (entry.kind === 'file') {
        plain.push({ path, rel });
      } else if (entry.kind === 'link') {
        await visitLink(path, rel);
      } else {
        problem(rel, 'not a regular file (a FIFO, socket or device)');
      }
    }
    // Stat the folder's files together: a folder holds one series' slices.
    const stats = await Promise.all(
      plain.map(({ path }) => fs.stat(path).catch((error: unknown) => errorText(error))),
    );
    stats.forEach((info, i) => {
      const { rel } = plain[i]!;
      if (typeof info === 'string') problem(rel, info);
      else if (info.isFile()) files.push({ rel, size: info.size, mtimeMs: info.mtimeMs });
    });
    onBatch(files.length);
    for (const sub of subfolders) await walk(sub, depth + 1);
  };

  await walk(root, 0);
  files.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  return { files, studyFolders: studyFolders.sort(), noStudiesFolder: false, findings };
}
