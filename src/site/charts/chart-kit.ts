/**
 * What every chart definition is made of: the types of a chart (`ChartSpec`) and of its
 * definition (`ChartDefinition`: id, section, build function), and the kit a build function
 * gets — the statistics, the translator, and the series, labels and cells that several charts
 * share, made once per `buildCharts` call.
 */
import type { Locale } from '../../i18n/locales.ts';
import { CLASS_KEYS, type ClassKey } from '../../domain/field-table.ts';
import { FINDING_IDS, SEX_KEYS, UNKNOWN, type SexKey } from '../../domain/field-values.ts';
import type { Source } from '../../domain/schemas.ts';
import type { ClassSplit, SexSplit, Stats, Summary } from '../../domain/stats.ts';
import { useBrowserTranslations } from '../../i18n/browser.ts';
import { formatNumber } from '../../domain/number-format.ts';
import type { ChartSeries } from './common.ts';
import type { SvgNode } from './svg-tree.ts';

export const CHART_SECTIONS = ['overview', 'findings', 'acquisition', 'series'] as const;
export type ChartSection = (typeof CHART_SECTIONS)[number];

export type Cell = string | number;

/** What a chart's build function makes: everything of a chart but its id, section and scope. */
export interface ChartBody {
  title: string;
  /** What the chart shows (may include summary figures of this subset). */
  caption: string;
  svg: SvgNode;
  table: { head: string[]; rows: Cell[][] };
}

export interface ChartSpec extends ChartBody {
  /** Stable kebab-case id: anchors, file names, `data-chart` attributes. */
  id: string;
  section: ChartSection;
  /** Scope: "computed from N of M studies; registry sha256 …; built <date>". */
  scope: string;
}

/** One chart of the statistics page: the page lists these in order (chart-specs.ts). */
export interface ChartDefinition<Id extends string = string> {
  id: Id;
  section: ChartSection;
  build: (kit: ChartKit) => ChartBody;
}

export interface ChartContext {
  locale: Locale;
  source: Source;
  /** Number of studies in the whole dataset (the "of M"). */
  datasetTotal: number;
  width: number;
}

/**
 * A figure as a table cell: at most two decimals, "—" for none; a number stays a number, so a
 * CSV download writes it plainly and a page writes it in its language (`cellText`).
 * @example fmt(38.254) // 38.25
 */
export function fmt(value: number | null): Cell {
  return value === null ? '—' : Math.round(value * 100) / 100;
}

/**
 * A table cell as a page shows it: numbers in the page's language ("38,25").
 * @example cellText(38.25, 'ru') // '38,25'
 */
export function cellText(cell: Cell, locale: Locale): string {
  return typeof cell === 'number' ? formatNumber(locale, cell) : cell;
}

// Keyed by the statistics' splits: a class or sex they do not count fails the type check.
const CLASS_CLASSNAMES: Record<keyof ClassSplit, string> = {
  with: 'chart-s-with',
  without: 'chart-s-without',
  unknown: 'chart-s-unknown',
};
const SEX_CLASSNAMES: Record<keyof SexSplit, string> = {
  M: 'chart-s-male',
  F: 'chart-s-female',
  unknown: 'chart-s-unknown',
};

export type ChartKit = ReturnType<typeof chartKit>;

/** The kit for one set of statistics in one locale at one width. */
export function chartKit(stats: Stats, ctx: ChartContext) {
  const t = useBrowserTranslations(ctx.locale);
  const studies = t('stats.studies');
  const classSeries: ChartSeries[] = CLASS_KEYS.map((k) => ({
    label: t(`stats.class.${k}`),
    className: CLASS_CLASSNAMES[k],
  }));
  const sexSeries: ChartSeries[] = SEX_KEYS.map((k) => ({
    label: t(`stats.sex.${k}`),
    className: SEX_CLASSNAMES[k],
  }));
  return {
    stats,
    t,
    width: ctx.width,
    /** The word "studies", the unit of most axes. */
    studies,
    classSeries,
    sexSeries,
    totalSeries: [{ label: studies, className: 'chart-s-total' }] as ChartSeries[],
    classHead: [...classSeries.map((s) => s.label), t('stats.total')],
    // Charts draw "not specified" (class or sex) only when it holds something: a legend entry
    // or a bar for nothing is noise. Tables and CSVs keep all columns, zeros included, so the
    // downloads of any subset have the same columns.
    drawnClasses: (splits: readonly ClassSplit[]) =>
      CLASS_KEYS.filter((k) => k !== UNKNOWN || splits.some((s) => s[k] > 0)),
    classSeriesOf: (keys: readonly ClassKey[]) =>
      keys.map((k) => classSeries[CLASS_KEYS.indexOf(k)]!),
    drawnSexes: (splits: readonly Record<SexKey, number>[]) =>
      SEX_KEYS.filter((k) => k !== UNKNOWN || splits.some((s) => s[k] > 0)),
    sexSeriesOf: (keys: readonly SexKey[]) => keys.map((k) => sexSeries[SEX_KEYS.indexOf(k)]!),
    findingName: (id: (typeof FINDING_IDS)[number]) => t(`finding.${id}`),
    /** A figure in a caption, in the page's language. */
    num: (value: number | null) => cellText(fmt(value), ctx.locale),
    /** A category's key as a label: numeric keys ("2.5") in the page's language. */
    keyLabel: (key: string | null) =>
      key === null
        ? t('stats.notSpecified')
        : String(Number(key)) === key
          ? formatNumber(ctx.locale, Number(key))
          : key,
    binLabel: (from: number, to: number, integer = true) =>
      integer ? `${from}–${to - 1}` : `${from}–${to}`,
    summaryHead: (['n', 'min', 'q1', 'median', 'q3', 'max'] as const).map((k) =>
      t(`stats.summary.${k}`),
    ),
    summaryCells: (s: Summary): Cell[] => [
      s.n,
      fmt(s.min),
      fmt(s.q1),
      fmt(s.median),
      fmt(s.q3),
      fmt(s.max),
    ],
  };
}
