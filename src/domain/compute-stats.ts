/**
 * The computations behind `stats.json`, free of zod so that the explorer's browser bundle can
 * run them without the schema library. The schemas and types of `stats.json` are in `stats.ts`.
 */
import { median, quantile } from 'd3';
import { classOf } from './field-table.ts';
import { FINDING_IDS, UNKNOWN, type FindingId } from './field-values.ts';
import { computeOverview } from './overview.ts';
import type { Series, Study } from './schemas.ts';
import { sumSizes } from './size.ts';
import type { AgeBin, CategoryCount, ClassSplit, SexSplit, Stats, Summary } from './stats.ts';

/** The fields of a study the statistics read (a full `Study` qualifies). */
export type StatsStudy = Pick<
  Study,
  | 'pathology'
  | 'findings'
  | 'age'
  | 'sex'
  | 'sliceThickness'
  | 'kvp'
  | 'tubeCurrent'
  | 'kernel'
  | 'manufacturer'
  | 'model'
  | 'size'
> & { series: readonly Pick<Series, 'imageCount'>[] };

/** Age histogram bins are this many years wide. */
export const AGE_BIN_YEARS = 10;
/** Tube current is binned in steps of this many mA. */
export const TUBE_CURRENT_BIN_MA = 50;

const emptyClassSplit = (): ClassSplit => ({ with: 0, without: 0, unknown: 0 });
const emptySexSplit = (): SexSplit => ({ M: 0, F: 0, unknown: 0 });

/**
 * The class key of a study.
 * @example classKey({ pathology: true }) // 'with'
 */
export function classKey(study: Pick<StatsStudy, 'pathology'>): keyof ClassSplit {
  return classOf(study.pathology);
}

/** @example sexKey({ sex: null }) // 'unknown' */
export function sexKey(study: Pick<StatsStudy, 'sex'>): keyof SexSplit {
  return study.sex ?? UNKNOWN;
}

/**
 * Five-number summary. Quartiles by linear interpolation between closest ranks (R-7, as
 * d3-array and spreadsheets compute them); the median is the overview's (same rule).
 */
export function summarize(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    n: sorted.length,
    min: sorted.length ? sorted[0]! : null,
    q1: quantile(sorted, 0.25) ?? null,
    median: median(sorted) ?? null,
    q3: quantile(sorted, 0.75) ?? null,
    max: sorted.length ? sorted[sorted.length - 1]! : null,
  };
}

/**
 * Bin edges of width `step` covering every value (and at least `[floorMin, ceilMax)`).
 * @example binEdges([19, 57, 100], 10) // [10, 20, ..., 110]
 */
export function binEdges(values: readonly number[], step: number, floorMin = Infinity): number[] {
  if (values.length === 0) return [];
  const lo = Math.floor(Math.min(floorMin, ...values) / step) * step;
  const hi = (Math.floor(Math.max(...values) / step) + 1) * step;
  const edges: number[] = [];
  for (let x = lo; x <= hi + step / 2; x += step) edges.push(Math.round(x * 1e6) / 1e6);
  return edges;
}

/** Index of the bin [edges[i], edges[i+1]) holding `value`. */
function binIndex(edges: readonly number[], value: number): number {
  return Math.floor((value - edges[0]!) / (edges[1]! - edges[0]!));
}

/**
 * A "nice" bin width giving at most about `target` bins for values up to `max`.
 * @example niceStep(300, 10) // 50
 */
export function niceStep(max: number, target = 10): number {
  if (max <= target) return 1;
  const raw = max / target;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw)!;
  return step;
}

