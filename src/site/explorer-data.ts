/**
 * The explorer's compact dataset (`/data/explorer.json`): per study, what the facets, the
 * statistics, the studies list and the registry CSV fallback need; no sprites, no series
 * details beyond their image counts.
 */
import { z } from 'zod';
import { findingFlagsSchema, studySchema, type Study } from '../domain/schemas.ts';

export const explorerStudySchema = studySchema
  .pick({
    id: true,
    handle: true,
    slug: true,
    path: true,
    registryRow: true,
    pathology: true,
    age: true,
    sex: true,
    conclusion: true,
    sliceThickness: true,
    kvp: true,
    tubeCurrent: true,
    kernel: true,
    manufacturer: true,
    model: true,
    size: true,
    sha256: true,
  })
  .extend({
    findings: findingFlagsSchema,
    series: z.array(z.object({ imageCount: z.number().int().nonnegative() })),
  });
export type ExplorerStudy = z.infer<typeof explorerStudySchema>;

export const explorerFileSchema = z.object({ studies: z.array(explorerStudySchema) });
export type ExplorerFile = z.infer<typeof explorerFileSchema>;

export function toExplorerStudy(study: Study): ExplorerStudy {
  return {
    id: study.id,
    handle: study.handle,
    slug: study.slug,
    path: study.path,
    registryRow: study.registryRow,
    pathology: study.pathology,
    findings: study.findings,
    age: study.age,
    sex: study.sex,
    conclusion: study.conclusion,
    sliceThickness: study.sliceThickness,
    kvp: study.kvp,
    tubeCurrent: study.tubeCurrent,
    kernel: study.kernel,
    manufacturer: study.manufacturer,
    model: study.model,
    size: study.size,
    sha256: study.sha256,
    series: study.series.map((s) => ({ imageCount: s.imageCount })),
  };
}
