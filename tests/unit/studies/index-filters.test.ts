import { describe, expect, it } from 'vitest';
import { fixtureStudies } from '../../fixtures/fixture-studies.ts';
import {
  CATEGORICAL_FACETS,
  checkAgeRange,
  emptyState,
  facetValues,
  isEmptyState,
  valuesMatch,
  type FacetState,
} from '../../../src/domain/facets.ts';
import { stateFromParams, stateToParams } from '../../../src/domain/facet-url.ts';
import { INDEX_COLUMNS, indexCells, toIndexStudy } from '../../../src/site/studies/index-study.ts';
import { indexPagePath, pageCount, pageItems } from '../../../src/site/studies/index-pages.ts';
import { filterOptions } from '../../../src/site/studies/filter-options.ts';
import { unknownRecord } from '../../../src/domain/record-fields.ts';
import { FINDING_IDS } from '../../../src/domain/field-values.ts';
import type { Study } from '../../../src/domain/schemas.ts';

const base = fixtureStudies(1)[0]!;
const study = (patch: Partial<Study>): Study => ({ ...base, ...patch });

describe('study facet values', () => {
  it('maps nulls to "unknown" and lists only the findings marked present', () => {
    const facets = facetValues(
      study({
        // Every field not stated (a new one too), but a blank manufacturer and a thickness.
        ...unknownRecord(),
        manufacturer: '  ',
        sliceThickness: 0.625,
        findings: { ...base.findings, subdural: true, fracture: null, epidural: false },
      }),
    );
    const unknown = Object.fromEntries(CATEGORICAL_FACETS.map((facet) => [facet, 'unknown']));
    expect(Object.keys(unknown)).toEqual(
      expect.arrayContaining(['pathology', 'sex', 'manufacturer', 'kernel', 'kvp']),
    );
    expect(facets.categorical).toEqual({ ...unknown, sliceThickness: '0.625' });
    expect(facets.findings).toContain('subdural');
    expect(facets.findings).not.toContain('fracture');
    expect(facets.findings).not.toContain('epidural');
  });

  it('gives the index row the same facets the filters read, and every column a cell', () => {
    for (const s of fixtureStudies(12)) {
      const row = toIndexStudy(s);
      expect(facetValues(row)).toEqual(facetValues(s));
      const cells = indexCells(row, 'en', 'none');
      expect(cells).toHaveLength(INDEX_COLUMNS.length);
      // A study is named by its handle, then its UID; it sorts by the UID.
      expect(cells[0]).toEqual({ text: `#${s.handle} ${s.id}`, value: s.id });
      expect(cells[INDEX_COLUMNS.indexOf('series')]!.value).toBe(String(s.series.length));
    }
    const noAge = indexCells(toIndexStudy(study({ age: null })), 'ru', 'нет');
    expect(noAge[INDEX_COLUMNS.indexOf('age')]).toEqual({ text: 'не указано', value: '' });
  });
});

describe('index pages', () => {
  it('list every study exactly once, in order, across the pages', () => {
    const ids = Array.from({ length: 801 }, (_, i) => `s${i}`);
    const pages = pageCount(ids.length, 100);
    expect(pages).toBe(9);
    const listed = Array.from({ length: pages }, (_, i) => pageItems(ids, i + 1, 100)).flat();
    expect(listed).toEqual(ids);
    expect(pageCount(0)).toBe(1);
    expect(indexPagePath('ru', 1)).toBe('/ru/studies/');
    expect(indexPagePath('en', 9)).toBe('/en/studies/page/9/');
  });
});

describe('age bounds', () => {
  it('swaps reversed bounds and drops bounds outside 0-120, saying which', () => {
    const reversed = checkAgeRange({ ...emptyState(), ageMin: 60, ageMax: 40 });
    expect([reversed.state.ageMin, reversed.state.ageMax]).toEqual([40, 60]);
    expect(reversed.problems).toEqual([{ kind: 'swapped', from: 60, to: 40 }]);
    const wild = checkAgeRange({ ...emptyState(), ageMin: 200, ageMax: 5 });
    expect([wild.state.ageMin, wild.state.ageMax]).toEqual([null, 5]);
    expect(wild.problems).toEqual([{ kind: 'outOfRange', value: 200 }]);
    const fine = checkAgeRange({ ...emptyState(), ageMin: 0, ageMax: 120 });
    expect(fine.problems).toEqual([]);
    expect(fine.state).toEqual({ ...emptyState(), ageMin: 0, ageMax: 120 });
  });
});

