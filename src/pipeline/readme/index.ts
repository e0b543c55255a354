/**
 * The readme stage: the dataset folder's README_RU.md and README_EN.md read into the facts
 * the site states (resolve-facts.ts), with a finding for each README that is missing. The
 * synthetic sample keeps the seed's facts and our curated About text: its READMEs are the
 * seed README under a notice, and its output stays what it was before READMEs were read.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SEED_FACTS } from '../../domain/facts.ts';
import type { DatasetFile } from '../../domain/dataset-file.ts';
import { findingsText } from '../../domain/findings-catalog.ts';
import { LOCALES, type Locale } from '../../i18n/locales.ts';
import type { QualityFinding } from '../../domain/schemas.ts';
import { finding } from '../quality/finding.ts';
import { readReadme, type ReadmeReading } from './read-readme.ts';
import { README_FILES, resolveFacts } from './resolve-facts.ts';

export interface ReadmeStageResult {
  dataset: DatasetFile;
  findings: QualityFinding[];
}

async function readText(path: string): Promise<string | null> {
  return readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'EISDIR') return null;
    throw error;
  });
}

export async function readDatasetReadmes(
  datasetDir: string,
  synthetic: boolean,
): Promise<ReadmeStageResult> {
  if (synthetic)
    return { dataset: { facts: SEED_FACTS, readme: { ru: null, en: null } }, findings: [] };
  const texts = {} as Record<Locale, string | null>;
  const readings: Partial<Record<Locale, ReadmeReading>> = {};
  for (const l of LOCALES) {
    // Markdown files may start with a byte-order mark.
    texts[l] = (await readText(join(datasetDir, README_FILES[l])))?.replace(/^\uFEFF/, '') ?? null;
    if (texts[l] !== null) readings[l] = readReadme(texts[l]);
  }
  const { facts, findings } = resolveFacts(SEED_FACTS, readings);
  const missing = LOCALES.filter((l) => texts[l] === null);
  for (const l of missing) {
    findings.push(
      finding(
        'readme-missing',
        {
          fallback: findingsText(
            missing.length === 2 ? 'readme.fallback.both' : `readme.fallback.${l}`,
          ),
        },
        { file: README_FILES[l] },
      ),
    );
  }
  return { dataset: { facts, readme: texts }, findings };
}
