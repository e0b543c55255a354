/** The statistics page's charts of findings: how often, in which combinations, at what age. */
import { FINDING_IDS } from '../../domain/field-values.ts';
import { barChart } from './bar-chart.ts';
import { boxPlot } from './box-plot.ts';
import type { ChartDefinition } from './chart-kit.ts';
import { upsetChart } from './upset-chart.ts';

/** The UpSet chart draws the largest combinations; its table lists every one. */
export const UPSET_MAX_ROWS = 40;

export const FINDINGS_CHARTS = [
  {
    id: 'findings',
    section: 'findings',
    build: ({ t, stats, width, studies, totalSeries, findingName }) => ({
      title: t('stats.chart.findings'),
      caption: t('stats.chart.findings.caption'),
      svg: barChart(
        {
          title: t('stats.chart.findings'),
          xLabel: studies,
          categoryLabel: t('stats.finding'),
          series: totalSeries,
          rows: stats.findings.map((f) => ({ label: findingName(f.id), values: [f.present] })),
        },
        width,
      ),
      table: {
        head: [t('stats.finding'), t('stats.present'), t('stats.absent'), t('stats.notSpecified')],
        rows: stats.findings.map((f) => [findingName(f.id), f.present, f.absent, f.unknown]),
      },
    }),
  },
  {
    id: 'cooccurrence',
    section: 'findings',
    build: ({ t, stats, width, studies, findingName }) => {
      const co = stats.cooccurrence;
      return {
        title: t('stats.chart.cooccurrence'),
        caption: t('stats.chart.cooccurrence.caption', { none: co.none }),
        svg: upsetChart(
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
        table: {
          head: [t('stats.cooccurrence.combination'), studies],
          rows: [
            ...co.intersections.map((i) => [i.sets.map(findingName).join(' + '), i.count]),
            [t('stats.cooccurrence.none'), co.none],
          ],
        },
      };
    },
  },
  {
    id: 'age-finding',
    section: 'findings',
    build: ({ t, stats, width, findingName, summaryHead, summaryCells, num }) => ({
      title: t('stats.chart.ageFinding'),
      caption: t('stats.chart.ageFinding.caption'),
      svg: boxPlot(
        {
          title: t('stats.chart.ageFinding'),
          xLabel: t('field.age'),
          emptyLabel: t('stats.noData'),
          rows: stats.ageByFinding.map((s) => ({ label: findingName(s.id), summary: s })),
          format: num,
        },
        width,
      ),
      table: {
        head: [t('stats.finding'), ...summaryHead],
        rows: stats.ageByFinding.map((s) => [findingName(s.id), ...summaryCells(s)]),
      },
    }),
  },
] as const satisfies readonly ChartDefinition[];
