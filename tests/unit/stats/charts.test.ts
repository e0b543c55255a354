import { csvParseRows } from 'd3';
import { describe, expect, it } from 'vitest';
import { chartCsv, chartSvgFile } from '../../../src/site/charts/chart-files.ts';
import { buildCharts, CHART_IDS } from '../../../src/site/charts/chart-specs.ts';
import { UPSET_MAX_ROWS } from '../../../src/site/charts/charts-findings.ts';
import { FINDING_IDS } from '../../../src/domain/field-values.ts';
import { h, toSvgString, type SvgNode } from '../../../src/site/charts/svg-tree.ts';
import { computeStats } from '../../../src/domain/compute-stats.ts';
import { makeStudy } from './make-study.ts';

const source = {
  synthetic: true,
  registryFile: 'dataset_registry.xlsx',
  registrySha256: 'ab'.repeat(32),
  registryLayout: null,
  builtAt: '2026-01-01T00:00:00.000Z',
};
const studies = [
  makeStudy({ with: ['subdural', 'fracture'], age: 30, kernel: '<script>alert(1)</script>' }),
  makeStudy({ with: ['epidural'], age: 45, sex: 'F' }),
  makeStudy({ age: 70, sex: null }),
];

function walk(node: SvgNode | string, visit: (n: SvgNode) => void): void {
  if (typeof node === 'string') return;
  visit(node);
  node.children.forEach((c) => walk(c, visit));
}

describe('buildCharts', () => {
  const specs = buildCharts(computeStats(studies), {
    locale: 'en',
    source,
    datasetTotal: 10,
    width: 400,
  });

  it('builds every chart, each with a title, scope, SVG and a table', () => {
    // The page order, grouped by section.
    expect(specs.map((s) => `${s.section}/${s.id}`)).toEqual([
      'overview/class-balance',
      'overview/sex',
      'overview/age-class',
      'overview/age-sex',
      'findings/findings',
      'findings/cooccurrence',
      'findings/age-finding',
      'acquisition/slice-thickness',
      'acquisition/kvp',
      'acquisition/tube-current',
      'acquisition/kernel',
      'acquisition/manufacturer',
      'acquisition/model',
      'series/series-per-study',
      'series/images-per-series',
    ]);
    expect(specs.map((s) => s.id)).toEqual(CHART_IDS);
    for (const spec of specs) {
      expect(spec.svg.tag).toBe('svg');
      expect(spec.svg.attrs['viewBox']).toMatch(/^0 0 400 \d+$/);
      expect(spec.scope).toContain('3 of 10 studies');
      expect(spec.scope).toContain('abababababab');
      expect(spec.scope).toContain('2026-01-01');
      expect(spec.table.rows.length).toBeGreaterThan(0);
      for (const row of spec.table.rows) expect(row).toHaveLength(spec.table.head.length);
    }
  });

  it('draws one stacked segment per non-zero value, titled with its count', () => {
    const classBalance = specs.find((s) => s.id === 'class-balance')!;
    const titles: string[] = [];
    walk(classBalance.svg, (n) => {
      if (n.tag === 'rect' && n.children[0] && typeof n.children[0] !== 'string')
        titles.push(String(n.children[0].children[0]));
    });
    expect(titles).toEqual(['With signs of hemorrhage: 2', 'Without signs of hemorrhage: 1']);
  });

  it('draws one UpSet row per combination with dots for its members', () => {
    const upset = specs.find((s) => s.id === 'cooccurrence')!;
    let dotsOn = 0;
    walk(upset.svg, (n) => {
      if (n.attrs['class'] === 'chart-dot-on') dotsOn += 1;
    });
    expect(dotsOn).toBe(3); // subdural+fracture, epidural
    expect(upset.table.rows).toEqual([
      // Equal counts: the simpler combination first.
      ['Epidural hemorrhage', 1],
      ['Subdural hemorrhage + Skull fracture', 1],
      ['No finding', 1],
    ]);
  });

  it('draws at most UPSET_MAX_ROWS combinations but lists every one in the table', () => {
    // 2^6 - 1 = 63 distinct non-empty combinations of the first six findings.
    const many = Array.from({ length: 63 }, (_, i) =>
      makeStudy({ with: FINDING_IDS.slice(0, 6).filter((_, b) => (i + 1) & (1 << b)) }),
    );
    const upset = buildCharts(computeStats(many), {
      locale: 'en',
      source,
      datasetTotal: 63,
      width: 400,
    }).find((s) => s.id === 'cooccurrence')!;
    let bars = 0;
    const texts: string[] = [];
    walk(upset.svg, (n) => {
      if (n.tag === 'rect' && n.attrs['class'] === 'chart-s-with') bars += 1;
      if (n.tag === 'text' && typeof n.children[0] === 'string') texts.push(n.children[0]);
    });
    expect(bars).toBe(UPSET_MAX_ROWS);
    expect(texts).toContain(
      `+ ${63 - UPSET_MAX_ROWS} more combinations (all are in the data table)`,
    );
    expect(upset.table.rows).toHaveLength(63 + 1);
  });

  it('renders every chart for an empty subset', () => {
    const empty = buildCharts(computeStats([]), {
      locale: 'en',
      source,
      datasetTotal: 3,
      width: 320,
    });
    expect(empty).toHaveLength(CHART_IDS.length);
    expect(empty[0]!.scope).toContain('0 of 3 studies');
  });

  it('speaks Russian on Russian pages', () => {
    const ru = buildCharts(computeStats(studies), {
      locale: 'ru',
      source,
      datasetTotal: 3,
      width: 400,
    });
    expect(ru[0]!.title).toBe('Распределение по классам');
    expect(ru[0]!.scope).toContain('3 из 3');
  });
});

describe('chart files', () => {
  const specs = buildCharts(computeStats(studies), {
    locale: 'en',
    source,
    datasetTotal: 3,
    width: 400,
  });
  const kernel = specs.find((s) => s.id === 'kernel')!;

  it('writes the table as CSV that parses back to the same cells', () => {
    const rows = csvParseRows(chartCsv(kernel).trim());
    expect(rows[0]).toEqual(kernel.table.head);
    expect(rows.slice(1)).toEqual(kernel.table.rows.map((r) => r.map(String)));
  });

  it('escapes data in the standalone SVG, and embeds the styles', () => {
    const file = chartSvgFile(kernel, 'svg.chart{fill:red}');
    expect(file).not.toContain('<script>');
    expect(file).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(file).toMatch(
      /^<\?xml[^>]*>\n<svg [^>]*><style>svg\.chart\{fill:red\}svg\.chart\{color:/,
    );
    expect(file).toMatch(/<svg [^>]*width="400"[^>]*height="\d+"/);
  });

  it('escapes attributes and text in the tree serialiser', () => {
    expect(toSvgString(h('text', { 'data-x': '"><b>' }, 'a & <b>'))).toBe(
      '<text data-x="&quot;&gt;&lt;b&gt;">a &amp; &lt;b&gt;</text>',
    );
  });
});
