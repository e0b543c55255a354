/**
 * The explorer's compact dataset (`/data/explorer.json`): per study, what the facets, the
 * statistics, the studies list and the registry CSV fallback need: the study record (so every
 * registry field of the field table) without its series' details and its cover; of the series,
 * only their image counts.
 */
import { z } from 'zod';
import { findingFlagsSchema, studySchema, type Study } from '../domain/schemas.ts';

export const explorerStudySchema = studySchema
  .omit({ findings: true, series: true, cover: true })
  .extend({
    findings: findingFlagsSchema,
    series: z.array(z.object({ imageCount: z.number().int().nonnegative() })),
  });
export type ExplorerStudy = z.infer<typeof explorerStudySchema>;

export const explorerFileSchema = z.object({ studies: z.array(explorerStudySchema) });
export type ExplorerFile = z.infer<typeof explorerFileSchema>;

/** The schema's keys, in the order explorer.json writes them. */
const EXPLORER_KEYS = Object.keys(explorerStudySchema.shape) as (keyof ExplorerStudy)[];

export function toExplorerStudy(study: Study): ExplorerStudy {
  const brief = { ...study, series: study.series.map((s) => ({ imageCount: s.imageCount })) };
  return Object.fromEntries(EXPLORER_KEYS.map((key) => [key, brief[key]])) as ExplorerStudy;
}
