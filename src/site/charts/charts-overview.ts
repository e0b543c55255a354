/** The statistics page's overview charts: class balance, sex, age by class and by sex. */
import type { Stats } from '../../domain/stats.ts';
import type { BrowserKey } from '../../i18n/browser.ts';
import { barChart } from './bar-chart.ts';
import { CLASS_KEYS } from '../../domain/field-table.ts';
import { SEX_KEYS } from '../../domain/field-values.ts';
import type { ChartDefinition, ChartKit, Cell } from './chart-kit.ts';
import { histogram } from './histogram.ts';

type AgeGroup = Stats['age']['bins'][number] | Stats['age']['unknown'];

/** The age histograms' caption, with the summary of ages and the count of unknown ones. */
function ageCaption({ t, stats, num }: ChartKit, split: BrowserKey): string {
  const age = stats.age;
  return t('stats.chart.age.caption', {
    bin: age.binYears,
    split: t(split),
    min: num(age.summary.min),
    median: num(age.summary.median),
    max: num(age.summary.max),
    // The noun agrees with the last number ("макс. 91 год", "макс. 100 лет").
    count: age.summary.max ?? 0,
    unknown: age.unknown.total,
  });
}

/** The age tables' rows: one per bin, then the studies of unknown age. */
function ageRows({ t, stats, binLabel }: ChartKit, keysOf: (b: AgeGroup) => number[]): Cell[][] {
  const age = stats.age;
  return [
    ...age.bins.map((b) => [binLabel(b.from, b.to), ...keysOf(b), b.total]),
    [t('stats.ageUnknown'), ...keysOf(age.unknown), age.unknown.total],
  ];
}

export const OVERVIEW_CHARTS = [
  {
    id: 'class-balance',
    section: 'overview',
    build: ({ t, stats, width, studies, classSeries, drawnClasses, classSeriesOf }) => ({
      title: t('stats.chart.classBalance'),
      caption: t('stats.chart.classBalance.caption'),
      svg: barChart(
        {
          title: t('stats.chart.classBalance'),
          xLabel: studies,
          categoryLabel: t('field.pathology'),
          // Each row in its class colour; the row labels make a legend redundant.
          series: classSeriesOf(drawnClasses([stats.classBalance])),
          legend: false,
          rows: drawnClasses([stats.classBalance]).map((k, _, keys) => ({
            label: classSeries[CLASS_KEYS.indexOf(k)]!.label,
            values: keys.map((other) => (other === k ? stats.classBalance[k] : 0)),
          })),
        },
        width,
      ),
      table: {
        head: [t('field.pathology'), studies],
        rows: CLASS_KEYS.map((k, i) => [classSeries[i]!.label, stats.classBalance[k]]),
      },
    }),
  },
  {
    id: 'sex',
    section: 'overview',
    build: ({ t, stats, width, studies, sexSeries, drawnSexes, sexSeriesOf }) => ({
      title: t('stats.chart.sex'),
      caption: t('stats.chart.sex.caption'),
      svg: barChart(
        {
          title: t('stats.chart.sex'),
          xLabel: studies,
          categoryLabel: t('field.sex'),
          series: sexSeriesOf(drawnSexes([stats.sex])),
          legend: false,
          rows: drawnSexes([stats.sex]).map((k, _, keys) => ({
            label: sexSeries[SEX_KEYS.indexOf(k)]!.label,
            values: keys.map((other) => (other === k ? stats.sex[k] : 0)),
          })),
        },
        width,
      ),
      table: {
        head: [t('field.sex'), studies],
        rows: SEX_KEYS.map((k, i) => [sexSeries[i]!.label, stats.sex[k]]),
      },
    }),
  },
  {
    id: 'age-class',
    section: 'overview',
    build: (kit) => {
      const { t, stats, width, studies, classHead, drawnClasses, classSeriesOf } = kit;
      const age = stats.age;
      return {
        title: t('stats.chart.ageClass'),
        caption: ageCaption(kit, 'stats.chart.age.byClass'),
        svg: histogram(
          {
            title: t('stats.chart.ageClass'),
            xLabel: t('field.age'),
            yLabel: studies,
            series: classSeriesOf(drawnClasses(age.bins.map((b) => b.byClass))),
            bins: age.bins.map((b) => ({
              label: String(b.from),
              values: drawnClasses(age.bins.map((x) => x.byClass)).map((k) => b.byClass[k]),
            })),
            end: age.bins.length ? String(age.bins[age.bins.length - 1]!.to) : undefined,
          },
          width,
        ),
        table: {
          head: [t('field.age'), ...classHead],
          rows: ageRows(kit, (b) => CLASS_KEYS.map((k) => b.byClass[k])),
        },
      };
    },
  },
  {
    id: 'age-sex',
    section: 'overview',
    build: (kit) => {
      const { t, stats, width, studies, sexSeries, drawnSexes, sexSeriesOf } = kit;
      const age = stats.age;
      return {
        title: t('stats.chart.ageSex'),
        caption: ageCaption(kit, 'stats.chart.age.bySex'),
        svg: histogram(
          {
            title: t('stats.chart.ageSex'),
            xLabel: t('field.age'),
            yLabel: studies,
            series: sexSeriesOf(drawnSexes(age.bins.map((b) => b.bySex))),
            bins: age.bins.map((b) => ({
              label: String(b.from),
              values: drawnSexes(age.bins.map((x) => x.bySex)).map((k) => b.bySex[k]),
            })),
            end: age.bins.length ? String(age.bins[age.bins.length - 1]!.to) : undefined,
          },
          width,
        ),
        table: {
          head: [t('field.age'), ...sexSeries.map((s) => s.label), t('stats.total')],
          rows: ageRows(kit, (b) => SEX_KEYS.map((k) => b.bySex[k])),
        },
      };
    },
  },
] as const satisfies readonly ChartDefinition[];
