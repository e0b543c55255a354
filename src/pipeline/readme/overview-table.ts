/**
 * The README's data-overview table ("Обзор данных") read by meaning: each line is recognised
 * by its label's words (OVERVIEW_LABELS), its numbers taken from the value cell whatever the
 * units and separators ("459/ 338", "19 / 57 / 100"), and the order of a split taken from the
 * label's parenthesis ("(М/ Ж)", "(F/M)", "(Без патологии/ С патологией)").
 */
import type { Overview } from '../../domain/schemas.ts';
import { matches, words } from './markdown.ts';
import { OVERVIEW_LABELS } from '../../domain/readme-sections.ts';

export interface OverviewTableReading {
  overview: Partial<Overview>;
  /** Lines whose label is known but whose value could not be read, as written. */
  unreadable: string[];
}

const numbers = (text: string) =>
  (text.match(/\d+(?:[.,]\d+)?/g) ?? []).map((n) => Number(n.replace(',', '.')));

/** The parts of the label's last parenthesis, split at "/", as word lists. */
function parts(label: string): string[][] {
  const inner = /\(([^()]*)\)[^()]*$/.exec(label)?.[1] ?? '';
  return inner.split('/').map(words);
}

const isFemale = (ws: readonly string[]) =>
  ws.some((w) => ['ж', 'жен', 'f', 'female', 'women', 'w'].includes(w) || w.startsWith('женщ'));
const isWithout = (ws: readonly string[]) =>
  ws.some((w) => ['без', 'without', 'no', 'нет', 'norm', 'normal', 'норма'].includes(w));

/**
 * Reads the table's rows (the header row is skipped when it names no figure).
 * @example readOverviewTable([['Параметр', 'Значение'], ['Количество исследований, ед.', '800']])
 * // { overview: { studies: 800 }, unreadable: [] }
 */
export function readOverviewTable(rows: readonly string[][]): OverviewTableReading | null {
  const overview: Partial<Overview> = {};
  const unreadable: string[] = [];
  let known = 0;
  for (const [label = '', value = ''] of rows) {
    const line = OVERVIEW_LABELS.find(([, patterns]) => matches(words(label), patterns))?.[0];
    if (!line) continue;
    known++;
    const n = numbers(value);
    const bad = () => unreadable.push(`${label}: ${value}`);
    switch (line) {
      case 'studies':
      case 'patients':
        if (n.length === 1 && Number.isInteger(n[0])) overview[line] = n[0]!;
        else bad();
        break;
      case 'sex': {
        if (n.length !== 2) {
          bad();
          break;
        }
        const femaleFirst = isFemale(parts(label)[0] ?? []);
        [overview.male, overview.female] = femaleFirst ? [n[1]!, n[0]!] : [n[0]!, n[1]!];
        break;
      }
      case 'age':
        if (n.length === 3)
          [overview.ageMin, overview.ageMedian, overview.ageMax] = n as [number, number, number];
        else bad();
        break;
      case 'classes': {
        if (n.length !== 2) {
          bad();
          break;
        }
        const withoutFirst = isWithout(parts(label)[0] ?? []);
        [overview.withPathology, overview.withoutPathology] = withoutFirst
          ? [n[1]!, n[0]!]
          : [n[0]!, n[1]!];
        break;
      }
    }
  }
  return known ? { overview, unreadable } : null;
}
