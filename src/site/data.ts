/**
 * The pages' only door to the generated data: parsed once, validated against the schemas.
 * `@generated` is a Vite alias set by the build (see astro.config.ts).
 */
import studiesJson from '@generated/data/studies.json';
import qualityJson from '@generated/data/quality.json';
import statsJson from '@generated/data/stats.json';
import datasetJson from '@generated/data/dataset.json';
import changesJson from '@generated/data/changes.json';
import versionsJson from '@generated/data/versions.json';
import { changesFileSchema, versionsFileSchema } from '../domain/changes.ts';
import { datasetFileSchema } from '../domain/dataset-file.ts';
import { qualityFileSchema, studiesFileSchema } from '../domain/schemas.ts';
import { statsFileSchema } from '../domain/stats.ts';

export const studiesFile = studiesFileSchema.parse(studiesJson);
export const studies = studiesFile.studies;
export const source = studiesFile.source;
export const quality = qualityFileSchema.parse(qualityJson);
export const stats = statsFileSchema.parse(statsJson);
/** The READMEs' texts (the facts themselves reach the pages as `FACTS`, src/domain/facts.ts). */
export const readmes = datasetFileSchema.parse(datasetJson).readme;
/** What changed since the `--previous` build (`from` null: the first recorded release). */
export const changes = changesFileSchema.parse(changesJson);
export const versions = versionsFileSchema.parse(versionsJson).versions;

/**
 * The published `data/registry.csv` as text, when the pipeline wrote one (null otherwise), for
 * checksums in metadata. A glob, so a build without the file still works.
 */
const registryCsvFiles = import.meta.glob<string>('@generated/data/registry.csv', {
  query: '?raw',
  import: 'default',
  eager: true,
});
export const registryCsv: string | null = Object.values(registryCsvFiles)[0] ?? null;
