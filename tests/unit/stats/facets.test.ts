import { describe, expect, it } from 'vitest';
import { UNKNOWN } from '../../../src/domain/field-values.ts';
import {
  emptyState,
  facetCounts,
  facetOptions,
  isEmptyState,
  matches,
} from '../../../src/domain/facets.ts';
import { stateFromParams, stateToParams } from '../../../src/domain/facet-url.ts';
import { makeStudy } from './make-study.ts';

const both = makeStudy({ with: ['subdural', 'fracture'], age: 40, sex: 'F', kernel: 'FC21' });
const subduralOnly = makeStudy({ with: ['subdural'], age: 70, sex: 'M' });
const healthy = makeStudy({ age: null, sex: null, manufacturer: null, sliceThickness: 0.625 });
const all = [both, subduralOnly, healthy];

describe('matches', () => {
  it('requires every selected finding (subdural + fracture means both)', () => {
    const state = { ...emptyState(), findings: ['subdural', 'fracture'] as const };
    expect(all.filter((s) => matches(s, { ...state, findings: [...state.findings] }))).toEqual([
      both,
    ]);
  });

  it('ORs values within a facet and ANDs facets', () => {
    const state = { ...emptyState(), sex: ['F', UNKNOWN], pathology: ['without'] };
    expect(all.filter((s) => matches(s, state))).toEqual([healthy]);
    expect(all.filter((s) => matches(s, { ...emptyState(), sex: ['F', 'M'] }))).toEqual([
      both,
      subduralOnly,
    ]);
  });

  it('selects unstated values with UNKNOWN and compares numbers as their text', () => {
    expect(all.filter((s) => matches(s, { ...emptyState(), manufacturer: [UNKNOWN] }))).toEqual([
      healthy,
    ]);
    expect(all.filter((s) => matches(s, { ...emptyState(), sliceThickness: ['0.625'] }))).toEqual([
      healthy,
    ]);
  });

  it('filters an inclusive age range and drops studies with no age once a bound is set', () => {
    expect(all.filter((s) => matches(s, { ...emptyState(), ageMin: 40, ageMax: 40 }))).toEqual([
      both,
    ]);
    expect(all.filter((s) => matches(s, { ...emptyState(), ageMin: 0 }))).toEqual([
      both,
      subduralOnly,
    ]);
  });

  it('matches everything with the empty state', () => {
    expect(all.every((s) => matches(s, emptyState()))).toBe(true);
    expect(isEmptyState(emptyState())).toBe(true);
  });
});

describe('URL state', () => {
  it('round-trips through URLSearchParams in a stable order', () => {
    const state = {
      ...emptyState(),
      findings: ['fracture', 'subdural'] as ('fracture' | 'subdural')[],
      sex: ['F'],
      kvp: ['120'],
      ageMin: 20,
    };
    const params = stateToParams(state);
    expect(params.toString()).toBe('finding=subdural&finding=fracture&sex=F&kvp=120&ageMin=20');
    expect(stateFromParams(params)).toEqual({ ...state, findings: ['subdural', 'fracture'] });
  });

  it('ignores unknown findings, duplicates and unreadable ages', () => {
    const state = stateFromParams(
      new URLSearchParams('finding=nope&finding=epidural&sex=M&sex=M&ageMax=old'),
    );
    expect(state.findings).toEqual(['epidural']);
    expect(state.sex).toEqual(['M']);
    expect(state.ageMax).toBeNull();
    expect(isEmptyState(state)).toBe(false);
  });
});

describe('facetOptions', () => {
  it('lists values with counts, fixed order for class, UNKNOWN last', () => {
    expect(facetOptions(all, 'pathology')).toEqual([
      { value: 'with', count: 2 },
      { value: 'without', count: 1 },
    ]);
    expect(facetOptions(all, 'manufacturer')).toEqual([
      { value: 'SIEMENS', count: 2 },
      { value: UNKNOWN, count: 1 },
    ]);
    expect(facetOptions(all, 'sliceThickness').map((o) => o.value)).toEqual(['0.625', '5']);
  });
});

describe('facetCounts', () => {
  it('counts each value with the other facets applied, and each finding added to the selection', () => {
    const state = { ...emptyState(), sex: ['F'], findings: ['subdural' as const] };
    const counts = facetCounts(all, state);
    // Sex ignores its own selection: both sexes among subdural studies.
    expect(counts.categorical.sex).toEqual(
      new Map([
        ['F', 1],
        ['M', 1],
      ]),
    );
    // Class applies sex = F and subdural.
    expect(counts.categorical.pathology).toEqual(new Map([['with', 1]]));
    expect(counts.findings.fracture).toBe(1);
    expect(counts.findings.epidural).toBe(0);
    expect(counts.findings.subdural).toBe(1);
  });
});

describe('the study list (study=…, from the "Your copy" page)', () => {
  it('keeps only the listed studies, by handle, and round-trips through the URL', () => {
    const withHandles = all.map((s, i) => ({ ...s, handle: String(i + 10) }));
    const state = stateFromParams(new URLSearchParams('study=10,12&study=12'));
    expect(state.studies).toEqual(['10', '12']);
    expect(withHandles.filter((s) => matches(s, state)).map((s) => s.handle)).toEqual(['10', '12']);
    expect(stateToParams(state).toString()).toBe('study=10%2C12');
    expect(isEmptyState(state)).toBe(false);
    expect(isEmptyState(stateFromParams(new URLSearchParams('study=')))).toBe(true);
  });
});
