/**
 * CSV that is safe to open in a spreadsheet: every CSV the site publishes (registry.csv, the
 * statistics tables, the explorer's subset download) is written through `safeCsvRows`. A cell
 * a spreadsheet would run as a formula — text beginning with `=`, `+`, `-` or `@`, also after
 * leading spaces, a tab or a line break, or beginning with a tab or CR — gets a leading `'`,
 * which spreadsheets show as text and do not run (the OWASP advice for CSV injection). Real
 * numbers (`-5`, `+1.5e3`) stay numbers. Works in the browser too (d3-dsv only).
 */
import { csvFormatRows } from 'd3';

const NUMBER = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;
const FORMULA_START = /^(?:[\t\r]|[\s]*[=+\-@])/;

/**
 * A cell's text made inert for spreadsheets; unchanged when it is not formula-like.
 * @example safeCsvCell('=HYPERLINK("x")') // "'=HYPERLINK(\"x\")"
 * @example safeCsvCell('-5') // '-5'
 * @example safeCsvCell('\t=1') // "'\t=1"
 */
export function safeCsvCell(text: string): string {
  if (NUMBER.test(text)) return text;
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Rows (the header first) as CSV text with every cell made safe, ending with a newline. */
export function safeCsvRows(rows: readonly (readonly string[])[]): string {
  return csvFormatRows(rows.map((row) => row.map(safeCsvCell))) + '\n';
}

/** Records as CSV in the given column order (header first), every cell made safe. */
export function safeCsvRecords(
  records: readonly Readonly<Record<string, string>>[],
  columns: readonly string[],
): string {
  return safeCsvRows([columns, ...records.map((r) => columns.map((c) => r[c] ?? ''))]);
}
