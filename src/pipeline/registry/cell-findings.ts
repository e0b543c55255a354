/** A registry cell's issue (read-cell.ts) as the finding that names it. */
import type { Localized } from '../../i18n/locales.ts';
import type { QualityFinding } from '../../domain/schemas.ts';
import { findingsText } from '../../domain/findings-catalog.ts';
import { finding } from '../quality/finding.ts';
import type { CellIssue, TextProblem } from './read-cell.ts';

type Where = { file: string; row: number; column: string };

/** The words of each text problem, from findings.json. */
function problemWords(problems: readonly TextProblem[]): Localized {
  const parts = problems.map((p) => findingsText(`cell-problem.${p}`));
  return {
    ru: parts.map((p) => p.ru).join('; '),
    en: parts.map((p) => p.en).join('; '),
  };
}

export function cellFinding(issue: CellIssue, where: Where): QualityFinding {
  switch (issue.kind) {
    case 'text':
      return finding('registry-text-repaired', { problem: problemWords(issue.problems) }, where);
    case 'merged':
      return finding('registry-merged-cell', { master: issue.master }, where);
    case 'formula':
      return finding('registry-formula-without-value', { formula: issue.formula }, where);
    case 'error':
      return finding('registry-error-value', { error: issue.error }, where);
  }
}
