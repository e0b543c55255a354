/**
 * The filter model shared by the statistics explorer and the studies index: which facets
 * exist, whether a study matches a filter state, and the state as a URL query (so a filtered
 * view is a shareable link and back/forward work).
 *
 * Semantics: values within one facet are alternatives (OR); facets combine with AND; the
 * findings facet asks for every selected finding to be present (AND), so "subdural + fracture"
 * means studies with both. `UNKNOWN` selects studies whose value is not stated.
 */
import { FINDING_IDS, type FindingId } from './labels.ts';
import type { Study } from './schemas.ts';

/** The fields a facet reads (a full `Study` qualifies). */
export type FacetStudy = Pick<
  Study,
  'pathology' | 'findings' | 'age' | 'sex' | 'manufacturer' | 'kernel' | 'sliceThickness' | 'kvp'
>;

/** The option value that stands for "not stated" in every categorical facet. */
export const UNKNOWN = 'unknown';

/** Categorical facets: each option is a string value (or UNKNOWN). */
export const CATEGORICAL_FACETS = [
  'class',
  'sex',
  'manufacturer',
  'kernel',
  'sliceThickness',
  'kvp',
] as const;
export type CategoricalFacetId = (typeof CATEGORICAL_FACETS)[number];

/** Facets whose values are numbers: ordered numerically, shown in the locale's notation. */
export const NUMERIC_FACETS: readonly CategoricalFacetId[] = ['sliceThickness', 'kvp'];

export interface FacetState {
  class: string[];
  sex: string[];
  manufacturer: string[];
  kernel: string[];
  sliceThickness: string[];
  kvp: string[];
  /** Findings that must all be present. */
  findings: FindingId[];
  /** Inclusive age range in years; a study with no age fails any bound. */
  ageMin: number | null;
  ageMax: number | null;
}

/**
 * URL query parameter of each part of the state: the studies index and the explorer share it
 * (docs/studies.md), so one link means one subset on both pages.
 */
export const FACET_PARAMS = {
  class: 'class',
  findings: 'finding',
  sex: 'sex',
  manufacturer: 'manufacturer',
  kernel: 'kernel',
  sliceThickness: 'thickness',
  kvp: 'kvp',
  ageMin: 'ageMin',
  ageMax: 'ageMax',
} as const satisfies Record<keyof FacetState, string>;

/** Class option values: with signs of hemorrhage, without. */
export const CLASS_VALUES = { with: 'pathology', without: 'normal' } as const;

/** The state that matches every study. */
export function emptyState(): FacetState {
  return {
    class: [],
    sex: [],
    manufacturer: [],
    kernel: [],
    sliceThickness: [],
    kvp: [],
    findings: [],
    ageMin: null,
    ageMax: null,
  };
}

/** Numbers as option values, as written in the JSON: `5`, `0.625`. */
function numberValue(value: number | null): string {
  return value === null ? UNKNOWN : String(value);
}

function textValue(value: string | null): string {
  const trimmed = value?.trim();
  return trimmed ? trimmed : UNKNOWN;
}

/**
 * The option value of a study for a categorical facet.
 * @example facetValue({ ...study, pathology: true }, 'class') // 'pathology'
 */
export function facetValue(study: FacetStudy, facet: CategoricalFacetId): string {
  switch (facet) {
    case 'class':
      return study.pathology === true
        ? CLASS_VALUES.with
        : study.pathology === false
          ? CLASS_VALUES.without
          : UNKNOWN;
    case 'sex':
      return study.sex ?? UNKNOWN;
    case 'manufacturer':
      return textValue(study.manufacturer);
    case 'kernel':
      return textValue(study.kernel);
    case 'sliceThickness':
      return numberValue(study.sliceThickness);
    case 'kvp':
      return numberValue(study.kvp);
  }
}

/**
 * A study reduced to what the facets compare: the option value of each categorical facet,
 * the findings marked present, the age. The studies index writes these into its rows'
 * data-* attributes and filters on them in the browser.
 */
export interface FacetValues {
  categorical: Record<CategoricalFacetId, string>;
  /** Findings marked present (true); absent and unknown ones are not listed. */
  findings: FindingId[];
  age: number | null;
}

