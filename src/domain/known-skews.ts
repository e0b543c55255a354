/**
 * The "known skews" of the data, computed from the build's statistics (scope: the studies of
 * this build) and, for place and period, stated from the README. The datasheet page lists
 * them and Croissant's `rai:dataBiases` carries their English text: one source for both.
 */
import type { Localized } from './labels.ts';
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
function mix(counts: CategoryCount[], unknown: Localized, total: number, unit = ''): Localized {
  const part = (lang: keyof Localized) =>
    counts
      .map((c) => {
        const label = c.key === null ? unknown[lang] : `${c.key}${unit}`;
        return `${label}: ${c.total} (${pct(c.total, total)})`;
      })
      .join(', ');
  return { ru: part('ru'), en: part('en') };
}

export const README_INTRO: Localized = {
  ru: 'вступление (до «Дисклеймера»)',
  en: 'introduction (before “Disclaimer”)',
};

/** Known skews of the data, in the order the datasheet lists them. */
export function knownSkews(stats: Stats): Skew[] {
  const total = stats.total;
  const age = stats.age.summary;
  const sex = stats.sex;
  const cls = stats.classBalance;
  const vendors = stats.acquisition.manufacturer;
  const thickness = stats.acquisition.sliceThickness;
  const kernels = stats.acquisition.kernel;
  const notSpecified = { ru: 'не указан', en: 'not specified' };
  const vendorMix = mix(vendors, notSpecified, total);
  const thicknessMix = {
    ru: mix(thickness, notSpecified, total, ' мм').ru,
    en: mix(thickness, notSpecified, total, ' mm').en,
  };
  const topKernel = kernels[0];
  return [
    {
      id: 'age',
      source: { kind: 'data' },
      text: {
        ru: `Возраст: от ${age.min ?? '—'} до ${age.max ?? '—'} лет, медиана ${age.median ?? '—'}; возраст не указан у ${stats.age.unknown.total} из ${total}.`,
        en: `Age: ${age.min ?? '—'} to ${age.max ?? '—'} years, median ${age.median ?? '—'}; age not specified for ${stats.age.unknown.total} of ${total}.`,
      },
    },
    {
      id: 'sex',
      source: { kind: 'data' },
      text: {
        ru: `Пол: мужчин ${sex.M} (${pct(sex.M, total)}), женщин ${sex.F} (${pct(sex.F, total)}), не указан ${sex.unknown}.`,
        en: `Sex: male ${sex.M} (${pct(sex.M, total)}), female ${sex.F} (${pct(sex.F, total)}), not specified ${sex.unknown}.`,
      },
    },
    {
      id: 'classes',
      source: { kind: 'data' },
      text: {
        ru: `Классы: с признаками кровоизлияния ${cls.with} (${pct(cls.with, total)}), без признаков ${cls.without} (${pct(cls.without, total)}).`,
        en: `Classes: with signs of hemorrhage ${cls.with} (${pct(cls.with, total)}), without ${cls.without} (${pct(cls.without, total)}).`,
      },
    },
    {
      id: 'vendors',
      source: { kind: 'data' },
      text: {
        ru: `Производители томографов (${vendors.length}): ${vendorMix.ru}.`,
        en: `Scanner manufacturers (${vendors.length}): ${vendorMix.en}.`,
      },
    },
    {
      id: 'protocol',
      source: { kind: 'data' },
      text: {
        ru: `Протокол: толщина среза — ${thicknessMix.ru}; фильтров реконструкции ${kernels.length}, чаще всего ${topKernel?.key ?? '—'} (${topKernel?.total ?? 0}).`,
        en: `Protocol: slice thickness — ${thicknessMix.en}; ${kernels.length} reconstruction kernels, most often ${topKernel?.key ?? '—'} (${topKernel?.total ?? 0}).`,
      },
    },
    {
      id: 'place',
      source: { kind: 'readme', section: README_INTRO },
      text: {
        ru: 'Один город: все исследования собраны в лечебных учреждениях Москвы.',
        en: 'A single city: every study comes from healthcare facilities in Moscow.',
      },
    },
    {
      id: 'period',
      source: { kind: 'readme', section: README_INTRO },
      text: {
        ru: `Период сбора: ${FACTS.temporalCoverage.start} – ${FACTS.temporalCoverage.end}.`,
        en: `Collection period: ${FACTS.temporalCoverage.start} – ${FACTS.temporalCoverage.end}.`,
      },
    },
  ];
}
