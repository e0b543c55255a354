/**
 * The expected lists of the "Your copy" page (src/domain/copy-lists.ts) from the imaging
 * stage's listing and checksums, and their writer: the index and one list per study folder
 * into `<generated>/data/copy/`, lists of folders that are gone removed.
 */
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import {
  COPY_DIR,
  COPY_INDEX,
  copyIndexSchema,
  copyStudyListSchema,
  type CopyIndex,
  type CopyStudyList,
  type ExpectedFile,
} from '../../domain/copy-lists.ts';
import type { Study } from '../../domain/schemas.ts';
import { serialize } from './write-data.ts';
import { writeFileAtomic } from './write-file-atomic.ts';

export interface ListedFile {
  /** Dataset-relative path, `studies/...`. */
  rel: string;
  size: number;
}

export interface CopyLists {
  index: CopyIndex;
  /** Each study's list by its file name in `data/copy/`. */
  lists: Map<string, CopyStudyList>;
}

/**
 * Groups the listed files by study folder; `sha256` (by path) is null when checksums were not
 * computed. A folder's list is named by its place in the sorted index (`0.json`, `1.json`...),
 * so no folder name (untrusted) becomes a file name.
 */
export function copyLists(
  files: readonly ListedFile[],
  sha256: ReadonlyMap<string, string> | null,
  studies: readonly Pick<Study, 'path' | 'slug' | 'handle'>[],
): CopyLists {
  const byFolder = new Map<string, ExpectedFile[]>();
  const loose: ExpectedFile[] = [];
  for (const file of files) {
    const parts = file.rel.split('/');
    const entry: ExpectedFile = [file.rel, file.size, sha256?.get(file.rel) ?? null];
    if (parts.length < 3) {
      loose.push(entry);
      continue;
    }
    const list = byFolder.get(parts[1]!);
    if (list) list.push(entry);
    else byFolder.set(parts[1]!, [entry]);
  }
  const byPath = new Map(studies.map((s) => [s.path, s]));
  const lists = new Map<string, CopyStudyList>();
  const folders = [...byFolder.keys()].sort();
  const index: CopyIndex = {
    checksums: sha256 !== null,
    studies: folders.map((folder, i) => {
      const list = `${i}.json`;
      const expected = byFolder.get(folder)!;
      lists.set(list, { folder, files: expected });
      const study = byPath.get(`studies/${folder}`);
      return {
        folder,
        slug: study?.slug ?? null,
        handle: study?.handle ?? null,
        files: expected.length,
        bytes: expected.reduce((sum, [, size]) => sum + size, 0),
        list,
      };
    }),
    loose,
  };
  return { index, lists };
}

/** Writes the lists into `<dataDir>/copy/`; returns the names (under data/) that changed. */
export async function writeCopyLists(dataDir: string, lists: CopyLists): Promise<string[]> {
  const dir = join(dataDir, COPY_DIR);
  const contents: [string, string][] = [
    [COPY_INDEX, serialize(copyIndexSchema, lists.index, `${COPY_DIR}/${COPY_INDEX}`)],
    ...[...lists.lists].map(([name, list]): [string, string] => [
      name,
      serialize(copyStudyListSchema, list, `${COPY_DIR}/${name}`),
    ]),
  ];
  const changed: string[] = [];
  for (const [name, content] of contents) {
    if (await writeFileAtomic(join(dir, name), content)) changed.push(`${COPY_DIR}/${name}`);
  }
  const keep = new Set(contents.map(([name]) => name));
  for (const name of await readdir(dir)) {
    if (keep.has(name)) continue;
    await rm(join(dir, name), { force: true });
    changed.push(`${COPY_DIR}/${name}`);
  }
  return changed;
}
