/**
 * Building and ordering quality findings. Every finding is made here, from its code in the
 * catalog (src/domain/findings-catalog.ts): the severity comes from the catalog, the message
 * from the catalog's template in both languages, so the data-quality page can show it in
 * either language without a translation step.
 */
import {
  FINDING_CATALOG,
  SEVERITIES,
  findingMessage,
  type FindingCode,
  type FindingParams,
} from '../../domain/findings-catalog.ts';
import type { QualityFinding, Severity } from '../../domain/schemas.ts';

type Where = Pick<QualityFinding, 'file' | 'row' | 'column' | 'study'>;

/**
 * A finding with only the location keys that are set (undefined keys are dropped so the JSON
 * stays minimal and byte-stable).
 * @example finding('registry-unknown-column', { header: 'x', sheet: 'Лист1' }, { row: 1 })
 */
export function finding<C extends FindingCode>(
  code: C,
  params: FindingParams<C>,
  where: Where = {},
): QualityFinding {
  const result: QualityFinding = {
    severity: FINDING_CATALOG[code].severity,
    code,
    message: findingMessage(code, params),
  };
  if (where.file !== undefined) result.file = where.file;
  if (where.row !== undefined) result.row = where.row;
  if (where.column !== undefined) result.column = where.column;
  if (where.study !== undefined) result.study = where.study;
  return result;
}

/**
 * The one order of findings: by severity, code, file, row, column and study, so the report
 * reads grouped and the output is identical whatever order parallel stages produced them in.
 * The sort is stable: findings equal on all of these keep the order they were made in
 * (the overview checks stay in the README's table order).
 */
export function sortFindings(findings: readonly QualityFinding[]): QualityFinding[] {
  const text = (v: string | undefined) => v ?? '';
  return [...findings].sort(
    (a, b) =>
      SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
      compare(a.code, b.code) ||
      compare(text(a.file), text(b.file)) ||
      (a.row ?? 0) - (b.row ?? 0) ||
      compare(text(a.column), text(b.column)) ||
      compare(text(a.study), text(b.study)),
  );
}

/** Code-point comparison: locale-independent, so sorting is the same on every machine. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Number of findings per severity. */
export function countBySeverity(findings: readonly QualityFinding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}
