/** The statistics page's overview charts: class balance, sex, age by class and by sex. */
import type { Stats } from '../../domain/stats.ts';
import type { BrowserKey } from '../../i18n/browser.ts';
import { barChart } from './bar-chart.ts';
import { CLASS_KEYS, type ClassKey } from '../../domain/field-table.ts';
import { SEX_KEYS, type SexKey } from '../../domain/field-values.ts';
import type { ChartBody, ChartDefinition, ChartKit, Cell } from './chart-kit.ts';
import type { ChartSeries } from './common.ts';
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

/** One way the overview splits the studies, by class or by sex: its keys, series and counts. */
interface Split<K extends string> {
  /** The field's word: the bar chart's category and its table's first column. */
  field: BrowserKey;
  keys: readonly K[];
  /** One per key, in the keys' order. */
  series: ChartSeries[];
  /** The keys a chart draws for these counts (the kit's drawnClasses, drawnSexes). */
  drawn: (counts: readonly Record<K, number>[]) => K[];
  seriesOf: (keys: readonly K[]) => ChartSeries[];
  /** All studies' counts. */
  totals: Record<K, number>;
  /** An age group's counts. */
  ofGroup: (group: AgeGroup) => Record<K, number>;
}

const classSplit = (kit: ChartKit): Split<ClassKey> => ({
  field: 'field.pathology',
  keys: CLASS_KEYS,
  series: kit.classSeries,
  drawn: kit.drawnClasses,
  seriesOf: kit.classSeriesOf,
  totals: kit.stats.classBalance,
  ofGroup: (group) => group.byClass,
});

const sexSplit = (kit: ChartKit): Split<SexKey> => ({
  field: 'field.sex',
  keys: SEX_KEYS,
  series: kit.sexSeries,
  drawn: kit.drawnSexes,
  seriesOf: kit.sexSeriesOf,
  totals: kit.stats.sex,
  ofGroup: (group) => group.bySex,
});

/** The studies by a split: one bar a key, each in its own colour. */
function splitBars<K extends string>(
  kit: ChartKit,
  split: Split<K>,
  title: BrowserKey,
  caption: BrowserKey,
): ChartBody {
  const { t, width, studies } = kit;
  const drawn = split.drawn([split.totals]);
  const label = (k: K) => split.series[split.keys.indexOf(k)]!.label;
  return {
    title: t(title),
    caption: t(caption),
    svg: barChart(
      {
        title: t(title),
        xLabel: studies,
        categoryLabel: t(split.field),
        // Each row in its own colour; the row labels make a legend redundant.
        series: split.seriesOf(drawn),
        legend: false,
        rows: drawn.map((k) => ({
          label: label(k),
          values: drawn.map((other) => (other === k ? split.totals[k] : 0)),
        })),
      },
      width,
    ),
    table: {
      head: [t(split.field), studies],
      rows: split.keys.map((k) => [label(k), split.totals[k]]),
    },
  };
}

/** The ages of the studies, each bin stacked by a split. */
function ageHistogram<K extends string>(
  kit: ChartKit,
  split: Split<K>,
  title: BrowserKey,
  by: BrowserKey,
): ChartBody {
  const { t, stats, width, studies } = kit;
  const age = stats.age;
  const drawn = split.drawn(age.bins.map(split.ofGroup));
  return {
    title: t(title),
    caption: ageCaption(kit, by),
    svg: histogram(
      {
        title: t(title),
        xLabel: t('field.age'),
        yLabel: studies,
        series: split.seriesOf(drawn),
        bins: age.bins.map((b) => ({
          label: String(b.from),
          values: drawn.map((k) => split.ofGroup(b)[k]),
        })),
        end: age.bins.length ? String(age.bins[age.bins.length - 1]!.to) : undefined,
      },
      width,
    ),
    table: {
      head: [t('field.age'), ...split.series.map((s) => s.label), t('stats.total')],
      rows: ageRows(kit, (b) => split.keys.map((k) => split.ofGroup(b)[k])),
    },
  };
}

export const OVERVIEW_CHARTS = [
  {
    id: 'class-balance',
    section: 'overview',
    build: (kit) =>
      splitBars(
        kit,
        classSplit(kit),
        'stats.chart.classBalance',
        'stats.chart.classBalance.caption',
      ),
  },
  {
    id: 'sex',
    section: 'overview',
    build: (kit) => splitBars(kit, sexSplit(kit), 'stats.chart.sex', 'stats.chart.sex.caption'),
  },
  {
    id: 'age-class',
    section: 'overview',
    build: (kit) =>
      ageHistogram(kit, classSplit(kit), 'stats.chart.ageClass', 'stats.chart.age.byClass'),
  },
  {
    id: 'age-sex',
    section: 'overview',
    build: (kit) => ageHistogram(kit, sexSplit(kit), 'stats.chart.ageSex', 'stats.chart.age.bySex'),
  },
] as const satisfies readonly ChartDefinition[];