/** The facet values of a study. */
export function facetValues(study: FacetStudy): FacetValues {
  return {
    categorical: Object.fromEntries(
      CATEGORICAL_FACETS.map((facet) => [facet, facetValue(study, facet)]),
    ) as Record<CategoricalFacetId, string>,
    findings: FINDING_IDS.filter((id) => study.findings[id] === true),
    age: study.age,
  };
}

/** Whether a study's facet values pass every facet of the state. */
export function valuesMatch(values: FacetValues, state: FacetState): boolean {
  for (const facet of CATEGORICAL_FACETS) {
    const selected = state[facet];
    if (selected.length > 0 && !selected.includes(values.categorical[facet])) return false;
  }
  if (!state.findings.every((id) => values.findings.includes(id))) return false;
  const { age } = values;
  if (state.ageMin !== null && (age === null || age < state.ageMin)) return false;
  if (state.ageMax !== null && (age === null || age > state.ageMax)) return false;
  return true;
}

/** Whether a study passes every facet of the state. */
export function matches(study: FacetStudy, state: FacetState): boolean {
  return valuesMatch(facetValues(study), state);
}

/**
 * How many choices the state holds: each selected value and each age bound.
 * @example selectionCount({ ...emptyState(), sex: ['F'], ageMin: 40 }) // 2
 */
export function selectionCount(state: FacetState): number {
  const bounds = [state.ageMin, state.ageMax].filter((v) => v !== null).length;
  return CATEGORICAL_FACETS.reduce(
    (sum, f) => sum + state[f].length,
    bounds + state.findings.length,
  );
}

/** True when the state filters nothing. */
export function isEmptyState(state: FacetState): boolean {
  return selectionCount(state) === 0;
}

export interface FacetOption {
  value: string;
  count: number;
}

/**
 * The options of a categorical facet with their counts among `studies`: numeric facets in
 * numeric order, text facets by count; UNKNOWN last, present only when some study has it.
 */
export function facetOptions(
  studies: readonly FacetStudy[],
  facet: CategoricalFacetId,
): FacetOption[] {
  const counts = new Map<string, number>();
  for (const study of studies) {
    const value = facetValue(study, facet);
    counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  const numeric = NUMERIC_FACETS.includes(facet);
  const fixedOrder: Partial<Record<CategoricalFacetId, string[]>> = {
    class: [CLASS_VALUES.with, CLASS_VALUES.without],
    sex: ['M', 'F'],
  };
  const order = fixedOrder[facet];
  return [...counts.entries()]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => {
      if (a.value === UNKNOWN || b.value === UNKNOWN) return a.value === UNKNOWN ? 1 : -1;
      if (order) return order.indexOf(a.value) - order.indexOf(b.value);
      if (numeric) return Number(a.value) - Number(b.value);
      return b.count - a.count || a.value.localeCompare(b.value);
    });
}

function parseAge(raw: string | null): number | null {
  if (raw === null || raw.trim() === '') return null;
  const n = Number(raw);
  return Number.isFinite(n) ? n : null;
}

/**
 * The values a closed facet can take; a link naming any other value (hand-edited, or from an
 * older site) is read as not selecting it rather than as selecting nothing.
 */
const CLOSED_VALUES: Partial<Record<CategoricalFacetId, readonly string[]>> = {
  class: [CLASS_VALUES.with, CLASS_VALUES.without, UNKNOWN],
  sex: ['M', 'F', UNKNOWN],
};

/**
 * Reads a state from a URL query; unknown finding, class and sex values, and unreadable ages
 * are ignored; parameters that are not facets (sort, view) are left alone.
 * @example stateFromParams(new URLSearchParams('finding=subdural&finding=fracture')).findings
 * // ['subdural', 'fracture']
 */
export function stateFromParams(params: URLSearchParams): FacetState {
  const state = emptyState();
  for (const facet of CATEGORICAL_FACETS) {
    const closed = CLOSED_VALUES[facet];
    const values = params
      .getAll(FACET_PARAMS[facet])
      .filter((v) => v !== '' && (!closed || closed.includes(v)));
    state[facet] = [...new Set(values)];
  }
  const findings = new Set(params.getAll(FACET_PARAMS.findings));
  state.findings = FINDING_IDS.filter((id) => findings.has(id));
  state.ageMin = parseAge(params.get(FACET_PARAMS.ageMin));
  state.ageMax = parseAge(params.get(FACET_PARAMS.ageMax));
  return state;
}

