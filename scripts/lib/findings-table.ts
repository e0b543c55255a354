/**
 * The table of finding codes in docs/build.md, made from the finding catalog: one row per
 * code, in the catalog's order. `npm run docs:findings` writes it between its two markers;
 * tests/unit/findings-doc.test.ts fails when the doc and the catalog disagree.
 */
import { FINDING_CATALOG, FINDING_CODES, findingWord } from '../../src/domain/findings-catalog.ts';

export const TABLE_START = '<!-- findings-table:start (npm run docs:findings) -->';
export const TABLE_END = '<!-- findings-table:end -->';
export const TABLE_HEADER = ['Code', 'Severity', 'Stage', 'Title', 'What the publisher should do'];

/** Markdown-safe cell text: `<study>` would read as an HTML tag, `|` as a cell border. */
const cell = (text: string) => text.replace(/[<>|]/g, (c) => `\\${c}`);

/** The table's rows as cell texts (Markdown), header excluded. */
export function findingsTableRows(): string[][] {
  return FINDING_CODES.map((code) => [
    `\`${code}\``,
    FINDING_CATALOG[code].severity,
    FINDING_CATALOG[code].stage,
    cell(findingWord(code, 'title', 'en')),
    cell(findingWord(code, 'action', 'en')),
  ]);
}

/** The whole table in Markdown (unaligned; prettier aligns it). */
export function findingsTable(): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [
    line(TABLE_HEADER),
    line(TABLE_HEADER.map(() => '---')),
    ...findingsTableRows().map(line),
  ].join('\n');
}

/**
 * The cell texts of the table between the markers of `doc` (header and rule excluded), or
 * null when the markers are missing.
 */
export function tableInDoc(doc: string): string[][] | null {
  const start = doc.indexOf(TABLE_START);
  const end = doc.indexOf(TABLE_END);
  if (start < 0 || end < start) return null;
  return doc
    .slice(start + TABLE_START.length, end)
    .split('\n')
    .filter((l) => l.trim().startsWith('|'))
    .slice(2)
    .map((l) =>
      l
        .trim()
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((c) => c.trim()),
    );
}

/** `doc` with the table between its markers replaced by `table`. */
export function withTable(doc: string, table: string): string {
  const start = doc.indexOf(TABLE_START);
  const end = doc.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`No ${TABLE_START} … ${TABLE_END} in the doc`);
  return `${doc.slice(0, start + TABLE_START.length)}\n\n${table.trim()}\n\n${doc.slice(end)}`;
}
