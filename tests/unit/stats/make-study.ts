/** Builds small StatsStudy records for unit tests: every field explicit, overridable. */
import { FINDING_IDS, type FindingId } from '../../../src/domain/field-values.ts';
import type { StatsStudy } from '../../../src/domain/compute-stats.ts';

export function makeStudy(
  overrides: Partial<StatsStudy> & { with?: FindingId[]; images?: number[] } = {},
): StatsStudy & { id: string } {
  const { with: present = [], images = [100], ...rest } = overrides;
  return {
    id: `s${Math.random()}`,
    pathology: present.length > 0,
    findings: Object.fromEntries(
      FINDING_IDS.map((id) => [id, present.includes(id)]),
    ) as StatsStudy['findings'],
    age: 50,
    sex: 'M',
    sliceThickness: 5,
    kvp: 120,
    tubeCurrent: 200,
    kernel: 'H30s',
    manufacturer: 'SIEMENS',
    model: 'SOMATOM',
    series: images.map((imageCount) => ({ imageCount })),
    size: { files: images.reduce((a, b) => a + b, 0), bytes: 0 },
    ...rest,
  };
}
