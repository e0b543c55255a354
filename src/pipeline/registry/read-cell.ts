/**
 * One registry cell read defensively: its plain value (normalize.ts) made safe to publish, and
 * what was wrong with it. Text becomes valid Unicode (a lone surrogate, e.g. from Excel's
 * `_xD800_` escape, becomes U+FFFD) without control characters and at most Excel's own cell
 * limit long; a cell covered by a merge, a formula without a cached value and an error value
 * (`#DIV/0!`) read as empty. Each of these is an issue the reader turns into a finding.
 */
import { plainCell, type Plain } from './normalize.ts';

/** Excel's limit for the text of one cell. */
export const MAX_CELL_CHARS = 32_767;

export type CellIssue =
  | { kind: 'text'; problems: TextProblem[] }
  | { kind: 'merged'; master: string }
  | { kind: 'formula'; formula: string }
  | { kind: 'error'; error: string };

export type TextProblem = 'unicode' | 'control' | 'length';

export interface ReadCell {
  value: Plain;
  issue: CellIssue | null;
}

/** The parts of an exceljs cell this module reads. */
export interface CellLike {
  value: unknown;
  formula?: string;
  result?: unknown;
  isMerged?: boolean;
  master?: CellLike & { address?: string };
  address?: string;
}

/**
 * Text made publishable: lone surrogates → U+FFFD, control characters other than tab and line
 * breaks removed, cut to `max` characters (never inside a surrogate pair).
 * @example safeText('a\u0000b').text // 'ab'
 * @example safeText('\ud800x').problems // ['unicode']
 */
export function safeText(
  text: string,
  max = MAX_CELL_CHARS,
): { text: string; problems: TextProblem[] } {
  const problems: TextProblem[] = [];
  let out = text;
  if (!out.isWellFormed()) {
    out = out.toWellFormed();
    problems.push('unicode');
  }
  // eslint-disable-next-line no-control-regex
  const controls = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
  if (controls.test(out)) {
    out = out.replace(controls, '');
    problems.push('control');
  }
  if (out.length > max) {
    let end = max;
    const code = out.charCodeAt(end - 1);
    if (code >= 0xd800 && code <= 0xdbff) end -= 1;
    out = out.slice(0, end);
    problems.push('length');
  }
  return { text: out, problems };
}

function errorOf(value: unknown): string | null {
  if (value && typeof value === 'object' && 'error' in value) {
    return String((value as { error: unknown }).error);
  }
  return null;
}

/** Reads a cell (see the module doc). */
export function readCell(cell: CellLike): ReadCell {
  if (cell.isMerged && cell.master && cell.master !== cell) {
    // exceljs gives a covered cell its master's value: that would copy one row's text into
    // the rows the merge covers.
    const master = cell.master.address ?? '?';
    return { value: null, issue: { kind: 'merged', master } };
  }
  const hasFormula = cell.formula !== undefined && cell.formula !== '';
  if (hasFormula && cell.result === undefined) {
    const formula = safeText(String(cell.formula), 200).text;
    return { value: null, issue: { kind: 'formula', formula } };
  }
  const error = errorOf(hasFormula ? cell.result : cell.value);
  if (error !== null)
    return { value: null, issue: { kind: 'error', error: safeText(error, 50).text } };
  const value = plainCell(cell);
  if (typeof value !== 'string') return { value, issue: null };
  const safe = safeText(value);
  return {
    value: safe.text,
    issue: safe.problems.length ? { kind: 'text', problems: safe.problems } : null,
  };
}

/** A cell's value made safe, its issue ignored (header search, where findings come later). */
export function safeCell(cell: CellLike): Plain {
  return readCell(cell).value;
}
