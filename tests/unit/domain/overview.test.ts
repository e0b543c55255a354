import { describe, expect, it } from 'vitest';
import type { StatsStudy } from '../../../src/domain/compute-stats.ts';
import { computeOverview } from '../../../src/domain/overview.ts';
import type { Study } from '../../../src/domain/schemas.ts';
import { makeStudy } from '../stats/make-study.ts';

const ofAges = (ages: (number | null)[]) =>
  computeOverview(ages.map((age) => makeStudy({ age }) as StatsStudy as Study));

describe('the computed median age', () => {
  it('takes the middle age of an odd count and the mean of the middle pair of an even one', () => {
    expect(ofAges([30, 90, 57]).ageMedian).toBe(57);
    expect(ofAges([40, 90, 30, 60]).ageMedian).toBe(50);
  });
  it('leaves out studies without an age, and is null when none has one', () => {
    expect(ofAges([null, 20, 40, null]).ageMedian).toBe(30);
    expect(ofAges([null]).ageMedian).toBeNull();
    expect(ofAges([]).ageMedian).toBeNull();
  });
});
