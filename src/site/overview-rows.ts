/**
 * The home page's key-figure rows: declared (README) and computed figures side by side, with
 * the notes that explain a difference. Pure, so the explanation rules are unit-tested.
 */
import type { Overview } from '../domain/schemas.ts';
import type { UiKey } from '../i18n/index.ts';

export type OverviewRowId = 'studies' | 'patients' | 'sex' | 'age' | 'classes';

export interface OverviewRow {
  id: OverviewRowId;
  declared: string;
  computed: string;
  match: boolean;
  /** Notes as [UI string key, variables]; rendered by the page in its language. */
  notes: [UiKey, Record<string, number>][];
}

const show = (n: number | null) => (n === null ? '—' : String(n));
const join = (...values: (number | null)[]) => values.map(show).join(' / ');

/**
 * @example overviewRows(d, c).find(r => r.id === 'sex')!.notes
 * // [['home.note.sexUnstated', { unstated: 3, total: 800 }], ...]
 */
export function overviewRows(declared: Overview, computed: Overview): OverviewRow[] {
  const declaredSexUnstated = declared.studies - declared.male - declared.female;
  const sexNotes: OverviewRow['notes'] = [];
  if (declaredSexUnstated > 0) {
    sexNotes.push([
      'home.note.sexUnstated',
      {
        male: declared.male,
        female: declared.female,
        sum: declared.male + declared.female,
        unstated: declaredSexUnstated,
        total: declared.studies,
      },
    ]);
  }
  const rows: OverviewRow[] = [
    {
      id: 'studies',
      declared: show(declared.studies),
      computed: show(computed.studies),
      match: declared.studies === computed.studies,
      notes: [],
    },
    {
      id: 'patients',
      declared: show(declared.patients),
      computed: show(computed.patients),
      match: declared.patients === computed.patients,
      notes: [['home.note.patients', {}]],
    },
    {
      id: 'sex',
      declared: `${join(declared.male, declared.female)} (+${declaredSexUnstated})`,
      computed: `${join(computed.male, computed.female)} (+${computed.sexUnknown})`,
      match:
        declared.male === computed.male &&
        declared.female === computed.female &&
        declaredSexUnstated === computed.sexUnknown,
      notes: sexNotes,
    },
    {
      id: 'age',
      declared: join(declared.ageMin, declared.ageMedian, declared.ageMax),
      computed: join(computed.ageMin, computed.ageMedian, computed.ageMax),
      match:
        declared.ageMin === computed.ageMin &&
        declared.ageMedian === computed.ageMedian &&
        declared.ageMax === computed.ageMax,
      notes: [],
    },
    {
      id: 'classes',
      declared: join(declared.withPathology, declared.withoutPathology),
      computed: join(computed.withPathology, computed.withoutPathology),
      match:
        declared.withPathology === computed.withPathology &&
        declared.withoutPathology === computed.withoutPathology,
      notes: [],
    },
  ];
  for (const row of rows) {
    if (!row.match) row.notes.push(['home.note.differs', {}]);
  }
  const unknownClass = computed.studies - computed.withPathology - computed.withoutPathology;
  if (unknownClass > 0) rows[4]!.notes.push(['home.note.classUnknown', { unknown: unknownClass }]);
  return rows;
}
