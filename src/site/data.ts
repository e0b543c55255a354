/**
 * The pages' only door to the generated data: parsed once, validated against the schemas.
 * `@generated` is a Vite alias set by the build (see astro.config.ts).
 */
import studiesJson from '@generated/data/studies.json';
import qualityJson from '@generated/data/quality.json';
import statsJson from '@generated/data/stats.json';
import { qualityFileSchema, studiesFileSchema } from '../domain/schemas.ts';
import { statsFileSchema } from '../domain/stats.ts';

export const studiesFile = studiesFileSchema.parse(studiesJson);
export const studies = studiesFile.studies;
export const source = studiesFile.source;
export const quality = qualityFileSchema.parse(qualityJson);
export const stats = statsFileSchema.parse(statsJson);

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