/**
 * Writes a state as a URL query (empty parts omitted), in a stable order so equal states give
 * equal URLs. With `base`, the result is a copy of it whose facet parameters are replaced by
 * the state's, so other parameters (sort, view) survive.
 * @example stateToParams({ ...emptyState(), findings: ['subdural'] }).toString() // 'finding=subdural'
 * @example stateToParams(emptyState(), new URLSearchParams('sex=F&view=grid')).toString() // 'view=grid'
 */
export function stateToParams(
  state: FacetState,
  base: URLSearchParams = new URLSearchParams(),
): URLSearchParams {
  const params = new URLSearchParams(base);
  for (const name of Object.values(FACET_PARAMS)) params.delete(name);
  const append = (facet: CategoricalFacetId) => {
    for (const value of state[facet]) params.append(FACET_PARAMS[facet], value);
  };
  append('class');
  for (const id of FINDING_IDS) {
    if (state.findings.includes(id)) params.append(FACET_PARAMS.findings, id);
  }
  for (const facet of CATEGORICAL_FACETS) if (facet !== 'class') append(facet);
  if (state.ageMin !== null) params.set(FACET_PARAMS.ageMin, String(state.ageMin));
  if (state.ageMax !== null) params.set(FACET_PARAMS.ageMax, String(state.ageMax));
  return params;
}

export interface FacetCounts {
  /** For each categorical facet: studies per value, with every other facet applied. */
  categorical: Record<CategoricalFacetId, Map<string, number>>;
  /** For each finding: studies that would match with that finding also required. */
  findings: Record<FindingId, number>;
}

/**
 * How many studies each option would give (faceted-search counts): a value's count applies
 * every other facet but not its own, since values within a facet are alternatives; a
 * finding's count adds it to the selected findings, since findings combine with AND.
 */
export function facetCounts(studies: readonly FacetStudy[], state: FacetState): FacetCounts {
  const values = studies.map(facetValues);
  const categorical = {} as FacetCounts['categorical'];
  for (const facet of CATEGORICAL_FACETS) {
    const others: FacetState = { ...state, [facet]: [] };
    const counts = new Map<string, number>();
    for (const study of values) {
      if (!valuesMatch(study, others)) continue;
      const value = study.categorical[facet];
      counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    categorical[facet] = counts;
  }
  const subset = values.filter((v) => valuesMatch(v, state));
  const findings = Object.fromEntries(
    FINDING_IDS.map((id) => [id, subset.filter((v) => v.findings.includes(id)).length]),
  ) as Record<FindingId, number>;
  return { categorical, findings };
}

/** The ages a bound may take, in years: a bound outside them is a typing slip, not a filter. */
export const AGE_LIMITS = { min: 0, max: 120 } as const;

/** What was wrong with the age bounds of a state, and what the filter does about it. */
export type AgeProblem =
  /** A bound outside AGE_LIMITS: it is ignored. */
  | { kind: 'outOfRange'; value: number }
  /** "From" above "to": the bounds are swapped. */
  | { kind: 'swapped'; from: number; to: number };

/**
 * The state the filter applies, with the problems found in its age bounds: a bound outside
 * 0–120 years is dropped, and bounds given in the wrong order are swapped, so "60 to 40"
 * shows ages 40 to 60 instead of nothing. The pages say so next to the inputs.
 * @example checkAgeRange({ ...emptyState(), ageMin: 60, ageMax: 40 }).state.ageMin // 40
 * @example checkAgeRange({ ...emptyState(), ageMax: 200 }).problems // [{ kind: 'outOfRange', value: 200 }]
 */
export function checkAgeRange(state: FacetState): { state: FacetState; problems: AgeProblem[] } {
  const problems: AgeProblem[] = [];
  const inRange = (value: number | null): number | null => {
    if (value === null || (value >= AGE_LIMITS.min && value <= AGE_LIMITS.max)) return value;
    problems.push({ kind: 'outOfRange', value });
    return null;
  };
  let ageMin = inRange(state.ageMin);
  let ageMax = inRange(state.ageMax);
  if (ageMin !== null && ageMax !== null && ageMin > ageMax) {
    problems.push({ kind: 'swapped', from: ageMin, to: ageMax });
    [ageMin, ageMax] = [ageMax, ageMin];
  }
  return { state: { ...state, ageMin, ageMax }, problems };
}
