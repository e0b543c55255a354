/**
 * The filter model shared by the statistics explorer and the studies index: which facets
 * exist (fields of the field table), whether a study matches a filter state, the options and
 * their counts. The state as a URL query is in facet-url.ts.
 *
 * Semantics: values within one facet are alternatives (OR); facets combine with AND; the
 * findings facet asks for every selected finding to be present (AND), so "subdural + fracture"
 * means studies with both. `UNKNOWN` selects studies whose value is not stated.
 */
import { CLASS_KEYS, FIELD, FIELDS, classOf } from './field-table.ts';
import { FINDING_IDS, SEX_KEYS, UNKNOWN, type FindingId } from './field-values.ts';
import { inOrder } from './record-fields.ts';
import type { Study } from './schemas.ts';

/** A field filtered by any of its values (the field table's `facet.kind: 'anyOf'`). */
type AnyOfField = Extract<(typeof FIELDS)[number], { facet: { kind: 'anyOf' } }>;
export type CategoricalFacetId = AnyOfField['id'];

/**
 * Categorical facets: the fields the table filters by any of their values, in the order the
 * pages have always offered them and the URL lists them (a new one: last); each option is a
 * value of the field (the class as `with`/`without`) or UNKNOWN.
 */
export const CATEGORICAL_FACETS: readonly CategoricalFacetId[] = inOrder(
  FIELDS.filter((f): f is AnyOfField => 'facet' in f && f.facet.kind === 'anyOf').map((f) => f.id),
  ['pathology', 'sex', 'manufacturer', 'kernel', 'sliceThickness', 'kvp'],
);

/** The fields a facet reads, at their study keys (a full `Study` qualifies). */
export type FacetStudy = Pick<Study, CategoricalFacetId | 'findings' | 'age'> &
  Partial<Pick<Study, 'handle'>>;

/** Facets whose values are numbers: ordered numerically, shown in the locale's notation. */
export const NUMERIC_FACETS: readonly CategoricalFacetId[] = CATEGORICAL_FACETS.filter(
  (f) => FIELD[f].kind === 'number',
);

export type FacetState = Record<CategoricalFacetId, string[]> & {
  /** Findings that must all be present. */
  findings: FindingId[];
  /** Inclusive age range in years; a study with no age fails any bound. */
  ageMin: number | null;
  ageMax: number | null;
  /** Only these studies, by handle (e.g. the studies of a reader's copy); empty: any study. */
  studies: string[];
};

/**
 * The values a closed facet can take, in the order it offers them; a link naming any other
 * value (hand-edited, or from an older site) is read as not selecting it rather than as
 * selecting nothing.
 */
export const CLOSED_VALUES: Partial<Record<CategoricalFacetId, readonly string[]>> = {
  pathology: CLASS_KEYS,
  sex: SEX_KEYS,
};

/** The state that matches every study. */
export function emptyState(): FacetState {
  return {
    ...(Object.fromEntries(CATEGORICAL_FACETS.map((f) => [f, [] as string[]])) as Record<
      CategoricalFacetId,
      string[]
    >),
    findings: [],
    ageMin: null,
    ageMax: null,
    studies: [],
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
 * The option value of a study for a categorical facet, by the field's kind.
 * @example facetValue({ ...study, pathology: true }, 'pathology') // 'with'
 */
export function facetValue(study: FacetStudy, facet: CategoricalFacetId): string {
  const value = study[facet];
  switch (FIELD[facet].kind) {
    case 'boolean': // the class, the one yes/no field offered as a facet
      return classOf(value as boolean | null);
    case 'number':
      return numberValue(value as number | null);
    case 'sex':
      return (value as string | null) ?? UNKNOWN;
    default:
      return textValue(value as string | null);
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
  /** For the study list (`state.studies`); null when the record carries no handle. */
  handle: string | null;
}

/** The facet values of a study. */
export function facetValues(study: FacetStudy): FacetValues {
  return {
    categorical: Object.fromEntries(
      CATEGORICAL_FACETS.map((facet) => [facet, facetValue(study, facet)]),
    ) as Record<CategoricalFacetId, string>,
    findings: FINDING_IDS.filter((id) => study.findings[id] === true),
    age: study.age,
    handle: study.handle ?? null,
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
  if (state.studies.length > 0 && !state.studies.includes(values.handle ?? '')) return false;
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
  const bounds =
    [state.ageMin, state.ageMax].filter((v) => v !== null).length +
    (state.studies.length > 0 ? 1 : 0);
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
  const order = CLOSED_VALUES[facet];
  return [...counts.entries()]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => {
      if (a.value === UNKNOWN || b.value === UNKNOWN) return a.value === UNKNOWN ? 1 : -1;
      if (order) return order.indexOf(a.value) - order.indexOf(b.value);
      if (numeric) return Number(a.value) - Number(b.value);
      return b.count - a.count || a.value.localeCompare(b.value);
    });
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
