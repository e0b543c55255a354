/**
 * The expected files of a copy of the dataset, as the "Your copy" page fetches them: one small
 * index (`data/copy/index.json`: every study folder with its file count, bytes and the name of
 * its list) and one list per study (`data/copy/<n>.json`: each file's path, size and SHA-256),
 * so the page fetches the lists of the studies a copy holds, never one file of every hash.
 * Paths are relative to the dataset root, as in SHA256SUMS (`studies/<folder>/<series>/<file>`).
 * Part of the generated-data contract: the pipeline validates before writing. Browser code
 * imports only the types (no zod in its bundle).
 */
import { z } from 'zod';

/** Folder of the lists inside `data/`, and the index's name in it. */
export const COPY_DIR = 'copy';
export const COPY_INDEX = 'index.json';

/** One expected file: `[path, bytes, sha256 or null when not computed]`. */
export const expectedFileSchema = z.tuple([
  z.string(),
  z.number().int().nonnegative(),
  z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullable(),
]);
export type ExpectedFile = z.infer<typeof expectedFileSchema>;

export const copyIndexStudySchema = z.object({
  /** Folder name under `studies/`. */
  folder: z.string(),
  /** The study page's slug and handle, or null for a folder with no study record. */
  slug: z.string().nullable(),
  handle: z.string().nullable(),
  files: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
  /** File name of the study's list inside `data/copy/`. */
  list: z.string(),
});
export type CopyIndexStudy = z.infer<typeof copyIndexStudySchema>;

export const copyIndexSchema = z.object({
  /** True when every list carries SHA-256 (the build computed checksums). */
  checksums: z.boolean(),
  studies: z.array(copyIndexStudySchema),
  /** Files directly in `studies/` (in no study folder); usually none. */
  loose: z.array(expectedFileSchema),
});
export type CopyIndex = z.infer<typeof copyIndexSchema>;

export const copyStudyListSchema = z.object({
  folder: z.string(),
  files: z.array(expectedFileSchema),
});
export type CopyStudyList = z.infer<typeof copyStudyListSchema>;
