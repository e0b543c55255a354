import { describe, expect, it } from 'vitest';
import { FINDING_IDS } from '../../../src/domain/field-values.ts';
import { computeOverview, DECLARED_OVERVIEW } from '../../../src/domain/overview.ts';
import { FIELDS } from '../../../src/domain/field-table.ts';
import type { Study } from '../../../src/domain/schemas.ts';
import { NORMAL_CONCLUSION } from '../../../src/sample/conclusion.ts';
import { DEFAULT_SEED } from '../../../src/sample/index.ts';
import { planSample, registryRow, REGISTRY_HEADERS } from '../../../src/sample/plan.ts';
import type { StudyPlan } from '../../../src/sample/types.ts';

/** The fields computeOverview reads, as the pipeline would read them back from the registry. */
function asStudy(plan: StudyPlan): Study {
  const row = registryRow(plan);
  return {
    sex: row.sex === 'М' ? 'M' : row.sex === 'Ж' ? 'F' : null,
    age: row.age as number,
    pathology: row.pathology === 1,
  } as Study;
}

const HEMORRHAGES = ['epidural', 'subarachnoid', 'subdural', 'intracerebral'] as const;

describe('planSample', () => {
  it('reproduces the declared overview exactly for the default 800 studies', () => {
    const plan = planSample({ studies: 800, seed: DEFAULT_SEED });
    expect(computeOverview(plan.studies.map(asStudy))).toEqual(DECLARED_OVERVIEW);
  });

  it('reproduces it for other seeds too, and scales it for other sizes', () => {
    expect(computeOverview(planSample({ studies: 800, seed: 7 }).studies.map(asStudy))).toEqual(
      DECLARED_OVERVIEW,
    );
    const small = computeOverview(planSample({ studies: 40, seed: 7 }).studies.map(asStudy));
    expect(small.studies).toBe(40);
    expect(small.male).toBe(Math.round((40 * DECLARED_OVERVIEW.male) / 800));
    expect(small.sexUnknown).toBeGreaterThanOrEqual(1);
    expect(small.male + small.female + small.sexUnknown).toBe(40);
    expect([small.ageMin, small.ageMedian, small.ageMax]).toEqual([19, 57, 100]);
    expect(small.withPathology).toBe(20);
  });

  it('is deterministic: the same seed gives the same plan, another seed another one', () => {
    const a = planSample({ studies: 30, seed: 11 });
    expect(planSample({ studies: 30, seed: 11 })).toEqual(a);
    expect(planSample({ studies: 30, seed: 12 }).studies[0]!.uid).not.toBe(a.studies[0]!.uid);
  });

  it('keeps labels consistent: class, multiple, combined, and the conclusion', () => {
    const { studies } = planSample({ studies: 800, seed: DEFAULT_SEED });
    for (const study of studies) {
      const f = study.findings;
      const bleeds = HEMORRHAGES.filter((id) => f[id]).length;
      expect(study.pathology).toBe(bleeds > 0);
      expect(f.multiple).toBe(bleeds >= 2);
      if (f.fracture) expect(f.combined).toBe(true);
      if (!study.pathology) {
        expect(FINDING_IDS.every((id) => !f[id])).toBe(true);
        expect(study.conclusion.startsWith(NORMAL_CONCLUSION)).toBe(true);
      } else {
        expect(study.conclusion).not.toContain(NORMAL_CONCLUSION);
        if (f.subdural) expect(study.conclusion).toMatch(/субдуральн/);
        if (f.epidural) expect(study.conclusion).toMatch(/эпидуральн/);
        if (f.subarachnoid) expect(study.conclusion).toMatch(/субарахноидальн/);
        if (f.intracerebral) expect(study.conclusion).toMatch(/внутримозгов/);
        if (f.fracture) expect(study.conclusion).toMatch(/перелом/);
        if (f.ventricular) expect(study.conclusion).toMatch(/желудоч/);
      }
    }
  });

  it('has a plausible mix: every subtype, several manufacturers, kVp values and 1-3 series', () => {
    const { studies } = planSample({ studies: 800, seed: DEFAULT_SEED });
    const sick = studies.filter((s) => s.pathology);
    for (const id of FINDING_IDS) {
      const share = sick.filter((s) => s.findings[id]).length / sick.length;
      expect(share, id).toBeGreaterThan(0.02);
      expect(share, id).toBeLessThan(0.7);
    }
    expect(new Set(studies.map((s) => s.series[0]!.manufacturer)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(studies.map((s) => s.series[0]!.kvp))).toEqual(new Set([100, 120, 140]));
    expect(new Set(studies.map((s) => s.series.length))).toEqual(new Set([1, 2, 3]));
    const thicknesses = studies.flatMap((s) => s.series.map((x) => x.sliceThickness));
    expect(Math.min(...thicknesses)).toBeGreaterThanOrEqual(0.625);
    expect(Math.max(...thicknesses)).toBeLessThanOrEqual(5);
  });
});

describe('registryRow', () => {
  it('writes labels as 1/0, Cyrillic sex, integer age and the first series protocol', () => {
    const { studies } = planSample({ studies: 40, seed: 3 });
    for (const study of studies) {
      const row = registryRow(study);
      expect(Object.keys(row)).toEqual(FIELDS.map((c) => c.id));
      for (const id of ['pathology', ...FINDING_IDS] as const) expect([0, 1]).toContain(row[id]);
      expect(row.sex === null || row.sex === 'М' || row.sex === 'Ж').toBe(true);
      expect(Number.isInteger(row.age)).toBe(true);
      expect(row.path).toBe(`studies/${study.uid}`);
      const first = study.series[0]!;
      expect([row.sliceThickness, row.kvp, row.tubeCurrent, row.kernel, row.manufacturer]).toEqual([
        first.sliceThickness,
        first.kvp,
        first.tubeCurrent,
        first.kernel,
        first.manufacturer,
      ]);
    }
    expect(REGISTRY_HEADERS).toEqual(FIELDS.map((c) => c.header));
  });
});
