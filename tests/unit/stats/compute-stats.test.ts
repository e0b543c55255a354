import { describe, expect, it } from 'vitest';
import { binEdges, computeStats, niceStep, summarize } from '../../../src/domain/compute-stats.ts';
import { statsFileSchema } from '../../../src/domain/stats.ts';
import { makeStudy } from './make-study.ts';

const studies = [
  makeStudy({ with: ['subdural', 'fracture'], age: 19, sex: 'M', images: [30, 120] }),
  makeStudy({ with: ['subdural', 'fracture'], age: 64, sex: 'F', kernel: null }),
  makeStudy({
    with: ['subdural'],
    age: 57,
    sex: null,
    tubeCurrent: 275,
    manufacturer: 'TOSHIBA',
    model: null,
  }),
  makeStudy({ age: null, sex: 'F', sliceThickness: 0.625, kvp: null }),
  makeStudy({ age: 100, sex: 'M', pathology: null, tubeCurrent: null, images: [] }),
];
const stats = computeStats(studies);

describe('computeStats', () => {
  it('produces data that satisfies its own schema (what stats.json is validated against)', () => {
    expect(statsFileSchema.parse(stats)).toEqual(stats);
  });

  it('counts class and sex with unknowns explicit, adding up to the total', () => {
    expect(stats.total).toBe(5);
    expect(stats.classBalance).toEqual({ with: 3, without: 1, unknown: 1 });
    expect(stats.sex).toEqual({ M: 2, F: 2, unknown: 1 });
  });

  it('bins ages by 10 years, split by class and sex, keeps studies with no age, and summarises like the README', () => {
    const { bins, unknown, summary } = stats.age;
    expect(bins.map((b) => b.from)).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
    expect(bins.find((b) => b.from === 10)).toMatchObject({
      total: 1,
      bySex: { M: 1, F: 0, unknown: 0 },
    });
    expect(bins.find((b) => b.from === 100)).toMatchObject({
      total: 1,
      byClass: { with: 0, without: 0, unknown: 1 },
    });
    expect(unknown).toEqual({
      total: 1,
      byClass: { with: 0, without: 1, unknown: 0 },
      bySex: { M: 0, F: 1, unknown: 0 },
    });
    expect(bins.reduce((a, b) => a + b.total, 0) + unknown.total).toBe(5);
    expect(summary).toMatchObject({ n: 4, min: 19, median: 60.5, max: 100 });
  });

  it('counts each finding as present, absent or unknown', () => {
    const subdural = stats.findings.find((f) => f.id === 'subdural');
    expect(subdural).toEqual({ id: 'subdural', present: 3, absent: 2, unknown: 0 });
    const withNull = computeStats([
      makeStudy({ findings: { ...studies[0]!.findings, epidural: null } }),
    ]);
    expect(withNull.findings.find((f) => f.id === 'epidural')).toMatchObject({
      present: 0,
      unknown: 1,
    });
  });

  it('lists every combination of findings that occurs, exactly, with set sizes', () => {
    expect(stats.cooccurrence.intersections).toEqual([
      { sets: ['subdural', 'fracture'], count: 2 },
      { sets: ['subdural'], count: 1 },
    ]);
    expect(stats.cooccurrence.none).toBe(2);
    expect(stats.cooccurrence.sets.find((s) => s.id === 'fracture')?.size).toBe(2);
  });

  it('summarises age by finding with quartiles', () => {
    const subdural = stats.ageByFinding.find((s) => s.id === 'subdural');
    expect(subdural).toMatchObject({ n: 3, min: 19, q1: 38, median: 57, q3: 60.5, max: 64 });
    expect(stats.ageByFinding.find((s) => s.id === 'epidural')).toMatchObject({
      n: 0,
      median: null,
    });
  });

  it('splits acquisition parameters by class and keeps unknown values as a null key', () => {
    const { sliceThickness, kvp, kernel, manufacturer, model, tubeCurrent } = stats.acquisition;
    expect(sliceThickness.map((c) => c.key)).toEqual(['0.625', '5']);
    expect(kvp).toContainEqual({
      key: null,
      total: 1,
      byClass: { with: 0, without: 1, unknown: 0 },
    });
    expect(kvp.at(-1)?.key).toBeNull();
    expect(kernel.find((c) => c.key === null)?.total).toBe(1);
    expect(manufacturer[0]).toEqual({
      key: 'SIEMENS',
      total: 4,
      byClass: { with: 2, without: 1, unknown: 1 },
    });
    expect(model.map((c) => c.key)).toContain('TOSHIBA · ?');
    expect(tubeCurrent.bins).toContainEqual({
      from: 250,
      to: 300,
      total: 1,
      byClass: { with: 1, without: 0, unknown: 0 },
    });
    expect(tubeCurrent.unknown.total).toBe(1);
  });

  it('counts series per study and bins images per series', () => {
    expect(stats.seriesPerStudy).toEqual([
      { series: 0, count: 1 },
      { series: 1, count: 3 },
      { series: 2, count: 1 },
    ]);
    const { bins, summary } = stats.imagesPerSeries;
    expect(bins.reduce((a, b) => a + b.total, 0)).toBe(5);
    expect(summary).toMatchObject({ n: 5, min: 30, max: 120 });
    // The axis spans the data: no empty bins below the smallest series.
    expect(bins[0]!.from).toBeLessThanOrEqual(30);
    expect(bins[0]!.total).toBeGreaterThan(0);
    expect(bins.at(-1)!.total).toBeGreaterThan(0);
  });

  it('handles an empty subset', () => {
    const empty = computeStats([]);
    expect(empty.total).toBe(0);
    expect(empty.age.bins).toEqual([]);
    expect(empty.age.summary.median).toBeNull();
    expect(statsFileSchema.parse(empty)).toEqual(empty);
  });
});

describe('helpers', () => {
  it('summarize interpolates the quartiles between ranks', () => {
    expect(summarize([4, 1, 3, 2])).toEqual({
      n: 4,
      min: 1,
      q1: 1.75,
      median: 2.5,
      q3: 3.25,
      max: 4,
    });
    expect(summarize([])).toEqual({ n: 0, min: null, q1: null, median: null, q3: null, max: null });
  });
  it('binEdges covers every value', () => {
    expect(binEdges([19, 100], 10)).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110]);
    expect(binEdges([], 10)).toEqual([]);
  });
  it('niceStep picks 1, 2 or 5 times a power of ten', () => {
    expect(niceStep(300)).toBe(50);
    expect(niceStep(8)).toBe(1);
    expect(niceStep(1200)).toBe(200);
  });
});
