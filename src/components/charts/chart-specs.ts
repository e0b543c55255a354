/**
 * The statistics page's charts as data: for one `Stats` (the whole dataset or a subset) and a
 * locale, each chart's title, caption, SVG tree and data table. The build renders these to
 * HTML and files; the explorer calls the same function in the browser for a subset, so both
 * show the same structure and the same numbers.
 */
import { FINDING_IDS, type Locale } from '../../domain/labels.ts';
import type { Source } from '../../domain/schemas.ts';
import type { CategoryCount, ClassSplit, Stats, Summary } from '../../domain/stats.ts';
import { useBrowserTranslations, type BrowserKey } from '../../i18n/browser.ts';
import { barChart } from './bar-chart.ts';
import { boxPlot } from './box-plot.ts';
import type { ChartSeries } from './common.ts';
import { histogram } from './histogram.ts';
import type { SvgNode } from './svg-tree.ts';
import { upsetChart } from './upset-chart.ts';

export const CHART_SECTIONS = ['overview', 'findings', 'acquisition', 'series'] as const;
export type ChartSection = (typeof CHART_SECTIONS)[number];

export type Cell = string | number;

export interface ChartSpec {
  /** Stable kebab-case id: anchors, file names, `data-chart` attributes. */
  id: string;
  section: ChartSection;
  title: string;
  /** What the chart shows (may include summary figures of this subset). */
  caption: string;
  /** Scope: "computed from N of M studies; registry sha256 …; built <date>". */
  scope: string;
  svg: SvgNode;
  table: { head: string[]; rows: Cell[][] };
}

export interface ChartContext {
  locale: Locale;
  source: Source;
  /** Number of studies in the whole dataset (the "of M"). */
  datasetTotal: number;
  width: number;
}

/** The chart ids in page order (useful to tests and to file endpoints). */
export const CHART_IDS = [
  'class-balance',
  'sex',
  'age-class',
  'age-sex',
  'findings',
  'cooccurrence',
  'age-finding',
  'slice-thickness',
  'kvp',
  'tube-current',
  'kernel',
  'manufacturer',
  'model',
  'series-per-study',
  'images-per-series',
] as const;
export type ChartId = (typeof CHART_IDS)[number];

/** The UpSet chart draws the largest combinations; its table lists every one. */
export const UPSET_MAX_ROWS = 40;

const CLASS_KEYS = ['with', 'without', 'unknown'] as const satisfies readonly (keyof ClassSplit)[];
const CLASS_CLASSNAMES = {
  with: 'chart-s-with',
  without: 'chart-s-without',
  unknown: 'chart-s-unknown',
};
const SEX_KEYS = ['M', 'F', 'unknown'] as const;
const SEX_CLASSNAMES = { M: 'chart-s-male', F: 'chart-s-female', unknown: 'chart-s-unknown' };

/**
 * Numbers as tables and captions show them: at most two decimals, "—" for none.
 * @example fmt(38.25) // '38.25'
 */
export function fmt(value: number | null): string {
  return value === null ? '—' : String(Math.round(value * 100) / 100);
}

