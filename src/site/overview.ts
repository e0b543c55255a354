/**
 * The overview model's rows for this site, computed once: the README's declared figures beside
 * the figures computed by the build (stats.json). The home, about and quality pages render them.
 */
import { FACTS } from '../domain/facts.ts';
import { overviewRows } from '../domain/overview-model.ts';
import { stats } from './data.ts';

export const OVERVIEW_ROWS = overviewRows(FACTS.declaredOverview, stats.overview);
