/**
 * The shape of the dataset's facts (`data/dataset.json`'s `facts`): what the seed README states
 * (src/domain/facts.ts) and what the build reads from a dataset folder's README_RU.md and
 * README_EN.md (src/pipeline/readme/). Plain data, so a build can publish and a page can read it.
 */
import { z } from 'zod';
import { overviewSchema } from './schemas.ts';

const localizedSchema = z.object({ ru: z.string(), en: z.string() });

export const personSchema = z.object({ family: localizedSchema, initials: localizedSchema });

export const licenseSchema = z.object({
  name: z.string(),
  short: z.string(),
  spdx: z.string(),
  url: z.string(),
  legalCode: z.string(),
});

export const datasetFactsSchema = z.object({
  title: localizedSchema,
  /** Two sentences for the home page and metadata descriptions. */
  summary: localizedSchema,
  internalCode: z.string(),
  /** The annotation class as each README writes it ("С3" with a Cyrillic С in Russian). */
  annotationClass: localizedSchema,
  /** What the class means, for readers who do not know MosMedData's codes. */
  annotationClassMeaning: localizedSchema,
  verification: localizedSchema,
  keywords: z.object({ ru: z.array(z.string()), en: z.array(z.string()) }),
  /** Languages of the dataset's documentation (BCP 47). */
  languages: z.array(z.string()),
  languageNames: localizedSchema,
  funding: z.object({
    grant: z.string(),
    funder: localizedSchema,
    url: z.string(),
    text: localizedSchema,
  }),
  version: z.string(),
  permanentLink: z.string(),
  /** ISO date. */
  datePublished: z.string(),
  /** Period in which the studies were collected. */
  temporalCoverage: z.object({ start: z.string(), end: z.string() }),
  authors: z.array(personSchema),
  affiliation: localizedSchema,
  affiliationShort: localizedSchema,
  copyright: z.object({ year: z.number().int(), holder: localizedSchema, text: localizedSchema }),
  license: licenseSchema,
  /** The README's recommended citation ("Рекомендованная форма для цитирования"). */
  recommendedCitation: localizedSchema,
  declaredOverview: overviewSchema,
});
export type DatasetFacts = z.infer<typeof datasetFactsSchema>;
export type Person = z.infer<typeof personSchema>;
