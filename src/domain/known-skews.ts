/**
 * The "known skews" of the data, computed from the build's statistics (scope: the studies of
 * this build) and, for place and period, stated from the README. The datasheet page lists
 * them and Croissant's `rai:dataBiases` carries their English text: one source for both.
 * Their words are UI strings (`skews.*`).
 */
import { localized, type Translate } from '../i18n/index.ts';
import type { Locale, Localized } from '../i18n/locales.ts';
import { formatNumber, showNumber } from './number-format.ts';
import type { CategoryCount, Stats } from './stats.ts';
import { FACTS } from './facts.ts';

export interface Skew {
  id: 'age' | 'sex' | 'classes' | 'vendors' | 'protocol' | 'place' | 'period';
  text: Localized;
  /** Where the figure comes from: the computed data of this build, or a README section. */
  source: { kind: 'data' } | { kind: 'readme'; section: Localized };
}

const pct = (part: number, total: number) =>
  total > 0 ? `${Math.round((part / total) * 100)}%` : '—';

/** "A: 13 (33%), B: 11 (28%), not specified: 2 (5%)", in the statistics' order. */
function mix(
  counts: CategoryCount[],
  t: Translate,
  locale: Locale,
  total: number,
  unit = '',
): string {
  // A numeric key (a slice thickness, "2.5") in the locale's notation ("2,5").
  const key = (k: string) => (String(Number(k)) === k ? formatNumber(locale, Number(k)) : k);
  return counts
    .map((c) => {
      const label = c.key === null ? t('skews.notSpecified') : `${key(c.key)}${unit}`;
      return `${label}: ${c.total} (${pct(c.total, total)})`;
    })
    .join(', ');
}

export const README_INTRO: Localized = localized('readme.section.intro');

/** Known skews of the data, in the order the datasheet lists them. */
export function knownSkews(stats: Stats): Skew[] {
  const total = stats.total;
  const age = stats.age.summary;
  const sex = stats.sex;
  const cls = stats.classBalance;
  const vendors = stats.acquisition.manufacturer;
  const thickness = stats.acquisition.sliceThickness;
  const kernels = stats.acquisition.kernel;
  const topKernel = kernels[0];
  const data = { kind: 'data' } as const;
  const readme = { kind: 'readme', section: README_INTRO } as const;
  return [
    {
      id: 'age',
      source: data,
      text: localized('skews.age', (_, locale) => ({
        min: showNumber(locale, age.min),
        max: showNumber(locale, age.max),
        // The noun agrees with the last number ("до 91 года", "до 100 лет").
        count: age.max ?? 0,
        median: showNumber(locale, age.median),
        unknown: stats.age.unknown.total,
        total,
      })),
    },
    {
      id: 'sex',
      source: data,
      text: localized('skews.sex', {
        male: sex.M,
        malePct: pct(sex.M, total),
        female: sex.F,
        femalePct: pct(sex.F, total),
        unknown: sex.unknown,
      }),
    },
    {
      id: 'classes',
      source: data,
      text: localized('skews.classes', {
        with: cls.with,
        withPct: pct(cls.with, total),
        without: cls.without,
        withoutPct: pct(cls.without, total),
      }),
    },
    {
      id: 'vendors',
      source: data,
      text: localized('skews.vendors', (t, locale) => ({
        n: vendors.length,
        mix: mix(vendors, t, locale, total),
      })),
    },
    {
      id: 'protocol',
      source: data,
      text: localized('skews.protocol', (t, locale) => ({
        thickness: mix(thickness, t, locale, total, ` ${t('gallery.mm')}`),
        count: kernels.length,
        topKernel: topKernel?.key ?? '—',
        topCount: topKernel?.total ?? 0,
      })),
    },
    { id: 'place', source: readme, text: localized('skews.place') },
    { id: 'period', source: readme, text: localized('skews.period', FACTS.temporalCoverage) },
  ];
}
