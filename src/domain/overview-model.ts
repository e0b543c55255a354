/**
 * The overview model: the README's "Обзор данных" figures beside the same figures computed from
 * the data, one row per figure, each with the notes that explain it. Computed here once; the
 * quality check, the home page, the quality page and the about page only render these rows.
 *
 * The rules, one per gap:
 * - Sex gap = patients − male − female. The README's sex split is a count of people
 *   ("чел."), so it is measured against the number of patients, not of studies. The README
 *   does not state this figure (459 + 338 = 797 of 800): its "not specified" figure is derived
 *   by this rule and carries a note that shows the sum. The computed figure is the count of
 *   studies without a sex — the same number, since every study is one patient (the registry
 *   has no patient id) — so it is a plain figure that needs no note.
 * - Class gap = studies − with pathology − without pathology. No figure states it on either
 *   side, so wherever it is above zero a note says so, naming the side.
 * - A figure that differs gets a note with the difference (computed − declared).
 * - Patients are always counted as studies: a note says so on that row.
 */
import type { Overview } from './schemas.ts';

/** The figures in the README's table order (the order of quality.json's `overview`). */
export const OVERVIEW_KEYS = [
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
] as const satisfies readonly (keyof Overview)[];
export type OverviewKey = (typeof OVERVIEW_KEYS)[number];

/**
 * The README table's five lines and the figures each states, in its order. `derived` is a
 * figure the line implies without stating it (the sex line's "not specified").
 */
export const OVERVIEW_LINES = [
  { id: 'studies', keys: ['studies'] },
  { id: 'patients', keys: ['patients'] },
  { id: 'sex', keys: ['male', 'female'], derived: 'sexUnknown' },
  { id: 'age', keys: ['ageMin', 'ageMedian', 'ageMax'] },
  { id: 'classes', keys: ['withPathology', 'withoutPathology'] },
] as const satisfies readonly {
  id: string;
  keys: readonly OverviewKey[];
  derived?: OverviewKey;
}[];
export type OverviewLine = (typeof OVERVIEW_LINES)[number];
export type OverviewLineId = OverviewLine['id'];

/** Which column a note explains: the README's (declared) or the data's (computed). */
export type OverviewSide = 'declared' | 'computed';

export type OverviewNote =
  /** The registry has no patient id: one study counts as one patient. */
  | { id: 'patientsAreStudies' }
  /** How the README's "not specified" figure follows from its sex split. */
  | {
      id: 'sexUnstated';
      male: number;
      female: number;
      sum: number;
      unstated: number;
      total: number;
    }
  /** Studies that are neither with nor without pathology on one side. */
  | { id: 'classUnstated'; side: OverviewSide; unstated: number; total: number }
  /** The computed figure differs from the declared one; `diff` = computed − declared. */
  | { id: 'differs'; diff: number | null };
export type OverviewNoteId = OverviewNote['id'];

export interface OverviewRow {
  key: OverviewKey;
  declared: number | null;
  computed: number | null;
  match: boolean;
  notes: OverviewNote[];
}

/** Patients whose sex the figures leave out (the sex gap). */
export function sexGap(o: Pick<Overview, 'patients' | 'male' | 'female'>): number {
  return o.patients - o.male - o.female;
}

/** Studies that are neither with nor without pathology (the class gap). */
export function classGap(o: Pick<Overview, 'studies' | 'withPathology' | 'withoutPathology'>) {
  return o.studies - o.withPathology - o.withoutPathology;
}

/**
 * The rows, declared beside computed, with their notes.
 * @example overviewRows(DECLARED_OVERVIEW, computed).find((r) => r.key === 'sexUnknown')!.notes
 * // [{ id: 'sexUnstated', male: 459, female: 338, sum: 797, unstated: 3, total: 800 }]
 */
export function overviewRows(declared: Overview, computed: Overview): OverviewRow[] {
  return OVERVIEW_KEYS.map((key) => {
    const row: OverviewRow = {
      key,
      declared: declared[key],
      computed: computed[key],
      match: declared[key] === computed[key],
      notes: [],
    };
    if (key === 'patients') row.notes.push({ id: 'patientsAreStudies' });
    if (key === 'sexUnknown' && sexGap(declared) > 0) {
      row.notes.push({
        id: 'sexUnstated',
        male: declared.male,
        female: declared.female,
        sum: declared.male + declared.female,
        unstated: sexGap(declared),
        total: declared.patients,
      });
    }
    if (key === 'withoutPathology') {
      for (const [side, o] of [
        ['declared', declared],
        ['computed', computed],
      ] as const) {
        if (classGap(o) > 0)
          row.notes.push({ id: 'classUnstated', side, unstated: classGap(o), total: o.studies });
      }
    }
    if (!row.match) {
      const diff =
        row.declared !== null && row.computed !== null ? row.computed - row.declared : null;
      row.notes.push({ id: 'differs', diff });
    }
    return row;
  });
}

/** The rows without their notes: what quality.json records of the comparison. */
export function overviewChecks(rows: readonly OverviewRow[]) {
  return rows.map(({ key, declared, computed, match }) => ({ key, declared, computed, match }));
}
