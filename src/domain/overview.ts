/**
 * The README's "Обзор данных" table, and the same figures computed from the studies.
 * The declared figures are a claim: the build checks them and the site shows both.
 */
import { median } from 'd3';
import { sexGap } from './overview-model.ts';
import type { Overview, Study } from './schemas.ts';

/** The seed README's table as it states it (800 studies, 459/338 by sex, 19/57/100 years, 400/400). */
const README_TABLE = {
  studies: 800,
  patients: 800,
  male: 459,
  female: 338,
  ageMin: 19,
  ageMedian: 57,
  ageMax: 100,
  withPathology: 400,
  withoutPathology: 400,
};

/** As declared in the seed README; the sex it leaves unstated (459 + 338 = 797: 3) is derived. */
export const DECLARED_OVERVIEW: Overview = { ...README_TABLE, sexUnknown: sexGap(README_TABLE) };

/**
 * The overview figures computed from studies. Patients are counted as studies: the registry
 * has no patient id (one study per patient, as the README declares).
 */
export function computeOverview(studies: readonly Study[]): Overview {
  const ages = studies.flatMap((s) => (s.age === null ? [] : [s.age]));
  return {
    studies: studies.length,
    patients: studies.length,
    male: studies.filter((s) => s.sex === 'M').length,
    female: studies.filter((s) => s.sex === 'F').length,
    sexUnknown: studies.filter((s) => s.sex === null).length,
    ageMin: ages.length ? Math.min(...ages) : null,
    ageMedian: median(ages) ?? null,
    ageMax: ages.length ? Math.max(...ages) : null,
    withPathology: studies.filter((s) => s.pathology === true).length,
    withoutPathology: studies.filter((s) => s.pathology === false).length,
  };
}
