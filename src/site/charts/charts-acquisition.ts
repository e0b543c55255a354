/** The statistics page's charts of acquisition parameters, each split by class. */
import type { CategoryCount, Stats } from '../../domain/stats.ts';
import type { BrowserKey } from '../../i18n/browser.ts';
import { barChart } from './bar-chart.ts';
import { CLASS_KEYS } from '../../domain/field-table.ts';
import type { ChartDefinition } from './chart-kit.ts';
import { histogram } from './histogram.ts';

/** A categorical parameter as bars by class, and its counts as a table. */
function classBars<Id extends string>(
  id: Id,
  titleKey: BrowserKey,
  labelKey: BrowserKey,
  counts: (acquisition: Stats['acquisition']) => CategoryCount[],
): ChartDefinition<Id> {
  return {
    id,
    section: 'acquisition',
    build: ({ t, stats, width, studies, classHead, keyLabel, drawnClasses, classSeriesOf }) => {
      const title = t(titleKey);
      const values = counts(stats.acquisition);
      const drawn = drawnClasses(values.map((c) => c.byClass));
      return {
        title,
        caption: t('stats.chart.acquisition.caption'),
        svg: barChart(
          {
            title,
            xLabel: studies,
            categoryLabel: t(labelKey),
            series: classSeriesOf(drawn),
            rows: values.map((c) => ({
              label: keyLabel(c.key),
              values: drawn.map((k) => c.byClass[k]),
            })),
          },
          width,
        ),
        table: {
          head: [t(labelKey), ...classHead],
          rows: values.map((c) => [
            keyLabel(c.key),
            ...CLASS_KEYS.map((k) => c.byClass[k]),
            c.total,
          ]),
        },
      };
    },
  };
}

export const ACQUISITION_CHARTS = [
  classBars(
    'slice-thickness',
    'field.sliceThickness.name',
    'field.sliceThickness',
    (a) => a.sliceThickness,
  ),
  classBars('kvp', 'field.kvp.name', 'field.kvp', (a) => a.kvp),
  {
    id: 'tube-current',
    section: 'acquisition',
    build: ({ t, stats, width, studies, classHead, binLabel, drawnClasses, classSeriesOf }) => {
      const tube = stats.acquisition.tubeCurrent;
      return {
        title: t('field.tubeCurrent.name'),
        caption: t('stats.chart.tubeCurrent.caption', {
          bin: tube.binMa,
          unknown: tube.unknown.total,
        }),
        svg: histogram(
          {
            title: t('field.tubeCurrent.name'),
            xLabel: t('field.tubeCurrent'),
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
        table: {
          head: [t('field.tubeCurrent'), ...classHead],
          rows: [
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
        },
      };
    },
  },
  classBars('kernel', 'field.kernel', 'field.kernel', (a) => a.kernel),
  classBars('manufacturer', 'field.manufacturer', 'field.manufacturer', (a) => a.manufacturer),
  classBars('model', 'stats.chart.model', 'stats.model', (a) => a.model),
] as const satisfies readonly ChartDefinition[];
