/**
 * The README's declared overview ("Обзор данных") checked against the figures computed from
 * the studies, rendered from the overview model's rows: the comparison for quality.json, a
 * warning per figure that differs, and a note wherever some patients' sex is not specified
 * (in the README, in the data, or both).
 */
import { findingsText } from '../../domain/findings-catalog.ts';
import {
  overviewChecks,
  overviewRows,
  type OverviewKey,
  type OverviewSide,
} from '../../domain/overview-model.ts';
import type { Overview, QualityFinding } from '../../domain/schemas.ts';
import { finding } from './finding.ts';

const show = (n: number | null) => (n === null ? '—' : String(n));

export interface OverviewCheckResult {
  overview: ReturnType<typeof overviewChecks>;
  findings: QualityFinding[];
}

/**
 * Compares declared and computed overviews.
 * @example checkOverview(DECLARED_OVERVIEW, computeOverview(studies)).findings
 */
export function checkOverview(declared: Overview, computed: Overview): OverviewCheckResult {
  const rows = overviewRows(declared, computed);
  const findings: QualityFinding[] = [];
  for (const row of rows) {
    for (const note of row.notes) {
      if (note.id !== 'differs') continue;
      const delta = note.diff === null ? '' : ` (${note.diff > 0 ? '+' : ''}${note.diff})`;
      findings.push(
        finding('overview-mismatch', {
          label: findingsText(`overview.${row.key}`),
          declared: show(row.declared),
          computed: show(row.computed),
          delta,
        }),
      );
    }
  }
  const value = (key: OverviewKey, side: OverviewSide) =>
    rows.find((r) => r.key === key)![side] as number;
  for (const side of ['declared', 'computed'] as const) {
    const unstated = value('sexUnknown', side);
    if (unstated <= 0) continue;
    const [male, female] = [value('male', side), value('female', side)];
    findings.push(
      finding('overview-sex-not-specified', {
        source: findingsText(`overview.side.${side}`),
        male,
        female,
        sum: male + female,
        total: value('patients', side),
        unstated,
      }),
    );
  }
  return { overview: overviewChecks(rows), findings };
}
