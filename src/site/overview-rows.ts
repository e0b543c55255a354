/**
 * The pages' views of the overview model (src/domain/overview-model.ts): the README table's
 * lines for the home page (declared beside computed) and the about page (declared only), and
 * the words of each note on each page. Rendering only: which notes a row has, and when, is the
 * model's rule.
 */
import {
  OVERVIEW_LINES,
  type OverviewLineId,
  type OverviewNote,
  type OverviewRow,
  type OverviewSide,
} from '../domain/overview-model.ts';
import type { Locale } from '../i18n/locales.ts';
import { showNumber } from '../domain/number-format.ts';

/** A note as [UI string key, variables], rendered by the page in its language. */
export type NoteText<K extends string, V = Record<string, string | number>> = [K, V];
/** The variables of a note whose words count a noun (its plural forms pick by `count`). */
type Counted = Record<string, number> & { count: number };

type HomeNoteKey =
  | 'overview.note.patients'
  | 'overview.note.sexUnstated'
  | `overview.note.classUnstated.${OverviewSide}`
  | 'overview.note.differs';
type AboutNoteKey = 'overview.readme.sexNote' | 'overview.readme.classNote';
type QualityNoteKey =
  | 'overview.check.patients'
  | 'overview.check.sexUnstated'
  | `overview.note.classUnstated.${OverviewSide}`
  | 'overview.check.mismatch';

export interface OverviewLineView {
  id: OverviewLineId;
  declared: string;
  computed: string;
  match: boolean;
  notes: NoteText<HomeNoteKey>[];
}

/**
 * A note's numbers, the variables of its words; `count` picks the plural form of the noun it
 * counts (Russian "у 1 пациента", "у 3 пациентов").
 */
function counted(note: OverviewNote, count: number): Counted {
  return { ...numbers(note), count };
}

/** A note's numbers, the variables of its words. */
function numbers(note: OverviewNote): Record<string, number> {
  return Object.fromEntries(
    Object.entries(note).filter((e): e is [string, number] => typeof e[1] === 'number'),
  );
}

/** The rows of each README line: its stated figures, then the one it implies. */
function lineRows(rows: readonly OverviewRow[]) {
  const byKey = new Map(rows.map((r) => [r.key, r]));
  return OVERVIEW_LINES.map((line) => ({
    line,
    stated: line.keys.map((key) => byKey.get(key)!),
    derived: 'derived' in line ? byKey.get(line.derived)! : null,
  }));
}

/** A class note's numbers: the declared side counts "of {total} studies", the computed one "{unstated} studies". */
function classCount(note: Extract<OverviewNote, { id: 'classUnstated' }>): Counted {
  return counted(note, note.side === 'declared' ? note.total : note.unstated);
}

/** The words of a note on the home page. */
export function homeNote(note: OverviewNote): NoteText<HomeNoteKey> {
  switch (note.id) {
    case 'patientsAreStudies':
      return ['overview.note.patients', {}];
    case 'sexUnstated':
      return ['overview.note.sexUnstated', counted(note, note.unstated)];
    case 'classUnstated':
      return [`overview.note.classUnstated.${note.side}`, classCount(note)];
    case 'differs':
      return ['overview.note.differs', {}];
  }
}

/**
 * The home page's key figures: one line per line of the README's table, declared and computed
 * side by side ("459 / 338 (+3)"), with the notes of its figures; a line that differs anywhere
 * ends with one "differs" note.
 * @example overviewLines(overviewRows(d, c), 'en').find((l) => l.id === 'sex')!.notes
 * // [['overview.note.sexUnstated', { male: 459, female: 338, sum: 797, unstated: 3, total: 800 }]]
 */
export function overviewLines(rows: readonly OverviewRow[], locale: Locale): OverviewLineView[] {
  const show = (n: number | null) => showNumber(locale, n);
  return lineRows(rows).map(({ line, stated, derived }) => {
    const own = derived ? [...stated, derived] : stated;
    const side = (s: 'declared' | 'computed') =>
      stated.map((r) => show(r[s])).join(' / ') + (derived ? ` (+${show(derived[s])})` : '');
    const notes = own.flatMap((r) => r.notes).filter((n) => n.id !== 'differs');
    const differs = own.flatMap((r) => r.notes).find((n) => n.id === 'differs');
    return {
      id: line.id,
      declared: side('declared'),
      computed: side('computed'),
      match: own.every((r) => r.match),
      notes: [...notes, ...(differs ? [differs] : [])].map(homeNote),
    };
  });
}

export interface DeclaredLineView {
  id: OverviewLineId;
  /** As the README writes it: "459/ 338". */
  value: string;
}

/**
 * The README's table as the README states it (the about page), and the notes that explain
 * its declared side.
 */
export function declaredLines(
  rows: readonly OverviewRow[],
  locale: Locale,
): {
  lines: DeclaredLineView[];
  notes: NoteText<AboutNoteKey, Counted>[];
} {
  const show = (n: number | null) => showNumber(locale, n);
  const views = lineRows(rows);
  return {
    lines: views.map(({ line, stated }) => ({
      id: line.id,
      value: stated.map((r) => show(r.declared)).join('/ '),
    })),
    notes: views
      .flatMap(({ stated, derived }) => [...stated, ...(derived ? [derived] : [])])
      .flatMap((r) => r.notes)
      .flatMap((note): NoteText<AboutNoteKey, Counted>[] => {
        if (note.id === 'sexUnstated')
          return [['overview.readme.sexNote', counted(note, note.unstated)]];
        if (note.id === 'classUnstated' && note.side === 'declared')
          return [['overview.readme.classNote', classCount(note)]];
        return [];
      }),
  };
}

/**
 * The words of a note in the quality page's overview table; `format` writes the difference,
 * which is signed ("+3").
 */
export function qualityNote(
  note: OverviewNote,
  format: (n: number) => string,
): NoteText<QualityNoteKey> | null {
  switch (note.id) {
    case 'patientsAreStudies':
      return ['overview.check.patients', {}];
    case 'sexUnstated':
      return ['overview.check.sexUnstated', numbers(note)];
    case 'classUnstated':
      return [`overview.note.classUnstated.${note.side}`, classCount(note)];
    case 'differs':
      return note.diff === null
        ? null
        : ['overview.check.mismatch', { diff: `${note.diff > 0 ? '+' : ''}${format(note.diff)}` }];
  }
}