/** Numeric or text keys as the site shows them; numbers without float noise. */
function keyOf(value: string | number | null): string | null {
  if (value === null) return null;
  if (typeof value === 'number') return String(Math.round(value * 1000) / 1000);
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** Counts of a categorical value split by class, most frequent first, unknown last. */
export function countByCategory(
  studies: readonly StatsStudy[],
  valueOf: (s: StatsStudy) => string | number | null,
): CategoryCount[] {
  const byKey = new Map<string | null, CategoryCount>();
  const numeric = new Map<string, number>();
  for (const study of studies) {
    const raw = valueOf(study);
    const key = keyOf(raw);
    if (typeof raw === 'number' && key !== null) numeric.set(key, raw);
    const entry = byKey.get(key) ?? { key, total: 0, byClass: emptyClassSplit() };
    entry.total += 1;
    entry.byClass[classKey(study)] += 1;
    byKey.set(key, entry);
  }
  return [...byKey.values()].sort((a, b) => {
    if (a.key === null || b.key === null) return a.key === null ? 1 : -1;
    // Numeric parameters read best in numeric order; names by frequency.
    const na = numeric.get(a.key);
    const nb = numeric.get(b.key);
    if (na !== undefined && nb !== undefined) return na - nb;
    return b.total - a.total || a.key.localeCompare(b.key);
  });
}

/** "Manufacturer · Model", either part may be missing; null when both are. */
export function manufacturerModel(study: Pick<StatsStudy, 'manufacturer' | 'model'>) {
  const parts = [study.manufacturer, study.model].map((p) => p?.trim() || null);
  if (parts.every((p) => p === null)) return null;
  return parts.map((p) => p ?? '?').join(' · ');
}

function ageStats(studies: readonly StatsStudy[]): Stats['age'] {
  const ages = studies.flatMap((s) => (s.age === null ? [] : [s.age]));
  const edges = binEdges(ages, AGE_BIN_YEARS);
  const bins: AgeBin[] = edges.slice(0, -1).map((from, i) => ({
    from,
    to: edges[i + 1]!,
    total: 0,
    byClass: emptyClassSplit(),
    bySex: emptySexSplit(),
  }));
  const unknown = { total: 0, byClass: emptyClassSplit(), bySex: emptySexSplit() };
  for (const study of studies) {
    const target = study.age === null ? unknown : bins[binIndex(edges, study.age)]!;
    target.total += 1;
    target.byClass[classKey(study)] += 1;
    target.bySex[sexKey(study)] += 1;
  }
  return { binYears: AGE_BIN_YEARS, bins, unknown, summary: summarize(ages) };
}

function cooccurrence(studies: readonly StatsStudy[]): Stats['cooccurrence'] {
  const combos = new Map<string, { sets: FindingId[]; count: number }>();
  let none = 0;
  for (const study of studies) {
    const present = FINDING_IDS.filter((id) => study.findings[id] === true);
    if (present.length === 0) {
      none += 1;
      continue;
    }
    const key = present.join('+');
    const entry = combos.get(key) ?? { sets: present, count: 0 };
    entry.count += 1;
    combos.set(key, entry);
  }
  return {
    sets: FINDING_IDS.map((id) => ({
      id,
      size: studies.filter((s) => s.findings[id] === true).length,
    })),
    intersections: [...combos.values()].sort(
      (a, b) => b.count - a.count || a.sets.length - b.sets.length,
    ),
    none,
  };
}

function tubeCurrentStats(studies: readonly StatsStudy[]): Stats['acquisition']['tubeCurrent'] {
  const values = studies.flatMap((s) => (s.tubeCurrent === null ? [] : [s.tubeCurrent]));
  const edges = binEdges(values, TUBE_CURRENT_BIN_MA);
  const bins = edges.slice(0, -1).map((from, i) => ({
    from,
    to: edges[i + 1]!,
    total: 0,
    byClass: emptyClassSplit(),
  }));
  const unknown = { total: 0, byClass: emptyClassSplit() };
  for (const study of studies) {
    const target = study.tubeCurrent === null ? unknown : bins[binIndex(edges, study.tubeCurrent)]!;
    target.total += 1;
    target.byClass[classKey(study)] += 1;
  }
  return { binMa: TUBE_CURRENT_BIN_MA, bins, unknown };
}

function imagesPerSeries(studies: readonly StatsStudy[]): Stats['imagesPerSeries'] {
  const counts = studies.flatMap((s) => s.series.map((series) => series.imageCount));
  // The axis spans the data (a series of 24-48 images shows no empty bins from 0 to 24).
  const step = niceStep(counts.length ? Math.max(...counts) - Math.min(...counts) : 0);
  const edges = binEdges(counts, step);
  const bins = edges.slice(0, -1).map((from, i) => ({ from, to: edges[i + 1]!, total: 0 }));
  for (const c of counts) bins[binIndex(edges, c)]!.total += 1;
  return { binImages: step, bins, summary: summarize(counts) };
}

/**
 * Every distribution of the statistics page for a set of studies (all of them, or the
 * explorer's subset). Pure: no I/O, no clock, same output for the same input.
 */
export function computeStats(studies: readonly StatsStudy[]): Stats {
  const classBalance = emptyClassSplit();
  const sex = emptySexSplit();
  for (const study of studies) {
    classBalance[classKey(study)] += 1;
    sex[sexKey(study)] += 1;
  }
  const seriesCounts = new Map<number, number>();
  for (const study of studies)
    seriesCounts.set(study.series.length, (seriesCounts.get(study.series.length) ?? 0) + 1);

  return {
    total: studies.length,
    size: sumSizes(studies.map((s) => s.size)),
    // computeOverview reads only pathology, sex and age, which StatsStudy carries.
    overview: computeOverview(studies as readonly Study[]),
    classBalance,
    sex,
    age: ageStats(studies),
    findings: FINDING_IDS.map((id) => ({
      id,
      present: studies.filter((s) => s.findings[id] === true).length,
      absent: studies.filter((s) => s.findings[id] === false).length,
      unknown: studies.filter((s) => s.findings[id] === null).length,
    })),
    cooccurrence: cooccurrence(studies),
    ageByFinding: FINDING_IDS.map((id) => ({
      id,
      ...summarize(
        studies.flatMap((s) => (s.findings[id] === true && s.age !== null ? [s.age] : [])),
      ),
    })),
    acquisition: {
      sliceThickness: countByCategory(studies, (s) => s.sliceThickness),
      kvp: countByCategory(studies, (s) => s.kvp),
      tubeCurrent: tubeCurrentStats(studies),
      kernel: countByCategory(studies, (s) => s.kernel),
      manufacturer: countByCategory(studies, (s) => s.manufacturer),
      model: countByCategory(studies, manufacturerModel),
    },
    seriesPerStudy: [...seriesCounts.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([series, n]) => ({ series, count: n })),
    imagesPerSeries: imagesPerSeries(studies),
  };
}
