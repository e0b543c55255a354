/**
 * Writing `<generated>/data/`: studies.json, stats.json, quality.json (each validated
 * against its schema first, so the pages never read data the contract does not allow) and
 * registry.csv.
 */
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import { datasetFileSchema, type DatasetFile } from '../../domain/dataset-file.ts';
import {
  qualityFileSchema,
  studiesFileSchema,
  type QualityFile,
  type StudiesFile,
} from '../../domain/schemas.ts';
import { statsFileSchema, type Stats } from '../../domain/stats.ts';
import { writeFileAtomic } from './write-file-atomic.ts';

/** The checksum file's name in `data/` (and on the site). */
export const SHA256SUMS = 'SHA256SUMS';

export interface DataFiles {
  studies: StudiesFile;
  stats: Stats;
  quality: QualityFile;
  registryCsv: string;
  /** The facts read from the dataset's READMEs, and the README texts. */
  dataset: DatasetFile;
  /** SHA256SUMS text, or null when checksums were not computed (an old file is removed). */
  sha256sums?: string | null;
}

/** Validates then serialises: compact JSON with a final newline. */
export function serialize<T>(schema: z.ZodType<T>, value: T, name: string): string {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new Error(`${name} does not match its schema: ${result.error.message}`);
  }
  return `${JSON.stringify(value)}\n`;
}

/**
 * Writes the data files into `dataDir`. Everything is validated before anything is
 * written, so a schema error leaves the previous files in place.
 * @returns the names of the files that changed.
 */
export async function writeDataFiles(dataDir: string, files: DataFiles): Promise<string[]> {
  const contents: [string, string][] = [
    ['studies.json', serialize(studiesFileSchema, files.studies, 'studies.json')],
    ['stats.json', serialize(statsFileSchema, files.stats, 'stats.json')],
    ['quality.json', serialize(qualityFileSchema, files.quality, 'quality.json')],
    ['registry.csv', files.registryCsv],
    ['dataset.json', serialize(datasetFileSchema, files.dataset, 'dataset.json')],
  ];
  const changed: string[] = [];
  for (const [name, content] of contents) {
    if (await writeFileAtomic(join(dataDir, name), content)) changed.push(name);
  }
  const sums = join(dataDir, SHA256SUMS);
  if (files.sha256sums) {
    if (await writeFileAtomic(sums, files.sha256sums)) changed.push(SHA256SUMS);
  } else if (existsSync(sums)) {
    await rm(sums);
    changed.push(SHA256SUMS);
  }
  return changed;
}
