/** Builds small StatsStudy records for unit tests: every field explicit, overridable. */
import { FINDING_IDS, type FindingId } from '../../../src/domain/field-values.ts';
import type { StatsStudy } from '../../../src/domain/compute-stats.ts';
import { unknownRecord, type RecordFieldId } from '../../../src/domain/record-fields.ts';
import type { Study } from '../../../src/domain/schemas.ts';

export function makeStudy(
  overrides: Partial<StatsStudy> & { with?: FindingId[]; images?: number[] } = {},
): StatsStudy & Pick<Study, RecordFieldId> & { id: string } {
  const { with: present = [], images = [100], ...rest } = overrides;
  return {
    // Fields not set here (a new one of the field table) are not stated.
    ...unknownRecord(),
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
