/**
 * Every distribution the site charts, computed by one pure function from public study
 * records. The pipeline runs it once for `stats.json`; the explorer runs the same code in the
 * browser on a filtered subset, so a number is the same everywhere.
 */
import { z } from 'zod';
import { computeOverview } from './overview.ts';
import { overviewSchema, type Study } from './schemas.ts';

export const statsFileSchema = z.object({
  total: z.number().int(),
  overview: overviewSchema,
});
export type Stats = z.infer<typeof statsFileSchema>;

export function computeStats(studies: readonly Study[]): Stats {
  return { total: studies.length, overview: computeOverview(studies) };
}
