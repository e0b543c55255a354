/**
 * The sample's value of each registry field for one planned study, as the sheet writes it: the
 * one place a new field of the field table needs its sample value (the type asks for every
 * field). Labels are 1/0, sex in Cyrillic, the protocol that of the first series.
 */
import type { FieldId } from '../domain/field-table.ts';
import { FINDING_IDS, type FindingId } from '../domain/field-values.ts';
import type { StudyPlan } from './types.ts';

/** A registry cell value as the sample writes it: numbers, text, or null for an empty cell. */
export type RegistryValue = string | number | null;

const SEX_RU = { M: 'М', F: 'Ж' } as const;
const flag = (value: boolean) => (value ? 1 : 0);

/** Each non-finding field's value (the findings' follow one rule: their flag). */
const VALUES: {
  [Id in Exclude<FieldId, FindingId>]: (study: StudyPlan) => RegistryValue;
} = {
  studyUid: (s) => s.uid,
  path: (s) => `studies/${s.uid}`,
  pathology: (s) => flag(s.pathology),
  conclusion: (s) => s.conclusion,
  age: (s) => s.age,
  sex: (s) => (s.sex === null ? null : SEX_RU[s.sex]),
  sliceThickness: (s) => s.series[0]!.sliceThickness,
  kvp: (s) => s.series[0]!.kvp,
  tubeCurrent: (s) => s.series[0]!.tubeCurrent,
  kernel: (s) => s.series[0]!.kernel,
  manufacturer: (s) => s.series[0]!.manufacturer,
};

/** The value of a field for a study. */
export function sampleValue(id: FieldId, study: StudyPlan): RegistryValue {
  return (FINDING_IDS as readonly string[]).includes(id)
    ? flag(study.findings[id as FindingId])
    : VALUES[id as Exclude<FieldId, FindingId>](study);
}
