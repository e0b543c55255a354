/**
 * The data-quality page's view of quality.json: findings grouped by severity then code, and
 * the overall verdict a reader sees first.
 */
import { SEVERITIES, type FindingCode } from '../domain/findings-catalog.ts';
import type { QualityFile, QualityFinding, Severity } from '../domain/schemas.ts';

export interface CodeGroup {
  code: FindingCode;
  findings: QualityFinding[];
}

export interface SeverityGroup {
  severity: Severity;
  count: number;
  codes: CodeGroup[];
}

/**
 * Findings by severity (errors first) and, within one, by code (most frequent first).
 * Severities with no finding are left out.
 */
export function groupFindings(findings: readonly QualityFinding[]): SeverityGroup[] {
  return SEVERITIES.flatMap((severity) => {
    const own = findings.filter((f) => f.severity === severity);
    if (own.length === 0) return [];
    const byCode = new Map<FindingCode, QualityFinding[]>();
    for (const f of own) byCode.set(f.code, [...(byCode.get(f.code) ?? []), f]);
    const codes = [...byCode.entries()]
      .map(([code, list]) => ({ code, findings: list }))
      .sort((a, b) => b.findings.length - a.findings.length || a.code.localeCompare(b.code));
    return [{ severity, count: own.length, codes }];
  });
}

/** Where a finding can point; the page shows a column only when some finding fills it. */
export const LOCATION_COLUMNS = ['file', 'row', 'column', 'study'] as const;
export type LocationColumn = (typeof LOCATION_COLUMNS)[number];

/**
 * The location columns that at least one of `findings` fills, in the page's order.
 * @example locationColumns([{ file: 'a.dcm', ... }]) // ['file']
 */
export function locationColumns(findings: readonly QualityFinding[]): LocationColumn[] {
  return LOCATION_COLUMNS.filter((c) => findings.some((f) => f[c] !== undefined && f[c] !== null));
}

export type Verdict = 'consistent' | 'consistentWithNotes' | 'mismatch' | 'errors';

/**
 * The one-line verdict: errors beat overview mismatches beat notes.
 * Counts come from the findings themselves, so the verdict cannot disagree with the list.
 */
export function verdict(quality: Pick<QualityFile, 'findings' | 'overview'>): {
  verdict: Verdict;
  error: number;
  warning: number;
  info: number;
  mismatches: number;
} {
  const n = (s: Severity) => quality.findings.filter((f) => f.severity === s).length;
  const counts = { error: n('error'), warning: n('warning'), info: n('info') };
  const mismatches = quality.overview.filter((o) => !o.match).length;
  const v: Verdict =
    counts.error > 0
      ? 'errors'
      : mismatches > 0
        ? 'mismatch'
        : counts.warning + counts.info > 0
          ? 'consistentWithNotes'
          : 'consistent';
  return { verdict: v, ...counts, mismatches };
}
