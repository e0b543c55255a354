/**
 * The overview model's rules: one row per figure, and each note exactly where its rule says —
 * one case per note, both for when it applies and when it does not.
 */
import { describe, expect, it } from 'vitest';
import { computeOverview, DECLARED_OVERVIEW } from '../../src/domain/overview.ts';
import {
  classGap,
  overviewChecks,
  overviewRows,
  sexGap,
  type OverviewKey,
  type OverviewRow,
} from '../../src/domain/overview-model.ts';
import type { Overview, Study } from '../../src/domain/schemas.ts';
import { makeStudy } from './stats/make-study.ts';

const row = (rows: OverviewRow[], key: OverviewKey) => rows.find((r) => r.key === key)!;
const ids = (rows: OverviewRow[], key: OverviewKey) => row(rows, key).notes.map((n) => n.id);

describe('the declared overview', () => {
  it("derives the README's unstated sex from its split: 800 − 459 − 338 = 3", () => {
    expect(DECLARED_OVERVIEW.sexUnknown).toBe(3);
    expect(sexGap(DECLARED_OVERVIEW)).toBe(3);
    expect(classGap(DECLARED_OVERVIEW)).toBe(0);
  });
});

describe('overviewRows', () => {
  const rows = overviewRows(DECLARED_OVERVIEW, DECLARED_OVERVIEW);

  it("has one row per figure, in the README's order, all matching when the data agree", () => {
    // The README's table, in its order (studies, patients, sex split, age, classes), written out.
    expect(rows.map((r) => r.key)).toEqual([
      'studies',
      'patients',
      'male',
      'female',
      'sexUnknown',
      'ageMin',
      'ageMedian',
      'ageMax',
      'withPathology',
      'withoutPathology',
    ]);
    expect(rows.every((r) => r.match)).toBe(true);
    expect(overviewChecks(rows)[0]).toEqual({
      key: 'studies',
      declared: 800,
      computed: 800,
      match: true,
    });
  });

  it('notes on the patients row that patients are counted as studies', () => {
    expect(ids(rows, 'patients')).toEqual(['patientsAreStudies']);
    expect(
      rows.filter((r) => r.key !== 'patients').flatMap((r) => r.notes.map((n) => n.id)),
    ).not.toContain('patientsAreStudies');
  });

  it('explains the README sex gap on the "not specified" row, against the patients', () => {
    expect(row(rows, 'sexUnknown').notes).toEqual([
      { id: 'sexUnstated', male: 459, female: 338, sum: 797, unstated: 3, total: 800 },
    ]);
    // The rule counts against patients, not studies.
    const morePatients = { ...DECLARED_OVERVIEW, patients: 801, sexUnknown: 4 };
    const notes = row(overviewRows(morePatients, morePatients), 'sexUnknown').notes;
    expect(notes).toEqual([expect.objectContaining({ unstated: 4, total: 801 })]);
  });

  it('has no sex note when the README split adds up, nor for the counted data side', () => {
    const complete: Overview = { ...DECLARED_OVERVIEW, female: 341, sexUnknown: 0 };
    const withGapInData = { ...complete, female: 340, sexUnknown: 1 };
    const r = overviewRows(complete, withGapInData);
    expect(ids(r, 'sexUnknown')).toEqual(['differs']);
  });

  it('notes a class gap on either side, naming the side', () => {
    const data = { ...DECLARED_OVERVIEW, withPathology: 398, withoutPathology: 400 };
    expect(row(overviewRows(DECLARED_OVERVIEW, data), 'withoutPathology').notes).toEqual([
      { id: 'classUnstated', side: 'computed', unstated: 2, total: 800 },
    ]);
    const readme = { ...DECLARED_OVERVIEW, withPathology: 399, withoutPathology: 399 };
    expect(row(overviewRows(readme, readme), 'withoutPathology').notes).toEqual([
      { id: 'classUnstated', side: 'declared', unstated: 2, total: 800 },
      { id: 'classUnstated', side: 'computed', unstated: 2, total: 800 },
    ]);
    expect(ids(rows, 'withoutPathology')).toEqual([]);
  });

  it('gives each differing figure the difference computed − declared, or null without one', () => {
    const data = { ...DECLARED_OVERVIEW, studies: 30, ageMedian: null };
    const r = overviewRows(DECLARED_OVERVIEW, data);
    expect(row(r, 'studies')).toMatchObject({
      match: false,
      notes: [{ id: 'differs', diff: -770 }],
    });
    expect(row(r, 'ageMedian').notes).toEqual([{ id: 'differs', diff: null }]);
    expect(row(r, 'ageMin').notes).toEqual([]);
  });
});

describe('computeOverview', () => {
  it("counts the data's unstated sex by the same rule as the README's", () => {
    const studies = [
      makeStudy({ sex: 'M' }),
      makeStudy({ sex: 'F' }),
      makeStudy({ sex: null }),
      makeStudy({ sex: null }),
    ];
    // computeOverview reads only sex, age and pathology, which the stats study carries.
    const computed = computeOverview(studies as unknown as Study[]);
    expect(computed.sexUnknown).toBe(2);
    expect(sexGap(computed)).toBe(computed.sexUnknown);
  });
});
