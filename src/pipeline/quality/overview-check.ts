/**
 * The README's declared overview ("Обзор данных") checked against the figures computed from
 * the studies, rendered from the overview model's rows: the comparison for quality.json, a
 * warning per figure that differs, and a note per study whose patient's sex neither the
 * registry nor DICOM states. (The README's own unstated sex, 459 + 338 of 800, is a note of the
 * overview table: src/site/overview-rows.ts.)
 */
import { findingsText } from '../../domain/findings-catalog.ts';
import { overviewChecks, overviewRows } from '../../domain/overview-model.ts';
import type { Overview, QualityFinding, Study } from '../../domain/schemas.ts';
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
  return { overview: overviewChecks(rows), findings };
}

/**
 * One note per study without a stated sex, located by study and registry row: the quality page
 * counts studies, and shows nothing when every study has one.
 * @example unstatedSexFindings([{ id: '1.2', sex: null, registryRow: 5 }])[0].study // '1.2'
 */
export function unstatedSexFindings(
  studies: readonly Pick<Study, 'id' | 'sex' | 'registryRow'>[],
): QualityFinding[] {
  return studies
    .filter((s) => s.sex === null)
    .map((s) =>
      finding(
        'overview-sex-not-specified',
        {},
        { study: s.id, ...(s.registryRow === null ? {} : { row: s.registryRow }) },
      ),
    );
}
