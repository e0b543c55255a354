/**
 * Two releases compared from what each published (pure): studies by id (studies.json), their
 * registry.csv cells column by column, files by SHA256SUMS line, and the declared facts.
 */
import { csvParse } from 'd3';
import type { ChangesFile } from '../../domain/changes.ts';
import { FIELD, HANDLE_COLUMN } from '../../domain/field-table.ts';

/** What one release published, as far as the comparison needs it. */
export interface PublishedRelease {
  version: string | null;
  built: string;
  /** Study ids of studies.json. */
  studies: readonly string[];
  registryCsv: string | null;
  sha256sums: string | null;
  declared: Readonly<Record<string, string | number | null>>;
}

/** registry.csv's study id column (the field table's `studyUid`). */
export const STUDY_ID_COLUMN = FIELD.studyUid.csv;

/** SHA256SUMS lines as path → hash (GNU's escaped names unescaped). */
export function parseSums(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^(\\?)([0-9a-f]{64}) [ *](.*)$/.exec(line);
    if (!m) continue;
    const path = m[1]
      ? m[3]!.replace(/\\(\\|n)/g, (_, c: string) => (c === 'n' ? '\n' : '\\'))
      : m[3]!;
    out.set(path, m[2]!);
  }
  return out;
}

function rowsById(csv: string | null): Map<string, Record<string, string>> {
  const out = new Map<string, Record<string, string>>();
  if (!csv) return out;
  for (const row of csvParse(csv)) {
    const id = row[STUDY_ID_COLUMN];
    if (id && !out.has(id)) out.set(id, row as Record<string, string>);
  }
  return out;
}

const sorted = (values: Iterable<string>) => [...values].sort();

/**
 * The changes from `from` to `to`.
 * @example compareReleases(a, a).studies.changed // []
 */
export function compareReleases(from: PublishedRelease, to: PublishedRelease): ChangesFile {
  const before = new Set(from.studies);
  const after = new Set(to.studies);
  const oldRows = rowsById(from.registryCsv);
  const newRows = rowsById(to.registryCsv);
  const changed: ChangesFile['studies']['changed'] = [];
  for (const study of sorted(after)) {
    if (!before.has(study)) continue;
    const [a, b] = [oldRows.get(study), newRows.get(study)];
    if (!a || !b) continue;
    // The handle is the row number: it moves whenever a row above is added or removed.
    const columns = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter(
      (c) => c !== HANDLE_COLUMN,
    );
    for (const field of columns) {
      const [x, y] = [a[field] ?? '', b[field] ?? ''];
      if (x !== y) changed.push({ study, field, from: x, to: y });
    }
  }
  const bothSums = from.sha256sums !== null && to.sha256sums !== null;
  const oldSums = parseSums(from.sha256sums ?? '');
  const newSums = parseSums(to.sha256sums ?? '');
  return {
    from: { version: from.version, built: from.built },
    to: { version: to.version, built: to.built },
    studies: {
      added: sorted([...after].filter((s) => !before.has(s))),
      removed: sorted([...before].filter((s) => !after.has(s))),
      changed,
    },
    files: bothSums
      ? {
          added: sorted([...newSums.keys()].filter((p) => !oldSums.has(p))),
          removed: sorted([...oldSums.keys()].filter((p) => !newSums.has(p))),
          changed: sorted(
            [...newSums].filter(([p, h]) => oldSums.has(p) && oldSums.get(p) !== h).map(([p]) => p),
          ),
        }
      : { added: [], removed: [], changed: [] },
    declared: Object.keys(to.declared)
      .filter((key) => (from.declared[key] ?? null) !== (to.declared[key] ?? null))
      .map((key) => ({ key, from: from.declared[key] ?? null, to: to.declared[key] ?? null })),
  };
}

/** The changes of a release with no earlier one recorded. */
export function firstRelease(to: PublishedRelease): ChangesFile {
  return {
    from: null,
    to: { version: to.version, built: to.built },
    studies: { added: [], removed: [], changed: [] },
    files: { added: [], removed: [], changed: [] },
    declared: [],
  };
}
