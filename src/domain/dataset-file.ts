/**
 * `data/dataset.json`: the dataset's facts as this build read them from the folder's READMEs
 * (or the seed's), and the README texts the About page renders (null: the curated text).
 */
import { z } from 'zod';
import { datasetFactsSchema } from './facts-schema.ts';

export const datasetFileSchema = z.object({
  facts: datasetFactsSchema,
  /** Which README each language's facts and About page come from. */
  readme: z.object({ ru: z.string().nullable(), en: z.string().nullable() }),
});
export type DatasetFile = z.infer<typeof datasetFileSchema>;
