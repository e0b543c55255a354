/**
 * The README's declared overview ("Обзор данных") checked against the figures computed from
 * the studies: one comparison per figure for quality.json, a warning per mismatch, and an
 * explanation wherever the sex split does not add up to the number of patients.
 */
import { compareOverview } from '../../domain/overview.ts';
import type { Overview, QualityFinding } from '../../domain/schemas.ts';
import { finding } from './finding.ts';

const LABELS: Record<keyof Overview, { ru: string; en: string }> = {
  studies: { ru: 'Количество исследований', en: 'Number of studies' },
  patients: { ru: 'Количество пациентов', en: 'Number of patients' },
  male: { ru: 'Мужчины', en: 'Male' },
  female: { ru: 'Женщины', en: 'Female' },
  sexUnknown: { ru: 'Пол не указан', en: 'Sex not specified' },
  ageMin: { ru: 'Минимальный возраст', en: 'Minimum age' },
  ageMedian: { ru: 'Медиана возраста', en: 'Median age' },
  ageMax: { ru: 'Максимальный возраст', en: 'Maximum age' },
  withPathology: { ru: 'С патологией', en: 'With pathology' },
  withoutPathology: { ru: 'Без патологии', en: 'Without pathology' },
};

const show = (n: number | null) => (n === null ? '—' : String(n));

export interface OverviewCheckResult {
  overview: ReturnType<typeof compareOverview>;
  findings: QualityFinding[];
}

/**
 * Compares declared and computed overviews.
 * @example checkOverview(DECLARED_OVERVIEW, computeOverview(studies)).findings
 */
export function checkOverview(declared: Overview, computed: Overview): OverviewCheckResult {
  const overview = compareOverview(declared, computed);
  const findings: QualityFinding[] = [];
  for (const check of overview) {
    if (check.match) continue;
    const label = LABELS[check.key as keyof Overview];
    const diff =
      check.declared !== null && check.computed !== null ? check.computed - check.declared : null;
    const delta = diff === null ? '' : ` (${diff > 0 ? '+' : ''}${diff})`;
    findings.push(
      finding('warning', 'overview-mismatch', {
        ru: `${label.ru}: в README заявлено ${show(check.declared)}, по данным ${show(check.computed)}${delta}`,
        en: `${label.en}: the README declares ${show(check.declared)}, the data give ${show(check.computed)}${delta}`,
      }),
    );
  }
  for (const [whose, o] of [
    ['declared', declared],
    ['computed', computed],
  ] as const) {
    const stated = o.male + o.female;
    const missing = o.patients - stated;
    if (missing <= 0) continue;
    const source =
      whose === 'declared'
        ? { ru: 'В README', en: 'In the README' }
        : { ru: 'По данным', en: 'In the data' };
    findings.push(
      finding('info', 'overview-sex-not-specified', {
        ru: `${source.ru}: мужчин ${o.male} + женщин ${o.female} = ${stated} из ${o.patients} пациентов — пол ${missing} не указан`,
        en: `${source.en}: ${o.male} male + ${o.female} female = ${stated} of ${o.patients} patients — ${missing} not specified`,
      }),
    );
  }
  return { overview, findings };
}
