/**
 * Writing `<generated>/data/`: studies.json, stats.json, quality.json (each validated
 * against its schema first, so the pages never read data the contract does not allow) and
 * registry.csv.
 */
import { join } from 'node:path';
import type { z } from 'zod';
import {
  qualityFileSchema,
  studiesFileSchema,
  type QualityFile,
  type StudiesFile,
} from '../../domain/schemas.ts';
import { statsFileSchema, type Stats } from '../../domain/stats.ts';
import { writeFileAtomic } from './write-file-atomic.ts';

export interface DataFiles {
  studies: StudiesFile;
  stats: Stats;
  quality: QualityFile;
  registryCsv: string;
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
 * Writes the four data files into `dataDir`. Everything is validated before anything is
 * written, so a schema error leaves the previous files in place.
 * @returns the names of the files that changed.
 */
export async function writeDataFiles(dataDir: string, files: DataFiles): Promise<string[]> {
  const contents: [string, string][] = [
    ['studies.json', serialize(studiesFileSchema, files.studies, 'studies.json')],
    ['stats.json', serialize(statsFileSchema, files.stats, 'stats.json')],
    ['quality.json', serialize(qualityFileSchema, files.quality, 'quality.json')],
    ['registry.csv', files.registryCsv],
  ];
  const changed: string[] = [];
  for (const [name, content] of contents) {
    if (await writeFileAtomic(join(dataDir, name), content)) changed.push(name);
  }
  return changed;
}