describe('filter state in the URL', () => {
  it('reads what it writes, and keeps parameters that are not filters', () => {
    const state: FacetState = {
      ...emptyState(),
      pathology: ['with'],
      findings: ['subdural', 'fracture'],
      sex: ['F', 'unknown'],
      ageMin: 40,
      manufacturer: ['GE MEDICAL SYSTEMS', 'unknown'],
      sliceThickness: ['0.625'],
    };
    const params = stateToParams(state, new URLSearchParams('sort=age&dir=desc&sex=M'));
    expect(params.get('sort')).toBe('age');
    expect(params.get('dir')).toBe('desc');
    expect(params.getAll('sex')).toEqual(['F', 'unknown']);
    expect(params.getAll('thickness')).toEqual(['0.625']);
    // The class as links have always spelt it.
    expect(params.getAll('class')).toEqual(['pathology']);
    expect(stateFromParams(new URLSearchParams(params.toString()))).toEqual(state);
  });

  it('ignores values it does not know instead of failing', () => {
    const state = stateFromParams(
      new URLSearchParams(
        'class=maybe&class=with&finding=tumour&finding=subdural&sex=X&ageMin=old',
      ),
    );
    // `with` is the class's name inside the code, not in links.
    expect(state.pathology).toEqual([]);
    expect(state.findings).toEqual(['subdural']);
    expect(state.sex).toEqual([]);
    expect(state.ageMin).toBeNull();
    expect(isEmptyState(stateFromParams(new URLSearchParams('view=grid')))).toBe(true);
  });
});

describe('matching', () => {
  const studies = fixtureStudies(40);
  const count = (query: string) =>
    studies.filter((s) => valuesMatch(facetValues(s), stateFromParams(new URLSearchParams(query))))
      .length;

  it('requires every selected finding (AND) and any selected value of a facet (OR)', () => {
    const both = studies.filter((s) => s.findings.subdural && s.findings.fracture).length;
    expect(count('finding=subdural&finding=fracture')).toBe(both);
    const maleOrFemale = studies.filter((s) => s.sex !== null).length;
    expect(count('sex=M&sex=F')).toBe(maleOrFemale);
    expect(count('sex=unknown')).toBe(studies.length - maleOrFemale);
  });

  it('combines facets with AND, and age bounds are inclusive', () => {
    const expected = studies.filter(
      (s) => s.pathology === true && s.age !== null && s.age >= 30 && s.age <= 60,
    ).length;
    expect(count('class=pathology&ageMin=30&ageMax=60')).toBe(expected);
    const exact = studies[3]!.age!;
    expect(count(`ageMin=${exact}&ageMax=${exact}`)).toBe(
      studies.filter((s) => s.age === exact).length,
    );
  });

  it('an empty filter matches everything; a study of unknown age fails an age bound', () => {
    expect(count('')).toBe(studies.length);
    expect(valuesMatch(facetValues(study({ age: null })), { ...emptyState(), ageMax: 200 })).toBe(
      false,
    );
  });
});

describe('filter options', () => {
  it('offers only values that occur, with their counts, unknown last, numbers in order, text by count', () => {
    const studies = [
      study({ sliceThickness: 5, manufacturer: 'SIEMENS' }),
      study({ sliceThickness: null, manufacturer: null }),
      study({ sliceThickness: 0.625, manufacturer: 'SIEMENS' }),
      study({ sliceThickness: 10, manufacturer: 'GE' }),
    ];
    const options = filterOptions(studies);
    expect(options.categorical.sliceThickness.map((o) => o.value)).toEqual([
      '0.625',
      '5',
      '10',
      'unknown',
    ]);
    expect(options.categorical.manufacturer).toEqual([
      { value: 'SIEMENS', count: 2 },
      { value: 'GE', count: 1 },
      { value: 'unknown', count: 1 },
    ]);
    expect(options.categorical.pathology.map((o) => o.value)).toEqual(['with']);
    expect(options.findings.map((o) => o.value)).toEqual(FINDING_IDS);
    expect(options.age).toEqual({ min: base.age, max: base.age });
  });
});