export function buildCharts(stats: Stats, ctx: ChartContext): ChartSpec[] {
  const t = useBrowserTranslations(ctx.locale);
  const { width } = ctx;
  const scope = t('stats.scope', {
    n: stats.total,
    count: ctx.datasetTotal,
    sha: ctx.source.registrySha256
      ? `${ctx.source.registrySha256.slice(0, 12)}…`
      : t('stats.scope.noSha'),
    date: ctx.source.builtAt.slice(0, 10),
  });
  const studies = t('stats.studies');
  const classSeries: ChartSeries[] = CLASS_KEYS.map((k) => ({
    label: t(`stats.class.${k}`),
    className: CLASS_CLASSNAMES[k],
  }));
  const sexSeries: ChartSeries[] = SEX_KEYS.map((k) => ({
    label: t(`stats.sex.${k}`),
    className: SEX_CLASSNAMES[k],
  }));
  const totalSeries: ChartSeries[] = [{ label: studies, className: 'chart-s-total' }];
  const classHead = [...classSeries.map((s) => s.label), t('stats.total')];
  // Charts draw "not specified" (class or sex) only when it holds something: a legend entry
  // or a bar for nothing is noise. Tables and CSVs keep all columns, zeros included, so the
  // downloads of any subset have the same columns.
  const drawnClasses = (splits: readonly ClassSplit[]) =>
    CLASS_KEYS.filter((k) => k !== 'unknown' || splits.some((s) => s[k] > 0));
  const classSeriesOf = (keys: readonly (typeof CLASS_KEYS)[number][]) =>
    keys.map((k) => classSeries[CLASS_KEYS.indexOf(k)]!);
  const drawnSexes = (splits: readonly Record<(typeof SEX_KEYS)[number], number>[]) =>
    SEX_KEYS.filter((k) => k !== 'unknown' || splits.some((s) => s[k] > 0));
  const sexSeriesOf = (keys: readonly (typeof SEX_KEYS)[number][]) =>
    keys.map((k) => sexSeries[SEX_KEYS.indexOf(k)]!);
  const findingName = (id: (typeof FINDING_IDS)[number]) => t(`finding.${id}`);
  const keyLabel = (key: string | null) => key ?? t('stats.notSpecified');
  const binLabel = (from: number, to: number, integer = true) =>
    integer ? `${from}–${to - 1}` : `${from}–${to}`;

  const spec = (
    id: ChartId,
    section: ChartSection,
    title: string,
    caption: string,
    svg: SvgNode,
    head: string[],
    rows: Cell[][],
  ): ChartSpec => ({ id, section, title, caption, scope, svg, table: { head, rows } });

  const classBars = (
    id: ChartId,
    titleKey: BrowserKey,
    labelKey: BrowserKey,
    counts: CategoryCount[],
  ) => {
    const title = t(titleKey);
    const drawn = drawnClasses(counts.map((c) => c.byClass));
    return spec(
      id,
      'acquisition',
      title,
      t('stats.chart.acquisition.caption'),
      barChart(
        {
          title,
          xLabel: studies,
          categoryLabel: t(labelKey),
          series: classSeriesOf(drawn),
          rows: counts.map((c) => ({
            label: keyLabel(c.key),
            values: drawn.map((k) => c.byClass[k]),
          })),
        },
        width,
      ),
      [t(labelKey), ...classHead],
      counts.map((c) => [keyLabel(c.key), ...CLASS_KEYS.map((k) => c.byClass[k]), c.total]),
    );
  };

  const age = stats.age;
  const ageCaption = (split: BrowserKey) =>
    t('stats.chart.age.caption', {
      bin: age.binYears,
      split: t(split),
      min: fmt(age.summary.min),
      median: fmt(age.summary.median),
      max: fmt(age.summary.max),
      // The noun agrees with the last number ("макс. 91 год", "макс. 100 лет").
      count: age.summary.max ?? 0,
      unknown: age.unknown.total,
    });
  const ageRows = (keysOf: (b: (typeof age.bins)[number] | typeof age.unknown) => number[]) => [
    ...age.bins.map((b) => [binLabel(b.from, b.to), ...keysOf(b), b.total]),
    [t('stats.ageUnknown'), ...keysOf(age.unknown), age.unknown.total],
  ];
  const summaryHead = (['n', 'min', 'q1', 'median', 'q3', 'max'] as const).map((k) =>
    t(`stats.summary.${k}`),
  );
  const summaryCells = (s: Summary): Cell[] => [
    s.n,
    fmt(s.min),
    fmt(s.q1),
    fmt(s.median),
    fmt(s.q3),
    fmt(s.max),
  ];
  const tube = stats.acquisition.tubeCurrent;
  const images = stats.imagesPerSeries;
  const co = stats.cooccurrence;

  return [
    spec(
      'class-balance',
      'overview',
      t('stats.chart.classBalance'),
      t('stats.chart.classBalance.caption'),
      barChart(
        {
          title: t('stats.chart.classBalance'),
          xLabel: studies,
          categoryLabel: t('stats.class'),
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
      [t('stats.class'), studies],
      CLASS_KEYS.map((k, i) => [classSeries[i]!.label, stats.classBalance[k]]),
    ),
    spec(
      'sex',
      'overview',
      t('stats.chart.sex'),
      t('stats.chart.sex.caption'),
      barChart(
        {
          title: t('stats.chart.sex'),
          xLabel: studies,
          categoryLabel: t('stats.sex'),
          series: sexSeriesOf(drawnSexes([stats.sex])),
          legend: false,
          rows: drawnSexes([stats.sex]).map((k, _, keys) => ({
            label: sexSeries[SEX_KEYS.indexOf(k)]!.label,
            values: keys.map((other) => (other === k ? stats.sex[k] : 0)),
          })),
        },
        width,
      ),
      [t('stats.sex'), studies],
      SEX_KEYS.map((k, i) => [sexSeries[i]!.label, stats.sex[k]]),
    ),
    spec(
      'age-class',
      'overview',
      t('stats.chart.ageClass'),
      ageCaption('stats.chart.age.byClass'),
      histogram(
        {
          title: t('stats.chart.ageClass'),
          xLabel: t('stats.age'),
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
      [t('stats.age'), ...classHead],
      ageRows((b) => CLASS_KEYS.map((k) => b.byClass[k])),
    ),
    spec(
      'age-sex',
      'overview',
      t('stats.chart.ageSex'),
      ageCaption('stats.chart.age.bySex'),
      histogram(
        {
          title: t('stats.chart.ageSex'),
          xLabel: t('stats.age'),
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
      [t('stats.age'), ...sexSeries.map((s) => s.label), t('stats.total')],
      ageRows((b) => SEX_KEYS.map((k) => b.bySex[k])),
    ),
    spec(
      'findings',
      'findings',
      t('stats.chart.findings'),
      t('stats.chart.findings.caption'),
      barChart(
        {
          title: t('stats.chart.findings'),
          xLabel: studies,
          categoryLabel: t('stats.finding'),
          series: totalSeries,
          rows: stats.findings.map((f) => ({ label: findingName(f.id), values: [f.present] })),
        },
        width,
      ),
      [t('stats.finding'), t('stats.present'), t('stats.absent'), t('stats.notSpecified')],
      stats.findings.map((f) => [findingName(f.id), f.present, f.absent, f.unknown]),
    ),
    spec(
      'cooccurrence',
      'findings',
      t('stats.chart.cooccurrence'),
      t('stats.chart.cooccurrence.caption', { none: co.none }),
      upsetChart(
        {
          title: t('stats.chart.cooccurrence'),
          setSizeLabel: t('stats.cooccurrence.setSize'),
          countLabel: studies,
          maxRows: UPSET_MAX_ROWS,
          moreLabel: t('stats.cooccurrence.more'),
          sets: co.sets.map((s) => ({ label: findingName(s.id), size: s.size })),
          intersections: co.intersections.map((i) => ({
            members: FINDING_IDS.map((id) => i.sets.includes(id)),
            count: i.count,
          })),
        },
        width,
      ),
      [t('stats.cooccurrence.combination'), studies],
      [
        ...co.intersections.map((i) => [i.sets.map(findingName).join(' + '), i.count]),
        [t('stats.cooccurrence.none'), co.none],
      ],
    ),
    spec(
      'age-finding',
      'findings',
      t('stats.chart.ageFinding'),
      t('stats.chart.ageFinding.caption'),
      boxPlot(
        {
          title: t('stats.chart.ageFinding'),
          xLabel: t('stats.age'),
          emptyLabel: t('stats.noData'),
          rows: stats.ageByFinding.map((s) => ({ label: findingName(s.id), summary: s })),
        },
        width,
      ),
      [t('stats.finding'), ...summaryHead],
      stats.ageByFinding.map((s) => [findingName(s.id), ...summaryCells(s)]),
    ),
    classBars(
      'slice-thickness',
      'stats.chart.sliceThickness',
      'stats.sliceThickness',
      stats.acquisition.sliceThickness,
    ),
    classBars('kvp', 'stats.chart.kvp', 'stats.kvp', stats.acquisition.kvp),
    spec(
      'tube-current',
      'acquisition',
      t('stats.chart.tubeCurrent'),
      t('stats.chart.tubeCurrent.caption', { bin: tube.binMa, unknown: tube.unknown.total }),
      histogram(
        {
          title: t('stats.chart.tubeCurrent'),
          xLabel: t('stats.tubeCurrent'),
          yLabel: studies,
          series: classSeriesOf(drawnClasses(tube.bins.map((b) => b.byClass))),
          bins: tube.bins.map((b) => ({
            label: String(b.from),
            values: drawnClasses(tube.bins.map((x) => x.byClass)).map((k) => b.byClass[k]),
          })),
          end: tube.bins.length ? String(tube.bins[tube.bins.length - 1]!.to) : undefined,
        },
        width,
      ),
      [t('stats.tubeCurrent'), ...classHead],
      [
        ...tube.bins.map((b) => [
          binLabel(b.from, b.to, false),
          ...CLASS_KEYS.map((k) => b.byClass[k]),
          b.total,
        ]),
        [
          t('stats.notSpecified'),
          ...CLASS_KEYS.map((k) => tube.unknown.byClass[k]),
          tube.unknown.total,
        ],
      ],
    ),
    classBars('kernel', 'stats.chart.kernel', 'stats.kernel', stats.acquisition.kernel),
    classBars(
      'manufacturer',
      'stats.chart.manufacturer',
      'stats.manufacturer',
      stats.acquisition.manufacturer,
    ),
    classBars('model', 'stats.chart.model', 'stats.model', stats.acquisition.model),
    spec(
      'series-per-study',
      'series',
      t('stats.chart.seriesPerStudy'),
      t('stats.chart.seriesPerStudy.caption'),
      barChart(
        {
          title: t('stats.chart.seriesPerStudy'),
          xLabel: studies,
          categoryLabel: t('stats.seriesCount'),
          series: totalSeries,
          rows: stats.seriesPerStudy.map((s) => ({ label: String(s.series), values: [s.count] })),
        },
        width,
      ),
      [t('stats.seriesCount'), studies],
      stats.seriesPerStudy.map((s) => [s.series, s.count]),
    ),
    spec(
      'images-per-series',
      'series',
      t('stats.chart.imagesPerSeries'),
      t('stats.chart.imagesPerSeries.caption', {
        bin: images.binImages,
        min: fmt(images.summary.min),
        median: fmt(images.summary.median),
        max: fmt(images.summary.max),
      }),
      histogram(
        {
          title: t('stats.chart.imagesPerSeries'),
          xLabel: t('stats.imagesCount'),
          yLabel: t('stats.series'),
          series: [{ label: t('stats.series'), className: 'chart-s-total' }],
          bins: images.bins.map((b) => ({ label: String(b.from), values: [b.total] })),
          end: images.bins.length ? String(images.bins[images.bins.length - 1]!.to) : undefined,
        },
        width,
      ),
      [t('stats.imagesCount'), t('stats.series')],
      images.bins.map((b) => [binLabel(b.from, b.to), b.total]),
    ),
  ];
}
