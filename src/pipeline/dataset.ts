/**
 * What a dataset folder holds at the top level: the registry workbook. (The study folders
 * are listed once, by the imaging stage: imaging/list/walk.ts.)
 */
import { readdir, stat } from 'node:fs/promises';

/** The registry's usual name in MosMedData releases. */
export const REGISTRY_FILE_NAME = 'dataset_registry.xlsx';

/**
 * The registry workbook's name inside `datasetDir`: `dataset_registry.xlsx` when present,
 * else the first other `.xlsx` by name (Excel's `~$` lock files excluded), else null.
 */
export async function findRegistryFile(datasetDir: string): Promise<string | null> {
  const names = (await readdir(datasetDir, { withFileTypes: true }))
    .filter((e) => e.isFile() && /\.xlsx$/i.test(e.name) && !e.name.startsWith('~$'))
    .map((e) => e.name)
    .sort();
  if (names.includes(REGISTRY_FILE_NAME)) return REGISTRY_FILE_NAME;
  return names[0] ?? null;
}

/** A file's mtime as an ISO date, or null when it does not exist. */
export async function mtimeIso(path: string): Promise<string | null> {
  const info = await stat(path).catch(() => null);
  return info ? new Date(Math.floor(info.mtimeMs / 1000) * 1000).toISOString() : null;
}
